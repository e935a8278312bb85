package com.eros.common.stats;

/**
 * Beta-Bernoulli bandit quantities over decay-weighted effective counts.
 *
 * <pre>
 *   posterior_alpha   = 1 + effectiveSuccesses      (Beta(1, 1) prior)
 *   posterior_beta    = 1 + effectiveFailures
 *   exploration_score = 1 / sqrt(n + 1),  n = effectiveSuccesses + effectiveFailures
 * </pre>
 *
 * <p>The prior lives here only; the {@link Wilson} interval uses the raw effective counts.
 */
public final class BanditStats {

  private BanditStats() {}

  /** 1 + effectiveSuccesses. */
  public static double posteriorAlpha(double effectiveSuccesses) {
    return 1.0 + nonNegative(effectiveSuccesses, "effectiveSuccesses");
  }

  /** 1 + effectiveFailures. */
  public static double posteriorBeta(double effectiveFailures) {
    return 1.0 + nonNegative(effectiveFailures, "effectiveFailures");
  }

  /** 1 / sqrt(n + 1), where n is the effective number of observations. */
  public static double explorationScore(double n) {
    return 1.0 / Math.sqrt(nonNegative(n, "n") + 1.0);
  }

  private static double nonNegative(double v, String name) {
    if (!(v >= 0)) {
      throw new IllegalArgumentException(name + " must be >= 0: " + v);
    }
    return v;
  }
}
