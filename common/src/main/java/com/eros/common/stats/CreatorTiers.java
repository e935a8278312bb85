package com.eros.common.stats;

/**
 * Creator classification (docs/daily-automation.md §2).
 *
 * <pre>
 *   size tier by revenue:  MICRO &lt; 5 000 ≤ SMALL &lt; 25 000 ≤ MEDIUM &lt; 100 000
 *                          ≤ LARGE &lt; 500 000 ≤ MEGA
 *   segment:               EXPLORATORY when messages &lt; 20, else by RPR:
 *                          BUDGET &lt; 0.5 ≤ STANDARD &lt; 2 ≤ PREMIUM &lt; 5 ≤ LUXURY
 * </pre>
 */
public final class CreatorTiers {

  private CreatorTiers() {}

  /** Size tier of a creator by revenue over the analysis window. */
  public static String sizeTier(double revenue) {
    requireNotNaN(revenue, "revenue");
    if (revenue < 5_000) {
      return "MICRO";
    }
    if (revenue < 25_000) {
      return "SMALL";
    }
    if (revenue < 100_000) {
      return "MEDIUM";
    }
    if (revenue < 500_000) {
      return "LARGE";
    }
    return "MEGA";
  }

  /** Segment of a creator from its message count and revenue per recipient (RPR). */
  public static String segment(long messages, double rpr) {
    if (messages < 20) {
      return "EXPLORATORY";
    }
    requireNotNaN(rpr, "rpr");
    if (rpr < 0.5) {
      return "BUDGET";
    }
    if (rpr < 2) {
      return "STANDARD";
    }
    if (rpr < 5) {
      return "PREMIUM";
    }
    return "LUXURY";
  }

  private static void requireNotNaN(double v, String name) {
    if (Double.isNaN(v)) {
      throw new IllegalArgumentException(name + " must not be NaN");
    }
  }
}
