package com.eros.common.stats;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MedianTest {

  @Test
  void oddCountTakesMiddle() {
    assertThat(Median.median(new double[] {5, 1, 3}), is(3.0));
    assertThat(Median.median(new double[] {7}), is(7.0));
  }

  @Test
  void evenCountAveragesTwoMiddles() {
    assertThat(Median.median(new double[] {4, 1, 3, 2}), is(2.5));
    assertThat(Median.median(new double[] {0.1, 0.3}), is(0.2));
  }

  @Test
  void handlesDuplicatesAndNegatives() {
    assertThat(Median.median(new double[] {2, -1, 2, 2, -5}), is(2.0));
    assertThat(Median.median(new double[] {-3, -1}), is(-2.0));
  }

  @Test
  void evenCountOfHugeValuesDoesNotOverflow() {
    double big = Double.MAX_VALUE;
    assertThat(Median.median(new double[] {big, big}), is(big));
  }

  @Test
  void doesNotMutateCallerArray() {
    double[] values = {3, 1, 2};
    Median.median(values);
    assertArrayEquals(new double[] {3, 1, 2}, values);
  }

  @Test
  void inPlaceVariantSortsTheArray() {
    double[] values = {3, 1, 2, 4};
    assertThat(Median.medianInPlace(values), is(2.5));
    assertArrayEquals(new double[] {1, 2, 3, 4}, values);
  }

  @Test
  void rejectsEmptyNullAndNaN() {
    assertThrows(IllegalArgumentException.class, () -> Median.median(new double[0]));
    assertThrows(IllegalArgumentException.class, () -> Median.median(null));
    assertThrows(IllegalArgumentException.class, () -> Median.medianInPlace(new double[0]));
    assertThrows(IllegalArgumentException.class, () -> Median.median(new double[] {1, Double.NaN}));
  }
}
