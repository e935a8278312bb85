package com.eros.common.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PercentRankTest {

  @Test
  void distinctValuesKeepInputOrder() {
    // sorted: 1 (rank 1), 2 (2), 3 (3), 4 (4), 5 (5); count − 1 = 4
    assertArrayEquals(
        new int[] {50, 0, 100, 25, 75}, PercentRank.percentiles(new double[] {3, 1, 5, 2, 4}));
  }

  @Test
  void tiesShareLowestRank() {
    // 1 -> rank 1, both 2s -> rank 2, 3 -> rank 4; count − 1 = 3
    assertArrayEquals(
        new int[] {0, 33, 33, 100}, PercentRank.percentiles(new double[] {1, 2, 2, 3}));
  }

  @Test
  void singleValueIsZero() {
    assertArrayEquals(new int[] {0}, PercentRank.percentiles(new double[] {42.0}));
  }

  @Test
  void allEqualAreZero() {
    assertArrayEquals(new int[] {0, 0, 0}, PercentRank.percentiles(new double[] {7, 7, 7}));
  }

  @Test
  void emptyGivesEmpty() {
    assertArrayEquals(new int[0], PercentRank.percentiles(new double[0]));
  }

  @Test
  void integerFloorAvoidsFloatingError() {
    // 101 distinct values: percentile = rank − 1; 100 × 29/100 in doubles is 28.999…
    double[] values = new double[101];
    for (int i = 0; i < values.length; i++) {
      values[i] = (values.length - i) * 0.01;
    }
    int[] p = PercentRank.percentiles(values);
    for (int i = 0; i < values.length; i++) {
      int rank = values.length - i;
      int expected = rank - 1;
      if (p[i] != expected) {
        throw new AssertionError("value " + values[i] + ": " + p[i] + " != " + expected);
      }
    }
    // the value with 29 strictly smaller values gets 29, not 28
    assertEquals(29, p[values.length - 30]);
  }

  @Test
  void signedZerosTie() {
    assertArrayEquals(new int[] {0, 0, 100}, PercentRank.percentiles(new double[] {0.0, -0.0, 1}));
  }

  @Test
  void doesNotMutateInputAndRejectsNaN() {
    double[] values = {3, 1, 2};
    PercentRank.percentiles(values);
    assertArrayEquals(new double[] {3, 1, 2}, values);
    assertThrows(
        IllegalArgumentException.class,
        () -> PercentRank.percentiles(new double[] {1, Double.NaN}));
  }
}
