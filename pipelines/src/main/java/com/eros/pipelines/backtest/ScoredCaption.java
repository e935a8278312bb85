package com.eros.pipelines.backtest;

import java.io.Serializable;

/**
 * One caption judged by the backtest: what the statistics said at T and what happened in the
 * horizon [T, T + H).
 *
 * @param posteriorMean posterior_alpha / (posterior_alpha + posterior_beta) at T
 * @param rawSuccessRate successes / total_observations at T (no decay, no prior): the baseline
 * @param lower confidence_lower_bound at T (Wilson)
 * @param upper confidence_upper_bound at T (Wilson)
 * @param observations total_observations at T
 * @param horizonSends valid sends of the caption in the horizon (at least minSends)
 * @param horizonSuccesses of those, sends whose EMV is above the page median as of T
 * @param horizonEmvSum Σ EMV of the horizon sends
 */
public record ScoredCaption(
    long captionId,
    double posteriorMean,
    double rawSuccessRate,
    double lower,
    double upper,
    long observations,
    long horizonSends,
    long horizonSuccesses,
    double horizonEmvSum)
    implements Serializable {

  /** Realised success rate in the horizon. */
  public double realisedRate() {
    return (double) horizonSuccesses / horizonSends;
  }

  /** Mean EMV of the horizon sends. */
  public double horizonMeanEmv() {
    return horizonEmvSum / horizonSends;
  }

  /** Whether the realised rate lies inside the Wilson interval at T (bounds included). */
  public boolean covered() {
    double r = realisedRate();
    return lower <= r && r <= upper;
  }

  /**
   * Σ over the horizon sends of (posterior mean − outcome)², outcome 1 for a success, 0 otherwise.
   */
  public double brierSum() {
    double p = posteriorMean;
    return horizonSuccesses * (1 - p) * (1 - p) + (horizonSends - horizonSuccesses) * p * p;
  }
}
