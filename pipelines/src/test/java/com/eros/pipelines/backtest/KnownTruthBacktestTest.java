package com.eros.pipelines.backtest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import org.junit.jupiter.api.Test;

/**
 * The backtest's metrics on simulated worlds with known truth (200 pages × 10 captions, 20 to 80
 * sends per caption before T and 10 to 40 in a 14-day horizon, stationary): an informative world
 * (true p uniform in [0.1, 0.9]) and a null world (every caption p = 0.5, so there is nothing to
 * rank). Figures measured with seed 21, asserted with a margin.
 */
class KnownTruthBacktestTest {
  static final int HORIZON = 14;

  static SimulatedWorld world(boolean signal) {
    return SimulatedWorld.build(
        21,
        200,
        10,
        HORIZON,
        (rng, page, id) -> {
          double p = signal ? 0.1 + 0.8 * rng.nextDouble() : 0.5;
          return new SimulatedWorld.Truth(
              page, id, p, p, 20 + rng.nextInt(61), 10 + rng.nextInt(31));
        });
  }

  static BacktestMetrics backtest(SimulatedWorld w, double halfLife) {
    BacktestConfig cfg = new BacktestConfig(SimulatedWorld.config(halfLife), HORIZON, 10);
    BacktestTotals t = new BacktestTotals();
    w.pages.values().forEach(p -> t.add(PageScorer.score(p, cfg)));
    return t.metrics();
  }

  @Test
  void onAnInformativeWorldTheTopDecileFarOutperformsTheBottom() {
    SimulatedWorld w = world(true);
    BacktestMetrics m = backtest(w, 14); // the production half-life
    Measures.print("backtest, informative world", m);
    assertThat(m.captionsScored(), is(2000L));
    assertThat(m.spearman(), closeTo(0.804, 0.03));
    assertThat(m.baselineSpearman(), closeTo(0.847, 0.03));
    assertThat(m.topDecileSuccessRate(), closeTo(0.791, 0.03));
    assertThat(m.bottomDecileSuccessRate(), closeTo(0.201, 0.03));
    assertThat(m.intervalCoverage(), closeTo(0.9205, 0.02));
    assertThat(m.brierScore(), closeTo(0.2056, 0.01));
    // stationary world: the raw rate (no decay) ranks a little better, as in RankingQualityTest
    assertThat(m.baselineSpearman(), greaterThan(m.spearman()));
    assertThat(m.topDecileMeanEmv(), greaterThan(m.bottomDecileMeanEmv()));
  }

  /**
   * interval_coverage compares the interval with the realised rate of 10 to 40 horizon sends, which
   * is itself noisy: without decay the interval covers the true p about 95 % of the time but the
   * realised rate only about 71 %. (The decay's wider intervals, 0.92 above, cover it more often.)
   */
  @Test
  void intervalCoverageOfTheRealisedRateIsBelowCoverageOfTheTruth() {
    SimulatedWorld w = world(true);
    BacktestMetrics m = backtest(w, SimulatedWorld.NO_DECAY);
    Measures.print("backtest, informative world, decay off", m);
    assertThat(m.intervalCoverage(), closeTo(0.7115, 0.02));
    assertThat(m.spearman(), closeTo(0.847, 0.03));
    double truth = Measures.coverage(w, SimulatedWorld.config(SimulatedWorld.NO_DECAY), 20).rate();
    assertThat(truth, greaterThanOrEqualTo(0.93));
    assertThat(truth - m.intervalCoverage(), greaterThan(0.15));
  }

  /** Negative control: where no caption is better than another, the backtest finds no ranking. */
  @Test
  void onANullWorldItFindsNothingToRank() {
    BacktestMetrics m = backtest(world(false), 14);
    Measures.print("backtest, null world", m);
    assertThat(m.captionsScored(), is(2000L));
    assertThat(Math.abs(m.spearman()), lessThan(0.05)); // measured 0.031
    assertThat(Math.abs(m.baselineSpearman()), lessThan(0.05)); // measured 0.009
    assertThat(
        Math.abs(m.topDecileSuccessRate() - m.bottomDecileSuccessRate()),
        lessThan(0.02)); // measured 0.001
    // a forecaster that knew p = 0.5 would score exactly 0.25; the posterior's noise costs a little
    assertThat(m.brierScore(), closeTo(0.2577, 0.005));
    assertThat(m.brierScore(), greaterThan(0.25));
  }
}
