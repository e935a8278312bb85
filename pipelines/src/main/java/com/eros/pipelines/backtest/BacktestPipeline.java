package com.eros.pipelines.backtest;

import com.eros.common.table.Tables;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WriteSpec;
import com.eros.pipelines.alerts.AlertDelivery;
import com.eros.pipelines.alerts.delivery.Environment;
import com.eros.pipelines.captionperformance.CaptionPerformanceConfig;
import com.eros.pipelines.support.AfterAll;
import com.eros.pipelines.support.EtlPipeline;
import com.eros.pipelines.support.Failures;
import com.eros.pipelines.support.JobRun;
import com.eros.pipelines.support.JobStatus;
import com.eros.pipelines.support.Lifecycle;
import com.eros.pipelines.support.PipelineInfo;
import com.eros.pipelines.support.RunClock;
import com.eros.pipelines.support.RunContext;
import com.eros.pipelines.support.Runs;
import com.eros.pipelines.support.UsageException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * {@code ./eros backtest} (docs/backtest.md) on the one run lifecycle:
 *
 * <pre>
 *   {@link ScoreBacktest} ─┬─ page scores ─ page rows ─ bandit_backtest_pages (only when the run stores)
 *                          └─ outcome ─ summary row ─ (after the page rows) ─ bandit_backtests
 *                                   └─ job row: SUCCESS, or COMPLETED_NO_WORK saying why nothing was stored
 * </pre>
 *
 * <p>Both writes are insert-if-absent on the backtest id (= the job id), so a retried bundle or a
 * re-run of a killed run adds nothing twice; the summary row is written after its page rows, so it
 * never exists without its detail. {@code caption_bandit_stats} is neither read nor written. A run
 * that stores nothing — the data does not reach T + H, or no caption could be scored — exits 2 with
 * the reason, which its job row also records.
 */
public final class BacktestPipeline implements EtlPipeline<BacktestOptions, BacktestSettings> {
  public static final String COMMAND = "backtest";
  public static final String JOB_NAME = "backtest";

  private final Environment env;

  public BacktestPipeline() {
    this(Environment.system());
  }

  /** With another environment (where the alert channels' URLs and keys are looked up). */
  public BacktestPipeline(Environment env) {
    this.env = env;
  }

  public static void main(String[] args) {
    Lifecycle.main(new BacktestPipeline(), args);
  }

  private static final PipelineInfo<BacktestOptions> INFO =
      new PipelineInfo<>(
          COMMAND,
          JOB_NAME,
          "judge the caption statistics as of --asOf on the sends of the next --horizonDays (docs/backtest.md)",
          BacktestOptions.class,
          List.of(Tables.MASS_MESSAGES, Tables.CAPTION_BANK),
          List.of(Tables.BANDIT_BACKTESTS, Tables.BANDIT_BACKTEST_PAGES));

  @Override
  public PipelineInfo<BacktestOptions> info() {
    return INFO;
  }

  /** --asOf and --horizonDays are required; T + H may not be after the run's clock. */
  @Override
  public BacktestSettings settings(BacktestOptions o, Instant wallNow) {
    if (o.getAsOf() == null) {
      throw new UsageException(
          "--asOf is required: the instant T the statistics are computed at, e.g. --asOf=2026-02-01T00:00:00Z");
    }
    if (o.getHorizonDays() == null) {
      throw new UsageException(
          "--horizonDays is required: the days after --asOf whose sends judge the statistics, e.g. --horizonDays=14");
    }
    Instant now = RunClock.instant(o.getNow(), "now", wallNow);
    Instant asOf = RunClock.instant(o.getAsOf(), "asOf", wallNow);
    BacktestConfig cfg;
    AlertDelivery alerts;
    try {
      cfg =
          new BacktestConfig(
              CaptionPerformanceConfig.of(o, asOf), o.getHorizonDays(), o.getMinSends());
      alerts = AlertDelivery.from(o, env, RunClock.stamps(o.getNow(), now));
    } catch (IllegalArgumentException | NullPointerException | ArithmeticException e) {
      throw new UsageException(e.getMessage(), e);
    }
    if (cfg.horizonEnd().isAfter(now)) {
      throw new UsageException(
          "--asOf + --horizonDays = "
              + cfg.horizonEnd()
              + " is after now ("
              + now
              + "): the horizon has not happened yet; choose an earlier --asOf or a shorter --horizonDays");
    }
    return new BacktestSettings(cfg, now, alerts);
  }

  @Override
  public AlertDelivery alerts(BacktestSettings settings) {
    return settings.alerts();
  }

