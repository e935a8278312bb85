package com.eros.common.stats;

import java.util.Arrays;

/**
 * Integer percentile from percent rank.
 *
 * <pre>
 *   rank       = 1 + number of values strictly smaller (ties share the lowest rank)
 *   percentile = floor(100 × (rank − 1) / (count − 1)), 0 when count == 1
 * </pre>
 *
 * <p>The floor is computed in integer arithmetic, so for example rank − 1 = 29 and count − 1 = 100
 * gives 29 (floating point would give 28.999… → 28). O(n log n).
 */
public final class PercentRank {

  private PercentRank() {}

  /**
   * Percentile of each value among all {@code values}, in the same order as the input. The input
   * array is not modified. An empty input yields an empty result.
   *
   * @throws IllegalArgumentException if {@code values} is null or contains NaN
   */
  public static int[] percentiles(double[] values) {
    if (values == null) {
      throw new IllegalArgumentException("values must not be null");
    }
    for (double v : values) {
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("values must not contain NaN");
      }
    }
    int count = values.length;
    int[] result = new int[count];
    if (count <= 1) {
      return result;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < count; i++) {
      long smaller = countStrictlySmaller(sorted, values[i]);
      result[i] = (int) ((100L * smaller) / (count - 1));
    }
    return result;
  }

  /** First index whose value is not strictly smaller than {@code v}, by binary search. */
  private static int countStrictlySmaller(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
