package com.eros.pipelines.backtest;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import java.time.Instant;
import org.apache.beam.sdk.values.Row;

/** Rows of {@code bandit_backtests} and {@code bandit_backtest_pages}. */
public final class BacktestRows {
  private BacktestRows() {}

  /** The run's bandit_backtests row. */
  public static Row summary(
      String backtestId, BacktestConfig cfg, Instant computedAt, BacktestMetrics m) {
    return Row.withSchema(Tables.BANDIT_BACKTESTS.schema())
        .withFieldValue("backtest_id", backtestId)
        .withFieldValue("as_of", Timestamps.truncate(cfg.asOf()))
        .withFieldValue("horizon_days", (long) cfg.horizonDays())
        .withFieldValue("computed_at", Timestamps.truncate(computedAt))
        .withFieldValue("captions_scored", m.captionsScored())
        .withFieldValue("spearman_rank_correlation", m.spearman())
        .withFieldValue("top_decile_success_rate", m.topDecileSuccessRate())
        .withFieldValue("bottom_decile_success_rate", m.bottomDecileSuccessRate())
        .withFieldValue("interval_coverage", m.intervalCoverage())
        .withFieldValue("brier_score", m.brierScore())
        .withFieldValue("baseline_spearman_rank_correlation", m.baselineSpearman())
        .build();
  }

  /** A page's bandit_backtest_pages row; the page must have a scored caption. */
  public static Row page(String backtestId, BacktestConfig cfg, PageScore p) {
    if (p.captionsScored() == 0) {
      throw new IllegalArgumentException("page " + p.pageName() + " has no scored caption");
    }
    PageScore.Parts parts = p.parts();
    return Row.withSchema(Tables.BANDIT_BACKTEST_PAGES.schema())
        .withFieldValue("backtest_id", backtestId)
        .withFieldValue("as_of", Timestamps.truncate(cfg.asOf()))
        .withFieldValue("horizon_days", (long) cfg.horizonDays())
        .withFieldValue("page_name", p.pageName())
        .withFieldValue("captions_scored", (long) p.captionsScored())
        .withFieldValue("horizon_sends", parts.sends())
        .withFieldValue("median_emv", p.median())
        .withFieldValue("spearman_rank_correlation", orNull(parts.spearman()))
        .withFieldValue("baseline_spearman_rank_correlation", orNull(parts.baselineSpearman()))
        .withFieldValue("top_decile_success_rate", orNull(parts.top().successRate()))
        .withFieldValue("bottom_decile_success_rate", orNull(parts.bottom().successRate()))
        .withFieldValue("top_decile_mean_emv", orNull(parts.top().meanEmv()))
        .withFieldValue("bottom_decile_mean_emv", orNull(parts.bottom().meanEmv()))
        .withFieldValue("interval_coverage", (double) parts.covered() / parts.captions())
        .withFieldValue("brier_score", parts.brierSum() / parts.sends())
        .build();
  }

  private static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