  @Override
  public PCollection<JobRun> apply(
      Pipeline p, BacktestOptions options, BacktestSettings s, RunContext run) {
    Warehouse wh = run.warehouse();
    BacktestConfig cfg = s.config();
    PCollectionTuple scored = p.begin().apply(new ScoreBacktest(wh, cfg, s.now(), run.jobId()));
    PCollection<BacktestOutcome> outcome = scored.get(ScoreBacktest.OUTCOME);
    PCollectionView<Boolean> stores =
        outcome
            .apply(
                "Stores", MapElements.into(TypeDescriptors.booleans()).via(BacktestOutcome::stored))
            .apply("As stores", View.asSingleton());

    PCollection<Long> pagesWritten =
        scored
            .get(ScoreBacktest.SCORES)
            .apply("Make page rows", ParDo.of(new PageRowFn(run.jobId(), cfg)))
            .setRowSchema(Tables.BANDIT_BACKTEST_PAGES.schema())
            .apply(
                "Write bandit_backtest_pages",
                wh.writeIf(
                    Tables.BANDIT_BACKTEST_PAGES,
                    WriteSpec.insertIfAbsent("backtest_id", "page_name"),
                    run.writeId(),
                    "pages",
                    stores));
    PCollection<Long> summaryWritten =
        outcome
            .apply("Make summary row", ParDo.of(new SummaryRowFn(run.jobId(), cfg, run.start())))
            .setRowSchema(Tables.BANDIT_BACKTESTS.schema())
            .apply("Wait for the page rows", AfterAll.of(pagesWritten))
            .apply(
                "Append bandit_backtests",
                wh.write(
                    Tables.BANDIT_BACKTESTS,
                    WriteSpec.insertIfAbsent("backtest_id"),
                    run.writeId(),
                    "summary"));

    PCollectionView<Long> summaryView =
        summaryWritten.apply("As summary written", View.asSingleton());
    PCollectionView<Long> pagesView = pagesWritten.apply("As pages written", View.asSingleton());
    return outcome
        .apply(
            "Make job run",
            ParDo.of(new JobRunFn(run, s, summaryView, pagesView))
                .withSideInputs(summaryView, pagesView))
        .setCoder(SerializableCoder.of(JobRun.class));
  }

  static final class PageRowFn extends DoFn<PageScore, Row> {
    private final String backtestId;
    private final BacktestConfig config;

    PageRowFn(String backtestId, BacktestConfig config) {
      this.backtestId = backtestId;
      this.config = config;
    }

    @ProcessElement
    public void process(@Element PageScore s, OutputReceiver<Row> out) {
      if (s.captionsScored() > 0) {
        out.output(BacktestRows.page(backtestId, config, s));
      }
    }
  }

  /** The bandit_backtests row, when the run stores. */
  static final class SummaryRowFn extends DoFn<BacktestOutcome, Row> {
    private final String backtestId;
    private final BacktestConfig config;
    private final Instant computedAt;

    SummaryRowFn(String backtestId, BacktestConfig config, Instant computedAt) {
      this.backtestId = backtestId;
      this.config = config;
      this.computedAt = computedAt;
    }

    @ProcessElement
    public void process(@Element BacktestOutcome o, OutputReceiver<Row> out) {
      if (o.stored()) {
        out.output(BacktestRows.summary(backtestId, config, computedAt, o.metrics()));
      }
    }
  }

  /** The run's job row, once both writes have committed (they are side inputs). */
  static final class JobRunFn extends DoFn<BacktestOutcome, JobRun> {
    private final RunContext run;
    private final BacktestSettings settings;
    private final PCollectionView<Long> summaryWritten;
    private final PCollectionView<Long> pagesWritten;

    JobRunFn(
        RunContext run,
        BacktestSettings settings,
        PCollectionView<Long> summaryWritten,
        PCollectionView<Long> pagesWritten) {
      this.run = run;
      this.settings = settings;
      this.summaryWritten = summaryWritten;
      this.pagesWritten = pagesWritten;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      BacktestOutcome o = c.element();
      long summary = c.sideInput(summaryWritten);
      c.sideInput(pagesWritten);
      if (o.stored() != (summary == 1)) {
        throw new IllegalStateException(
            "the backtest "
                + (o.stored() ? "should have" : "should not have")
                + " written its bandit_backtests row ("
                + summary
                + " written)");
      }
      c.output(
          run.jobRun()
              .status(o.stored() ? JobStatus.SUCCESS : JobStatus.COMPLETED_NO_WORK)
              .executionDate(settings.executionDate())
              .creatorsProcessed(o.metrics().pagesScored())
              .rowsRead(o.rowsRead())
              .error(o.refusal())
              .build());
    }
  }

  /**
   * Prints the stored row with what each number means; when the run stored nothing, throws a {@link
   * UsageException} with the reason its job row records (exit 2).
   */
  @Override
  public int summarize(BacktestSettings s, RunContext run, Runs.Outcome outcome, PrintStream out) {
    Warehouse wh = run.warehouse();
    ReadSpec mine = ReadSpec.all().where(Filter.eq("backtest_id", run.jobId()));
    List<Row> summary = wh.query(Tables.BANDIT_BACKTESTS, mine);
    if (summary.isEmpty()) {
      List<Row> job =
          wh.query(
              Tables.ETL_JOB_RUNS,
              ReadSpec.columns("error_message").where(Filter.eq("job_id", run.jobId())));
      if (job.isEmpty() || job.get(0).getString("error_message") == null) {
        throw new IllegalStateException(
            "backtest " + run.jobId() + " finished but wrote neither its row nor a reason");
      }
      throw new UsageException(
          job.get(0).getString("error_message") + " (nothing stored; job " + run.jobId() + ")");
    }
    BacktestReport.print(
        out, s.config(), summary.get(0), wh.query(Tables.BANDIT_BACKTEST_PAGES, mine));
    out.printf(
        "  stored in bandit_backtests (backtest_id %s) in %.1f s%n",
        run.jobId(), outcome.wallTime().toMillis() / 1000.0);
    return Failures.OK;
  }
}
