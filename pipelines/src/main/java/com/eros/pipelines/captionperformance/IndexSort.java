package com.eros.pipelines.captionperformance;

import java.util.function.IntBinaryOperator;

/**
 * Stable merge sort of a range of int indices under a comparator of the indices, without boxing
 * (the page calculator sorts millions of message indices; {@code Arrays.sort} would need an {@code
 * Integer[]}).
 */
final class IndexSort {
  /** Below this length a range is sorted by insertion. */
  private static final int INSERTION_MAX = 16;

  private IndexSort() {}

  /**
   * Sorts {@code a[lo, hi)} stably by {@code cmp}, using {@code scratch[lo, hi)} as work space
   * ({@code scratch} at least as long as {@code hi}; its contents are overwritten).
   */
  static void sort(int[] a, int[] scratch, int lo, int hi, IntBinaryOperator cmp) {
    System.arraycopy(a, lo, scratch, lo, hi - lo);
    mergeSort(scratch, a, lo, hi, cmp);
  }

  /** Sorts dst[lo, hi) given src[lo, hi) holds the same elements; uses src as scratch. */
  private static void mergeSort(int[] src, int[] dst, int lo, int hi, IntBinaryOperator cmp) {
    if (hi - lo < INSERTION_MAX) {
      for (int i = lo + 1; i < hi; i++) {
        int v = dst[i];
        int j = i - 1;
        while (j >= lo && cmp.applyAsInt(dst[j], v) > 0) {
          dst[j + 1] = dst[j];
          j--;
        }
        dst[j + 1] = v;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(dst, src, lo, mid, cmp);
    mergeSort(dst, src, mid, hi, cmp);
    for (int i = lo, p = lo, q = mid; i < hi; i++) {
      if (q >= hi || (p < mid && cmp.applyAsInt(src[p], src[q]) <= 0)) {
        dst[i] = src[p++];
      } else {
        dst[i] = src[q++];
      }
    }
  }
}
