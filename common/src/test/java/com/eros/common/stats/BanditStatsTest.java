package com.eros.common.stats;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BanditStatsTest {

  @Test
  void posteriorAddsBetaOneOnePrior() {
    assertThat(BanditStats.posteriorAlpha(0), is(1.0));
    assertThat(BanditStats.posteriorAlpha(2.5), is(3.5));
    assertThat(BanditStats.posteriorBeta(0), is(1.0));
    assertThat(BanditStats.posteriorBeta(4.25), is(5.25));
  }

  @Test
  void explorationScoreShrinksWithObservations() {
    assertThat(BanditStats.explorationScore(0), is(1.0));
    assertThat(BanditStats.explorationScore(3), is(0.5));
    assertThat(BanditStats.explorationScore(1.5), closeTo(1 / Math.sqrt(2.5), 1e-15));
  }

  @Test
  void rejectsNegativeOrNaN() {
    assertThrows(IllegalArgumentException.class, () -> BanditStats.posteriorAlpha(-1));
    assertThrows(IllegalArgumentException.class, () -> BanditStats.posteriorBeta(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> BanditStats.explorationScore(-0.5));
  }
}
