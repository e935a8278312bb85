package com.eros.common.stats;

import java.util.Arrays;

/**
 * Spearman rank correlation with <b>average ranks for ties</b>.
 *
 * <pre>
 *   rank(x_i)  = 1 + (number of values below x_i) + (number of other values equal to x_i) / 2
 *   spearman   = Pearson correlation of rank(x) and rank(y)
 * </pre>
 *
 * <p>Tied values share the mean of the ranks they would occupy (ranks 2 and 3 tied → 2.5 each), the
 * standard treatment: the result does not depend on the order of the input, and with no ties it
 * equals 1 − 6 Σd² / (n(n² − 1)). It is undefined (NaN) for fewer than two pairs or when either
 * side has no variation (all values tied), since then no order exists to compare.
 */
public final class RankCorrelation {

  private RankCorrelation() {}

  /**
   * Average ranks (1-based) of {@code values}, in input order. The input is not modified.
   *
   * @throws IllegalArgumentException on NaN
   */
  public static double[] averageRanks(double[] values) {
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(values[i])) {
        throw new IllegalArgumentException("values must not contain NaN");
      }
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double[] rank = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      // positions i..j (0-based) hold equal values: ranks i+1..j+1, mean (i + j) / 2 + 1
      double avg = (i + j) / 2.0 + 1.0;
      for (int k = i; k <= j; k++) {
        rank[order[k]] = avg;
      }
      i = j + 1;
    }
    return rank;
  }

  /**
   * Spearman's rank correlation of the pairs (x_i, y_i), or NaN when undefined (fewer than two
   * pairs, or x or y constant).
   *
   * @throws IllegalArgumentException when the lengths differ or a value is NaN
   */
  public static double spearman(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "x and y differ in length: " + x.length + " vs " + y.length);
    }
    if (x.length < 2) {
      averageRanks(x);
      averageRanks(y);
      return Double.NaN;
    }
    return pearson(averageRanks(x), averageRanks(y));
  }

  /** Pearson correlation, NaN when either side has zero variance. */
  static double pearson(double[] a, double[] b) {
    int n = a.length;
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= n;
    mb /= n;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      double da = a[i] - ma;
      double db = b[i] - mb;
      sab += da * db;
      saa += da * da;
      sbb += db * db;
    }
    if (saa == 0 || sbb == 0) {
      return Double.NaN;
    }
    // rounding can push a perfect correlation a hair past ±1
    return Math.max(-1.0, Math.min(1.0, sab / Math.sqrt(saa * sbb)));
  }
}
