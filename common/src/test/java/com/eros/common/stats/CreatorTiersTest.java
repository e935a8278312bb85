package com.eros.common.stats;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreatorTiersTest {

  @ParameterizedTest
  @CsvSource({
    "0, MICRO",
    "4999.99, MICRO",
    "5000, SMALL",
    "24999.99, SMALL",
    "25000, MEDIUM",
    "99999.99, MEDIUM",
    "100000, LARGE",
    "499999.99, LARGE",
    "500000, MEGA",
    "10000000, MEGA"
  })
  void sizeTierThresholds(double revenue, String tier) {
    assertThat(CreatorTiers.sizeTier(revenue), is(tier));
  }

  @ParameterizedTest
  @CsvSource({
    "0, 100, EXPLORATORY",
    "19, 100, EXPLORATORY",
    "20, 0, BUDGET",
    "20, 0.4999, BUDGET",
    "20, 0.5, STANDARD",
    "500, 1.9999, STANDARD",
    "500, 2, PREMIUM",
    "500, 4.9999, PREMIUM",
    "500, 5, LUXURY",
    "500, 50, LUXURY"
  })
  void segmentThresholds(long messages, double rpr, String segment) {
    assertThat(CreatorTiers.segment(messages, rpr), is(segment));
  }

  @Test
  void rejectsNaN() {
    assertThrows(IllegalArgumentException.class, () -> CreatorTiers.sizeTier(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> CreatorTiers.segment(20, Double.NaN));
  }
}
