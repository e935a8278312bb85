package com.eros.common.stats;

import java.util.Arrays;

/**
 * Exact median: the middle value of the sorted values for an odd count, the mean of the two middle
 * values for an even count.
 */
public final class Median {

  private Median() {}

  /**
   * Median of {@code values}; the caller's array is left untouched.
   *
   * @throws IllegalArgumentException if {@code values} is null, empty or contains NaN
   */
  public static double median(double[] values) {
    if (values == null) {
      throw new IllegalArgumentException("values must not be null");
    }
    return medianInPlace(values.clone());
  }

  /**
   * Median of {@code values}, sorting the given array in place (cheaper for large throw-away
   * arrays).
   *
   * @throws IllegalArgumentException if {@code values} is null, empty or contains NaN
   */
  public static double medianInPlace(double[] values) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException("median of an empty set is undefined");
    }
    for (double v : values) {
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("values must not contain NaN");
      }
    }
    Arrays.sort(values);
    int n = values.length;
    int mid = n / 2;
    if (n % 2 == 1) {
      return values[mid];
    }
    // a / 2 + b / 2 cannot overflow to infinity for large finite values
    return values[mid - 1] / 2.0 + values[mid] / 2.0;
  }
}
