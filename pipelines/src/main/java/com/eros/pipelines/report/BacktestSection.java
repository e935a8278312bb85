package com.eros.pipelines.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.values.Row;

/**
 * Section 7: the latest caption-statistics backtest (docs/backtest.md, table bandit_backtests): the
 * lift between the top and bottom deciles, and the rank correlation against the raw-rate baseline.
 *
 * @param latest the backtest with the newest computed_at, or null when the table has no row
 * @param recent up to {@link #RECENT} backtests, newest first
 */
public record BacktestSection(Backtest latest, List<Backtest> recent) {
  public static final int RECENT = 10;

  /** One bandit_backtests row (fields the table lacks are null). */
  public record Backtest(
      String id,
      Instant asOf,
      Long horizonDays,
      Instant computedAt,
      Long captionsScored,
      Double spearman,
      Double topDecile,
      Double bottomDecile,
      Double coverage,
      Double brier,
      Double baselineSpearman) {
    /** Top-decile success rate over bottom-decile success rate; null when undefined. */
    public Double lift() {
      return topDecile == null || bottomDecile == null || bottomDecile <= 0
          ? null
          : topDecile / bottomDecile;
    }
  }

  static Backtest backtest(Row r) {
    return new Backtest(
        Cells.string(r, "backtest_id"),
        Cells.instant(r, "as_of"),
        Cells.lng(r, "horizon_days"),
        Cells.instant(r, "computed_at"),
        Cells.lng(r, "captions_scored"),
        Cells.dbl(r, "spearman_rank_correlation"),
        Cells.dbl(r, "top_decile_success_rate"),
        Cells.dbl(r, "bottom_decile_success_rate"),
        Cells.dbl(r, "interval_coverage"),
        Cells.dbl(r, "brier_score"),
        Cells.dbl(r, "baseline_spearman_rank_correlation"));
  }

  /**
   * @param rows bandit_backtests rows computed up to now (any order)
   */
  public static BacktestSection from(List<Row> rows, ReportWindow window) {
    List<Backtest> all = new ArrayList<>();
    for (Row r : rows) {
      Backtest b = backtest(r);
      Instant when = b.computedAt() != null ? b.computedAt() : b.asOf();
      if (when == null || when.isBefore(window.toExclusive())) {
        all.add(b);
      }
    }
    Comparator<Backtest> newest =
        Comparator.comparing(
                (Backtest b) ->
                    b.computedAt() != null
                        ? b.computedAt()
                        : b.asOf() != null ? b.asOf() : Instant.EPOCH)
            .reversed()
            .thenComparing(b -> String.valueOf(b.id()));
    all.sort(newest);
    return new BacktestSection(
        all.isEmpty() ? null : all.get(0),
        List.copyOf(all.subList(0, Math.min(RECENT, all.size()))));
  }

  public boolean isEmpty() {
    return latest == null;
  }
}
