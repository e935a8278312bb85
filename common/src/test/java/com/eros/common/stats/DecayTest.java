package com.eros.common.stats;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DecayTest {

  @Test
  void weightHalvesEveryHalfLife() {
    assertThat(Decay.weight(0, 14), is(1.0));
    assertThat(Decay.weight(14, 14), closeTo(0.5, 1e-15));
    assertThat(Decay.weight(28, 14), closeTo(0.25, 1e-15));
    assertThat(Decay.weight(7, 14), closeTo(Math.sqrt(0.5), 1e-15));
  }

  @Test
  void ageIsFractionalDays() {
    long asOf = 1_700_000_000_000L;
    assertThat(Decay.ageDays(asOf, asOf - 129_600_000_000L), is(1.5));
    assertThat(Decay.ageDays(asOf, asOf - 3_600_000_000L), closeTo(1.0 / 24, 1e-15));
    assertThat(Decay.ageDays(asOf, asOf), is(0.0));
  }

  @Test
  void rejectsNonPositiveHalfLife() {
    assertThrows(IllegalArgumentException.class, () -> Decay.weight(1, 0));
    assertThrows(IllegalArgumentException.class, () -> Decay.weight(1, -14));
    assertThrows(IllegalArgumentException.class, () -> Decay.weight(1, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Decay.weight(1, Double.POSITIVE_INFINITY));
  }
}
