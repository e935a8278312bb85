package com.eros.pipelines.backtest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.eros.common.stats.Wilson;
import com.eros.common.table.Timestamps;
import com.eros.pipelines.captionperformance.CaptionPerformanceConfig;
import com.eros.pipelines.captionperformance.CaptionStats;
import com.eros.pipelines.captionperformance.PageMessages;
import com.eros.pipelines.captionperformance.PageStatsCalculator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageScorerTest {
  static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
  static final long NOW = Timestamps.micros(T);
  static final long DAY = CaptionPerformanceConfig.DAY_MICROS;

  /** Decay off, so the expected posteriors are simple fractions. */
  static final BacktestConfig CFG =
      new BacktestConfig(
          new CaptionPerformanceConfig(T, 30, 90, SimulatedWorld.NO_DECAY, 1.96), 7, 3);

  record M(Long caption, double daysFromT, double emv) {}

  static PageMessages page(String name, List<M> messages) {
    PageMessages.Builder b = PageMessages.builder(name);
    long id = 1;
    for (M m : messages) {
      b.add(
          id++,
          m.caption(),
          NOW + Math.round(m.daysFromT() * DAY),
          m.emv(),
          1,
          1,
          0); // sent 1: EMV = earnings
    }
    return b.build();
  }

  /**
   * Before T (median window): caption 1 sends 5, 5, 5, 0; caption 2 sends 0, 0, 0, 5; caption 3
   * sends 5, 0. Median of the ten EMVs {0×5, 5×5} = (0 + 5) / 2 = 2.5. In the horizon (minSends 3):
   * caption 1 sends 5, 5, 0; caption 2 sends 0, 0, 0, 3 (3 > 2.5: a success against the median as
   * of T); caption 3 sends twice (too few); caption 4, never used before T, five times; one
   * uncaptioned send; one send at T + 7 d exactly (outside).
   */
  static List<M> handMade() {
    List<M> m =
        new ArrayList<>(
            List.of(
                new M(1L, -1, 5),
                new M(1L, -2, 5),
                new M(1L, -3, 5),
                new M(1L, -4, 0),
                new M(2L, -1, 0),
                new M(2L, -2, 0),
                new M(2L, -3, 0),
                new M(2L, -4, 5),
                new M(3L, -5, 5),
                new M(3L, -6, 0),
                new M(1L, 0, 5),
                new M(1L, 1, 5),
                new M(1L, 6.99, 0),
                new M(2L, 1, 0),
                new M(2L, 2, 0),
                new M(2L, 3, 0),
                new M(2L, 4, 3),
                new M(3L, 1, 5),
                new M(3L, 2, 5),
                new M(null, 1, 9),
                new M(1L, 7, 5)));
    for (int i = 0; i < 5; i++) {
      m.add(new M(4L, 1 + i, 1));
    }
    return m;
  }

  @Test
  void scoresCaptionsWithStatisticsAtTAndEnoughHorizonSends() {
    PageScore s = PageScorer.score(page("p", handMade()), CFG);
    assertThat(s.median(), is(2.5));
    assertThat(s.captions().stream().map(ScoredCaption::captionId).toList(), contains(1L, 2L));
    assertThat(s.captionsWithoutStats(), is(1L)); // caption 4
    assertThat(s.horizonSends(), is(14L)); // captioned sends in [T, T + 7 d): 3 + 4 + 2 + 5

    ScoredCaption c1 = s.captions().get(0);
    assertThat(c1.posteriorMean(), closeTo(4.0 / 6, 1e-12)); // Beta(1 + 3, 1 + 1)
    assertThat(c1.rawSuccessRate(), is(0.75));
    assertThat(c1.observations(), is(4L));
    assertThat(c1.horizonSends(), is(3L));
    assertThat(c1.horizonSuccesses(), is(2L));
    assertThat(c1.realisedRate(), closeTo(2.0 / 3, 1e-12));
    assertThat(c1.horizonMeanEmv(), closeTo(10.0 / 3, 1e-12));
    ScoredCaption c2 = s.captions().get(1);
    assertThat(c2.posteriorMean(), closeTo(2.0 / 6, 1e-12));
    assertThat(c2.rawSuccessRate(), is(0.25));
    assertThat(c2.horizonSuccesses(), is(1L));
    assertThat(c2.realisedRate(), is(0.25));
    Wilson.Interval w1 = Wilson.interval(3, 4, 1.96);
    assertThat(c1.lower(), closeTo(w1.lower(), 1e-12));
    assertThat(c1.upper(), closeTo(w1.upper(), 1e-12));
  }

  @Test
  void pageMetrics() {
    PageScore s = PageScorer.score(page("p", handMade()), CFG);
    assertThat(s.spearman(), is(1.0));
    assertThat(s.baselineSpearman(), is(1.0));
    assertThat(s.decileSize(), is(1));
    assertThat(s.topDecile().get(0).captionId(), is(1L));
    assertThat(s.bottomDecile().get(0).captionId(), is(2L));
    // Wilson(3 of 4) = [0.30, 0.95] holds 2/3; Wilson(1 of 4) = [0.046, 0.70] holds 1/4
    assertThat(s.covered(), is(2L));
    // Brier: caption 1: 2 × (1/3)² + (2/3)² = 6/9; caption 2: (2/3)² + 3 × (1/3)² = 7/9; over 7
    // sends
    assertThat(s.brierSum(), closeTo(13.0 / 9, 1e-12));
    assertThat(s.scoredSends(), is(7L));
    PageScore.Parts p = s.parts();
    assertThat(p.top(), equalTo(new PageScore.Pool(3, 2, 10)));
    assertThat(p.bottom(), equalTo(new PageScore.Pool(4, 1, 3)));
  }

  @Test
  void theStatisticsAreExactlyThoseOfCaptionPerformanceAtT() {
    PageMessages page = page("p", handMade());
    List<CaptionStats> atT = PageStatsCalculator.compute(page, CFG.stats());
    for (ScoredCaption c : PageScorer.score(page, CFG).captions()) {
      CaptionStats s =
          atT.stream().filter(r -> r.captionId() == c.captionId()).findFirst().orElseThrow();
      assertThat(c.posteriorMean(), is(PageScorer.posteriorMean(s)));
      assertThat(c.lower(), is(s.confidenceLowerBound()));
      assertThat(c.upper(), is(s.confidenceUpperBound()));
      assertThat(c.observations(), is(s.totalObservations()));
    }
    // horizon sends never reach the statistics: the same page without them gives the same rows
    List<M> before = handMade().stream().filter(m -> m.daysFromT() < 0).toList();
    assertThat(PageStatsCalculator.compute(page("p", before), CFG.stats()), equalTo(atT));
  }

  @Test
  void aPageWithoutAMedianAtTScoresNothing() {
    // the only message before T is 40 days old: outside the median window
    List<M> m = new ArrayList<>(List.of(new M(1L, -40, 5)));
    for (int i = 0; i < 5; i++) {
      m.add(new M(1L, 1, 5));
    }
    PageScore s = PageScorer.score(page("q", m), CFG);
    assertThat(s.hasMedian(), is(false));
    assertThat(s.captions(), is(empty()));
    assertThat(s.parts().unjudgedSends(), is(5L));
  }

  @Test
  void equalPosteriorMeansAreOrderedByCaptionIdAndDecilesAreCeilOfATenth() {
    List<ScoredCaption> cs = new ArrayList<>();
    for (long id = 12; id >= 1; id--) {
      double pm = id <= 2 ? 0.9 : 0.5 - id / 100.0; // captions 1 and 2 tie at the top
      cs.add(new ScoredCaption(id, pm, pm, 0, 1, 10, 10, id, 10.0 * id));
    }
    PageScore s = new PageScore("p", 1.0, cs, 0, 120);
    assertThat(s.decileSize(), is(2)); // ceil(12 / 10)
    assertThat(s.topDecile().stream().map(ScoredCaption::captionId).toList(), contains(1L, 2L));
    assertThat(
        s.bottomDecile().stream().map(ScoredCaption::captionId).toList(), contains(11L, 12L));
    assertThat(new PageScore("p", 1.0, cs.subList(0, 1), 0, 10).decileSize(), is(0));
  }

  @Test
  void theInputOrderDoesNotMatter() {
    List<M> m = handMade();
    PageScore first = PageScorer.score(page("p", m), CFG);
    Random rnd = new Random(3);
    for (int i = 0; i < 5; i++) {
      List<M> shuffled = new ArrayList<>(m);
      Collections.shuffle(shuffled, rnd);
      assertThat(PageScorer.score(page("p", shuffled), CFG), equalTo(first));
    }
  }
}
