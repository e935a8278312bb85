package com.eros.common.stats;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * Creator fatigue (docs/daily-automation.md §2).
 *
 * <pre>
 *   score = 0.3 · [recentViewRate &lt; 0.85 · baselineViewRate]
 *         + 0.4 · [recentRpr &lt; 0.80 · baselineRpr]
 *         + 0.3 · [each of the last 3 days below its baseline RPR]
 *   risk  = HIGH (volume factor 0.70) when score ≥ 0.6,
 *           MEDIUM (0.85) when score ≥ 0.3, else LOW (1.0)
 * </pre>
 *
 * <p>The score is summed as an integer number of tenths (3, 4, 3) and thresholds are compared in
 * tenths, so 0.3 + 0.3 counts as 0.6 exactly. "Below 80 % of the baseline" is strict and compared
 * exactly on the decimal values ({@link #below}): a recent RPR of exactly 80 % of its baseline is
 * not fatigued, although {@code 0.8 * 0.1} is not {@code 0.08} in floating point.
 */
public final class Fatigue {

  private Fatigue() {}

  /**
   * {@code value < fraction × base}, computed exactly on the shortest decimal forms of the doubles
   * (what {@link Double#toString} prints), so that a value at the threshold is not below it. False
   * when either side is not a finite number (no data).
   */
  public static boolean below(double value, String fraction, double base) {
    if (!Double.isFinite(value) || !Double.isFinite(base)) {
      return false;
    }
    return BigDecimal.valueOf(value)
            .compareTo(new BigDecimal(fraction).multiply(BigDecimal.valueOf(base)))
        < 0;
  }

  /** Fatigue score in [0, 1], its risk level and the volume factor to apply. */
  public record Result(double score, String risk, double volumeFactor) implements Serializable {}

  /** Scores fatigue from the last-7-day figures against the page's previous-30-day baseline. */
  public static Result score(
      double recentViewRate,
      double baselineViewRate,
      double recentRpr,
      double baselineRpr,
      boolean lastThreeDaysAllBelowBaselineRpr) {
    int tenths = 0;
    if (below(recentViewRate, "0.85", baselineViewRate)) {
      tenths += 3;
    }
    if (below(recentRpr, "0.80", baselineRpr)) {
      tenths += 4;
    }
    if (lastThreeDaysAllBelowBaselineRpr) {
      tenths += 3;
    }
    double score = tenths / 10.0;
    if (tenths >= 6) {
      return new Result(score, "HIGH", 0.70);
    }
    if (tenths >= 3) {
      return new Result(score, "MEDIUM", 0.85);
    }
    return new Result(score, "LOW", 1.0);
  }
}
