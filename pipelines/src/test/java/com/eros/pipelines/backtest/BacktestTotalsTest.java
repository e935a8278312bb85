package com.eros.pipelines.backtest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTotalsTest {
  /** A caption with the given posterior mean and horizon outcome; interval [lo, hi]. */
  static ScoredCaption c(
      long id, double pm, double raw, long sends, long successes, double lo, double hi) {
    return new ScoredCaption(id, pm, raw, lo, hi, 20, sends, successes, 2.0 * successes);
  }

  // page a: 3 captions, posterior order = realised order (rho 1), raw order reversed (rho -1)
  static final PageScore A =
      new PageScore(
          "a",
          1.0,
          List.of(
              c(1, 0.8, 0.2, 10, 8, 0.5, 0.9),
              c(2, 0.5, 0.5, 10, 5, 0.6, 0.9),
              c(3, 0.2, 0.8, 20, 2, 0.0, 0.2)),
          0,
          45);
  // page b: one caption: no correlation, no deciles
  static final PageScore B =
      new PageScore("b", 2.0, List.of(c(4, 0.6, 0.6, 12, 6, 0.4, 0.7)), 2, 12);
  // page c: 2 captions, posterior order against realised order (rho -1), raw agrees (rho 1)
  static final PageScore C =
      new PageScore(
          "c",
          3.0,
          List.of(c(5, 0.7, 0.1, 10, 1, 0.5, 0.8), c(6, 0.3, 0.9, 10, 9, 0.1, 0.95)),
          0,
          20);
  // page d: no median at T
  static final PageScore D = new PageScore("d", Double.NaN, List.of(), 0, 7);

  @Test
  void combinesPagesAsReferenceNineSays() {
    BacktestMetrics m = new BacktestTotals().add(A).add(B).add(C).add(D).metrics();
    assertThat(m.captionsScored(), is(6L));
    assertThat(m.pagesScored(), is(3L));
    assertThat(m.pagesCorrelated(), is(2L));
    // (3 × 1 + 2 × (−1)) / 5; page b carries no weight
    assertThat(m.spearman(), closeTo(0.2, 1e-12));
    assertThat(m.baselineSpearman(), closeTo((3 * -1.0 + 2 * 1.0) / 5, 1e-12));
    // top deciles: a's caption 1 (8/10) and c's caption 5 (1/10); bottom: a's 3 (2/20), c's 6
    // (9/10)
    assertThat(m.topDecileSuccessRate(), closeTo(9.0 / 20, 1e-12));
    assertThat(m.bottomDecileSuccessRate(), closeTo(11.0 / 30, 1e-12));
    assertThat(m.topDecileMeanEmv(), closeTo(18.0 / 20, 1e-12));
    // covered: 1 (0.8 in [0.5,0.9]), 2 (0.5 not in [0.6,0.9]), 3 (0.1 in [0,0.2]), 4 (0.5 in), 5
    // (0.1 not), 6 (0.9 in)
    assertThat(m.intervalCoverage(), closeTo(4.0 / 6, 1e-12));
    double brier =
        8 * 0.04 + 2 * 0.64 + 5 * 0.25 + 5 * 0.25 + 2 * 0.64 + 18 * 0.04 + 6 * 0.16 + 6 * 0.36
            + 1 * 0.09 + 9 * 0.49 + 9 * 0.49 + 1 * 0.09;
    assertThat(m.brierScore(), closeTo(brier / 72, 1e-12));
    assertThat(m.horizonSends(), is(72L));
    assertThat(m.captionsWithoutStats(), is(2L));
    assertThat(m.unjudgedSends(), is(7L));
  }

  @Test
  void theResultDoesNotDependOnTheOrderPagesArriveOrMergeIn() {
    BacktestMetrics inOrder = new BacktestTotals().add(A).add(B).add(C).add(D).metrics();
    BacktestTotals left = new BacktestTotals().add(C).add(A);
    BacktestTotals right = new BacktestTotals().add(D).add(B);
    assertThat(new BacktestTotals().merge(right).merge(left).metrics(), equalTo(inOrder));
    assertThrows(
        IllegalStateException.class,
        () -> new BacktestTotals().add(A).merge(new BacktestTotals().add(A)));
  }

  @Test
  void undefinedMetricsAreNull() {
    BacktestMetrics none = new BacktestTotals().add(D).metrics();
    assertThat(none.captionsScored(), is(0L));
    assertThat(none.spearman(), nullValue());
    assertThat(none.intervalCoverage(), nullValue());
    assertThat(none.brierScore(), nullValue());
    BacktestMetrics single = new BacktestTotals().add(B).metrics();
    assertThat(single.spearman(), nullValue());
    assertThat(single.topDecileSuccessRate(), nullValue());
    assertThat(single.bottomDecileSuccessRate(), nullValue());
    assertThat(single.intervalCoverage(), is(1.0));
  }

  @Test
  void aPageWhoseRealisedRatesAllTieHasNoCorrelation() {
    List<ScoredCaption> cs = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      cs.add(c(i, 0.1 * i, 0.1 * i, 10, 0, 0, 1));
    }
    PageScore p = new PageScore("z", 1.0, cs, 0, 40);
    assertThat(Double.isNaN(p.spearman()), is(true));
    assertThat(new BacktestTotals().add(p).add(A).metrics().spearman(), is(1.0));
  }
}
