package com.eros.pipelines.backtest;

import com.eros.common.table.Tables;
import com.eros.common.time.Clock;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.cli.Command;
import com.eros.pipelines.support.OptionsParser;
import com.eros.pipelines.support.Runs;
import com.eros.pipelines.support.UsageException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.values.Row;

/**
 * {@code ./eros backtest --asOf=T --horizonDays=H [--minSends=10] [--warehouse=…]}: the command's
 * plumbing only (options → preflight → {@link BacktestPipeline} → {@link BacktestReport}).
 *
 * <p>Exit 0 when a row was stored (or, on a remote runner, the job was submitted); 2 when it could
 * not start (bad option, horizon after the data's end, id already used) or when nothing could be
 * scored; 1 when the pipeline failed.
 */
public final class BacktestCommand implements Command {
  private final Clock clock;

  public BacktestCommand() {
    this(Clock.system());
  }

  BacktestCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return BacktestPipeline.COMMAND;
  }

  @Override
  public String summary() {
    return "judge the caption statistics as of --asOf on the sends of the next --horizonDays (REFERENCE §9)";
  }

  @Override
  public int run(String[] args, PrintStream out) {
    if (OptionsParser.wantsHelp(args)) {
      out.println("./eros backtest --asOf=ISO --horizonDays=H [--minSends=10] [--warehouse=duckdb:PATH|bigquery:PROJECT.DATASET]");
      out.println("  computes the caption statistics as of --asOf exactly as caption-performance would (the table is not");
      out.println("  touched), judges them on the valid sends of [asOf, asOf + H days), appends one row to bandit_backtests");
      out.println("  (per-page detail in bandit_backtest_pages) and prints what each number means.");
      out.flush();
      OptionsParser.printHelp(BacktestOptions.class);
      return 0;
    }
    BacktestOptions options = BacktestPipeline.parseOptions(args);
    BacktestConfig cfg = BacktestPipeline.config(options);
    Warehouse warehouse = OptionsParser.warehouse(options);
    String id = options.getJobId();
    Instant start = clock.now();
    BacktestPreflight.check(warehouse, cfg, id, start);
    if (OptionsParser.runsLocally(options)) {
      OptionsParser.tuneLocalRunner(options);
    }
    warehouse.ensureTables(BacktestPipeline.OUTPUTS);
    Pipeline pipeline = BacktestPipeline.build(options, warehouse, cfg, start);
    out.printf("backtest on %s: T = %s, horizon %d d, minSends %d, half-life %s d, z %s, id %s%n", warehouse.spec(),
        cfg.asOf(), cfg.horizonDays(), cfg.minSends(), cfg.stats().halfLifeDays(), cfg.stats().z(), id);
    Runs.Outcome outcome = Runs.run(pipeline, BacktestPipeline.COMMAND, out);
    if (!outcome.waited()) {
      return 0;
    }
    if (outcome.result().getState() != PipelineResult.State.DONE) {
      throw new IllegalStateException("backtest " + id + " ended in state " + outcome.result().getState());
    }
    ReadSpec mine = ReadSpec.all().where(Filter.eq("backtest_id", id));
    List<Row> summary = warehouse.query(Tables.BANDIT_BACKTESTS, mine);
    if (summary.isEmpty()) {
      throw new UsageException(String.format("nothing could be scored: no caption had statistics at %s and >= %d valid"
          + " sends in the %d-day horizon (%d horizon sends, %d pages without a median at T, %d captions new in the"
          + " horizon); no row written: try a longer --horizonDays or a lower --minSends",
          cfg.asOf(), cfg.minSends(), cfg.horizonDays(), outcome.counter("horizon_sends"),
          outcome.counter("pages_without_median"), outcome.counter("captions_without_stats")));
    }
    BacktestReport.print(out, cfg, summary.get(0), warehouse.query(Tables.BANDIT_BACKTEST_PAGES, mine));
    out.printf("  stored in bandit_backtests (backtest_id %s) in %.1f s%n", id, outcome.wallTime().toMillis() / 1000.0);
    return 0;
  }
}
