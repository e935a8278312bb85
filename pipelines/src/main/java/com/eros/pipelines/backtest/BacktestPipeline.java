package com.eros.pipelines.backtest;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.time.Clock;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WriteSpec;
import com.eros.pipelines.captionperformance.CaptionPerformanceConfig;
import com.eros.pipelines.captionperformance.CaptionPerformancePipeline;
import com.eros.pipelines.support.OptionsParser;
import com.eros.pipelines.support.UsageException;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * The backtest pipeline (REFERENCE §9): {@link ScoreBacktest}, then the page rows, then — once
 * those are committed — the run's {@code bandit_backtests} row, so a summary row is never there
 * without its detail. Both writes are insert-if-absent on the backtest id, so a retried bundle or
 * commit adds nothing. {@code caption_bandit_stats} is neither read nor written.
 */
public final class BacktestPipeline {
  public static final String COMMAND = "backtest";
  /** Tables the backtest writes (created when absent). */
  public static final List<TableDef> OUTPUTS = List.of(Tables.BANDIT_BACKTESTS, Tables.BANDIT_BACKTEST_PAGES);

  private BacktestPipeline() {}

  public static BacktestOptions parseOptions(String[] args) {
    return OptionsParser.parse(BacktestOptions.class, args);
  }

  /** The run's parameters; --asOf and --horizonDays are required. */
  public static BacktestConfig config(BacktestOptions o) {
    String iso = o.getAsOf();
    if (iso == null || iso.isBlank()) {
      throw new UsageException("--asOf is required: the instant T the statistics are computed at, e.g. --asOf=2026-02-01T00:00:00Z");
    }
    if (o.getHorizonDays() == null) {
      throw new UsageException("--horizonDays is required: the days after --asOf whose sends judge the statistics, e.g. --horizonDays=14");
    }
    try {
      CaptionPerformanceConfig stats = CaptionPerformancePipeline.config(o, Clock.system());
      return new BacktestConfig(stats, o.getHorizonDays(), o.getMinSends());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  /**
   * Composes the pipeline.
   *
   * @param computedAt the run's start: computed_at of its row
   */
  public static Pipeline build(BacktestOptions options, Warehouse warehouse, BacktestConfig cfg, Instant computedAt) {
    String id = options.getJobId();
    Pipeline p = Pipeline.create(options);
    PCollectionTuple rows = p.begin().apply(new ScoreBacktest(warehouse, cfg, id, computedAt));
    PCollection<Long> pagesDone = rows.get(ScoreBacktest.PAGES).apply("Write bandit_backtest_pages",
        warehouse.write(Tables.BANDIT_BACKTEST_PAGES, WriteSpec.insertIfAbsent("backtest_id", "page_name"), id, "pages"));
    rows.get(ScoreBacktest.SUMMARY)
        .apply("Wait for the page rows", Wait.on(pagesDone))
        .setRowSchema(Tables.BANDIT_BACKTESTS.schema())
        .apply("Append bandit_backtests",
            warehouse.write(Tables.BANDIT_BACKTESTS, WriteSpec.insertIfAbsent("backtest_id"), id, "summary"));
    return p;
  }
}
