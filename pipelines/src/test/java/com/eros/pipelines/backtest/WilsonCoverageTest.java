package com.eros.pipelines.backtest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Does the Wilson interval of caption_bandit_stats (z = 1.96) hold its 95 %? Measured against the
 * true probability in simulated worlds ({@link SimulatedWorld}): 250 pages × 10 captions, 30 to 150
 * sends each over the 90-day window, true p uniform in [0.05, 0.95]. Figures measured with these
 * seeds are in the README ("Is the bandit working?").
 */
class WilsonCoverageTest {
  static final int PAGES = 250;
  static final int CAPTIONS = 10;

  static SimulatedWorld.Design design(boolean drift) {
    return (rng, page, id) -> {
      double a = 0.05 + 0.9 * rng.nextDouble();
      double b = drift ? 0.05 + 0.9 * rng.nextDouble() : a;
      return new SimulatedWorld.Truth(page, id, a, b, 30 + rng.nextInt(121), 0);
    };
  }

  /** Stationary world, decay off (every weight exactly 1): the interval's nominal 95 % holds. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void coversTheTrueProbabilityAbout95PercentOfTheTimeWithoutDecay(long seed) {
    SimulatedWorld w = SimulatedWorld.build(seed, PAGES, CAPTIONS, 0, design(false));
    Measures.Coverage c = Measures.coverage(w, SimulatedWorld.config(SimulatedWorld.NO_DECAY), 30);
    Measures.print("wilson coverage, stationary, decay off, seed " + seed, c);
    assertThat(c.captions(), greaterThanOrEqualTo(2000));
    // measured 0.9452, 0.9484, 0.9516 for seeds 1, 2, 3
    assertThat(c.rate(), allOf(greaterThanOrEqualTo(0.93), lessThanOrEqualTo(0.97)));
  }

  /**
   * Stationary world, decay on (half-life 14 d): the interval over-covers. Wilson is computed on n
   * = Σw, but the decayed p̂ = Σw·x / Σw has variance p(1 − p)·Σw² / (Σw)², which is smaller than
   * p(1 − p) / Σw because every w ≤ 1. With ages uniform over 90 days, E[w²] / E[w] ≈ 0.51: the
   * interval is about 1 / sqrt(0.51) ≈ 1.41 times too wide, an effective z of about 2.76, i.e.
   * about 99.4 % coverage.
   */
  @Test
  void overCoversWithTheDecayInAStationaryWorld() {
    SimulatedWorld w = SimulatedWorld.build(1, PAGES, CAPTIONS, 0, design(false));
    Measures.Coverage c = Measures.coverage(w, SimulatedWorld.config(14), 30);
    Measures.print("wilson coverage, stationary, decay on", c);
    assertThat(c.captions(), greaterThanOrEqualTo(2000));
    assertThat(c.rate(), closeTo(0.9952, 0.005)); // measured 0.9952
    assertThat(c.rate(), greaterThanOrEqualTo(0.985));
  }

  /**
   * Drifting world (each caption's p moves linearly from one uniform draw at T − 90 d to another at
   * T; the truth is p at T): without decay the interval is centred on the 90-day average and misses
   * p(T) most of the time; with the decay it is centred near recent sends and covers far more
   * often. The decay's over-coverage in a stationary world is the price of that.
   */
  @Test
  void theDecayIsWhatKeepsTheIntervalNearAMovingTruth() {
    SimulatedWorld w = SimulatedWorld.build(5, PAGES, CAPTIONS, 0, design(true));
    double off = Measures.coverage(w, SimulatedWorld.config(SimulatedWorld.NO_DECAY), 30).rate();
    double on = Measures.coverage(w, SimulatedWorld.config(14), 30).rate();
    Measures.print("wilson coverage, drifting, decay off / on", off + " / " + on);
    assertThat(off, closeTo(0.3592, 0.03)); // measured 0.3592
    assertThat(on, closeTo(0.8896, 0.03)); // measured 0.8896
    assertThat(on - off, greaterThanOrEqualTo(0.4));
    assertThat(on, lessThan(0.95));
  }
}
