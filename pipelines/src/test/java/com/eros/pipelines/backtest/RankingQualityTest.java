package com.eros.pipelines.backtest;

import static com.eros.pipelines.backtest.Measures.Score.POSTERIOR_MEAN;
import static com.eros.pipelines.backtest.Measures.Score.RAW_RATE;
import static com.eros.pipelines.backtest.Measures.Score.WILSON_LOWER;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import com.eros.pipelines.backtest.Measures.Ranking;
import com.eros.pipelines.backtest.Measures.Score;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How well do the posterior mean, the Wilson lower bound and the raw success rate recover the true
 * order of a page's captions and its best caption — at small n (3 to 19 sends per caption) and
 * large n (60 to 200), with the decay (half-life 14 d) on and off, in a stationary world and in a
 * drifting one. Each world: 500 pages × 8 captions, true p uniform in [0.2, 0.8], sends spread
 * uniformly over the 90-day window (seed 11).
 *
 * <p>Nothing is presupposed: the figures were measured first, then written here (and in the
 * README); each test asserts the measured values (margin 0.03) and the comparisons they support.
 */
class RankingQualityTest {
  static final long SEED = 11;
  static final double MARGIN = 0.03;

  /** Spearman and best-caption hit rate of each score, decay off and on. */
  record Measured(Map<Score, Ranking> off, Map<Score, Ranking> on) {}

  static Measured measure(int nLo, int nHi, boolean drift) {
    SimulatedWorld w =
        SimulatedWorld.build(
            SEED,
            500,
            8,
            0,
            (rng, page, id) -> {
              double a = 0.2 + 0.6 * rng.nextDouble();
              double b = drift ? 0.2 + 0.6 * rng.nextDouble() : a;
              return new SimulatedWorld.Truth(page, id, a, b, nLo + rng.nextInt(nHi - nLo + 1), 0);
            });
    Map<Score, Ranking> off = new EnumMap<>(Score.class);
    Map<Score, Ranking> on = new EnumMap<>(Score.class);
    for (Score s : Score.values()) {
      off.put(s, Measures.ranking(w, SimulatedWorld.config(SimulatedWorld.NO_DECAY), s));
      on.put(s, Measures.ranking(w, SimulatedWorld.config(14), s));
    }
    String world = (drift ? "drifting" : "stationary") + ", " + nLo + "-" + nHi + " sends";
    off.forEach((score, r) -> Measures.print("ranking, " + world + ", decay off, " + score, r));
    on.forEach((score, r) -> Measures.print("ranking, " + world + ", decay on, " + score, r));
    return new Measured(off, on);
  }

  static void expect(Ranking r, double spearman, double bestHit) {
    assertThat("spearman of " + r, r.spearman(), closeTo(spearman, MARGIN));
    assertThat("best hit of " + r, r.bestHit(), closeTo(bestHit, MARGIN));
  }

  @Test
  void stationarySmallN() {
    Measured m = measure(3, 19, false);
    expect(m.off().get(POSTERIOR_MEAN), 0.682, 0.404);
    expect(m.off().get(WILSON_LOWER), 0.647, 0.396);
    expect(m.off().get(RAW_RATE), 0.678, 0.403);
    expect(m.on().get(POSTERIOR_MEAN), 0.545, 0.328);
    expect(m.on().get(WILSON_LOWER), 0.494, 0.314);
    expect(m.on().get(RAW_RATE), 0.678, 0.403); // the raw rate ignores the decay
    // without decay the posterior mean ranks as well as the raw rate, and better than the lower
    // bound
    assertThat(
        m.off().get(POSTERIOR_MEAN).spearman(),
        greaterThanOrEqualTo(m.off().get(RAW_RATE).spearman() - 0.01));
    assertThat(
        m.off().get(POSTERIOR_MEAN).spearman() - m.off().get(WILSON_LOWER).spearman(),
        greaterThan(0.02));
    // in a stationary world the decay throws information away: ranking quality drops
    assertThat(
        m.off().get(POSTERIOR_MEAN).spearman() - m.on().get(POSTERIOR_MEAN).spearman(),
        greaterThan(0.1));
    assertThat(
        m.on().get(RAW_RATE).spearman(), greaterThan(m.on().get(POSTERIOR_MEAN).spearman() + 0.1));
  }

  @Test
  void stationaryLargeN() {
    Measured m = measure(60, 200, false);
    expect(m.off().get(POSTERIOR_MEAN), 0.926, 0.752);
    expect(m.off().get(WILSON_LOWER), 0.920, 0.744);
    expect(m.off().get(RAW_RATE), 0.927, 0.754);
    expect(m.on().get(POSTERIOR_MEAN), 0.879, 0.656);
    expect(m.on().get(WILSON_LOWER), 0.864, 0.640);
    // with many sends the three agree without decay (differences within 0.01)
    assertThat(
        Math.abs(m.off().get(POSTERIOR_MEAN).spearman() - m.off().get(RAW_RATE).spearman()),
        lessThan(0.01));
    assertThat(
        Math.abs(m.off().get(POSTERIOR_MEAN).spearman() - m.off().get(WILSON_LOWER).spearman()),
        lessThan(0.01));
    // the decay still costs: its effective n is about a fifth of the sends
    assertThat(
        m.off().get(POSTERIOR_MEAN).spearman() - m.on().get(POSTERIOR_MEAN).spearman(),
        greaterThan(0.03));
    assertThat(
        m.off().get(POSTERIOR_MEAN).bestHit() - m.on().get(POSTERIOR_MEAN).bestHit(),
        greaterThan(0.05));
  }

  /** Each caption's p moves from one draw at T − 90 d to another at T; the truth is p at T. */
  @Test
  void driftingSmallN() {
    Measured m = measure(3, 19, true);
    expect(m.off().get(POSTERIOR_MEAN), 0.388, 0.252);
    expect(m.off().get(RAW_RATE), 0.383, 0.254);
    expect(m.on().get(POSTERIOR_MEAN), 0.465, 0.310);
    expect(m.on().get(WILSON_LOWER), 0.430, 0.302);
    // here the decay pays: recent sends say more about p at T
    assertThat(
        m.on().get(POSTERIOR_MEAN).spearman() - m.off().get(POSTERIOR_MEAN).spearman(),
        greaterThan(0.05));
    assertThat(
        m.on().get(POSTERIOR_MEAN).spearman(), greaterThan(m.on().get(WILSON_LOWER).spearman()));
  }

  @Test
  void driftingLargeN() {
    Measured m = measure(60, 200, true);
    expect(m.off().get(POSTERIOR_MEAN), 0.587, 0.366);
    expect(m.off().get(RAW_RATE), 0.586, 0.366);
    expect(m.on().get(POSTERIOR_MEAN), 0.817, 0.552);
    expect(m.on().get(WILSON_LOWER), 0.796, 0.546);
    assertThat(
        m.on().get(POSTERIOR_MEAN).spearman() - m.off().get(POSTERIOR_MEAN).spearman(),
        greaterThan(0.15));
    assertThat(
        m.on().get(POSTERIOR_MEAN).bestHit() - m.off().get(POSTERIOR_MEAN).bestHit(),
        greaterThan(0.1));
  }
}
