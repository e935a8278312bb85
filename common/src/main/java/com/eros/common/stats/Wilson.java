package com.eros.common.stats;

import java.io.Serializable;

/**
 * Wilson score interval for a binomial proportion.
 *
 * <p>With p̂ = successes / n:
 *
 * <pre>
 *   denom  = 1 + z² / n
 *   centre = (p̂ + z² / (2n)) / denom
 *   half   = z · sqrt(p̂(1 − p̂) / n + z² / (4n²)) / denom
 *   interval = [centre − half, centre + half], clamped into [0, 1]
 * </pre>
 *
 * <p>{@code n} may be fractional (decay-weighted effective counts). When {@code n <= 0} the
 * interval is (0, 1). p̂ is clamped into [0, 1] before use. No prior is added here: the Beta(1, 1)
 * prior belongs to the bandit posterior ({@link BanditStats}), never to this interval; callers pass
 * the raw effective counts.
 */
public final class Wilson {

  private Wilson() {}

  /** A closed interval [lower, upper] inside [0, 1]. */
  public record Interval(double lower, double upper) implements Serializable {}

  /**
   * Wilson score interval of successes / n at z.
   *
   * @param successes (effective) number of successes, 0 ≤ successes ≤ n
   * @param n (effective) number of trials, may be fractional; (0, 1) is returned when n ≤ 0
   * @param z standard normal quantile, e.g. 1.96 for 95 %; must be finite and ≥ 0
   */
  public static Interval interval(double successes, double n, double z) {
    if (!Double.isFinite(z) || z < 0) {
      throw new IllegalArgumentException("z must be finite and >= 0: " + z);
    }
    if (Double.isNaN(successes) || Double.isNaN(n)) {
      throw new IllegalArgumentException("successes and n must not be NaN");
    }
    if (n <= 0) {
      return new Interval(0.0, 1.0);
    }
    // p̂ is clamped so rounding in separately summed effective counts cannot yield NaN
    double p = clamp(successes / n);
    double z2 = z * z;
    double denom = 1.0 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denom;
    double half = z * Math.sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denom;
    return new Interval(clamp(centre - half), clamp(centre + half));
  }

  private static double clamp(double v) {
    return Math.max(0.0, Math.min(1.0, v));
  }
}
