package com.eros.common.stats;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RankCorrelationTest {

  @Test
  void tiesShareTheMeanOfTheirRanks() {
    // sorted 5, 6, 7, 7, 8 -> ranks 1, 2, 3.5, 3.5, 5
    assertArrayEquals(
        new double[] {1, 2, 3.5, 5, 3.5},
        RankCorrelation.averageRanks(new double[] {5, 6, 7, 8, 7}),
        0);
    assertArrayEquals(
        new double[] {2, 2, 2}, RankCorrelation.averageRanks(new double[] {4, 4, 4}), 0);
  }

  @Test
  void withTiesItIsThePearsonCorrelationOfAverageRanks() {
    // ranks x 1..5, ranks y 1, 2, 3.5, 5, 3.5: Σdxdy = 8, Σdx² = 10, Σdy² = 9.5
    double r = RankCorrelation.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {5, 6, 7, 8, 7});
    assertThat(r, closeTo(8 / Math.sqrt(95), 1e-12));
  }

  @Test
  void withoutTiesItEqualsTheClassicFormula() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 50; trial++) {
      int n = 2 + rnd.nextInt(30);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = rnd.nextDouble();
        y[i] = x[i] + rnd.nextGaussian();
      }
      double[] rx = RankCorrelation.averageRanks(x);
      double[] ry = RankCorrelation.averageRanks(y);
      double d2 = 0;
      for (int i = 0; i < n; i++) {
        d2 += (rx[i] - ry[i]) * (rx[i] - ry[i]);
      }
      double classic = 1 - 6 * d2 / (n * ((double) n * n - 1));
      assertThat(RankCorrelation.spearman(x, y), closeTo(classic, 1e-12));
    }
  }

  @Test
  void monotoneIsOneReversedIsMinusOneAndOnlyOrderMatters() {
    assertThat(
        RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {10, 100, 1000}), is(1.0));
    assertThat(
        RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {0.3, 0.2, 0.1}), is(-1.0));
    // the same pairs in another order give the same value
    double a = RankCorrelation.spearman(new double[] {1, 2, 2, 4}, new double[] {3, 1, 2, 2});
    double b = RankCorrelation.spearman(new double[] {4, 2, 1, 2}, new double[] {2, 2, 3, 1});
    assertThat(a, is(b));
  }

  @Test
  void undefinedWithoutTwoPairsOrWithoutVariation() {
    assertThat(
        Double.isNaN(RankCorrelation.spearman(new double[] {1}, new double[] {2})), is(true));
    assertThat(Double.isNaN(RankCorrelation.spearman(new double[] {}, new double[] {})), is(true));
    assertThat(
        Double.isNaN(RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {5, 5, 5})),
        is(true));
    assertThat(
        Double.isNaN(RankCorrelation.spearman(new double[] {0.5, 0.5}, new double[] {1, 2})),
        is(true));
  }

  @Test
  void refusesNanAndMismatchedLengths() {
    assertThrows(
        IllegalArgumentException.class,
        () -> RankCorrelation.spearman(new double[] {1, 2}, new double[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> RankCorrelation.spearman(new double[] {1, Double.NaN}, new double[] {1, 2}));
  }
}
