package com.eros.pipelines.captionperformance;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.template.Template;
import com.eros.common.validate.MessageRule;
import com.eros.common.validate.RejectedRows;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WriteSpec;
import com.eros.pipelines.alerts.AlertDelivery;
import com.eros.pipelines.alerts.DeliverAlerts;
import com.eros.pipelines.alerts.delivery.Environment;
import com.eros.pipelines.support.EtlPipeline;
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
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The caption-performance pipeline (docs/caption-performance.md, every 6 hours):
 *
 * <pre>
 *   mass_messages ─ read by page (projection, window [asOf − max(windows), asOf) or NULL time) ─┐
 *   caption_bank ─ read by owner ─ index texts (side inputs: shared, by owning page) ──────────┤
 *     validate + attribute (per page) ─┬─ rejected_rows (insert if absent, one per bad row)    │
 *                                      └─ page calculator ─ caption_bandit_stats ──────────────┘
 *   caption_bandit_stats ─ pages now ─┐      (replace, gated by the shrink guard)
 *     tallies ─ sum ─ shrink guard ───┴─ CRITICAL alert when refused
 *     ─ job row (side inputs: every write's commit signal), last
 * </pre>
 *
 * <p>One element per page all the way: the store groups by page, and all of §2 except the
 * attribution lookup is per page, so no shuffle per caption and no per-message elements.
 */
@Template(
    name = "EROS caption performance",
    description =
        "Recomputes caption_bandit_stats from mass_messages (docs/caption-performance.md): EMV per send, exact page "
            + "median over the median window, text attribution of uncaptioned sends, decayed successes and "
            + "failures, Wilson bounds, Beta posterior, exploration score and percentile per (page, caption); "
            + "replaces the table atomically and writes its etl_job_runs row; a result covering far fewer "
            + "pages than the table is refused (shrink guard) with a CRITICAL alert. Invalid messages go to "
            + "rejected_rows. Scheduled every 6 hours (America/Los_Angeles).")
public final class CaptionPerformancePipeline
    implements EtlPipeline<CaptionPerformanceOptions, CaptionPerformanceSettings> {
  public static final String COMMAND = "caption-performance";
  public static final String JOB_NAME = "caption_performance";

  /** Metrics namespace of the pipeline's counters. */
  public static final String METRICS = "caption_performance";

  /** Columns of mass_messages the pipeline reads (all but message_type). */
  static final String[] MESSAGE_COLUMNS = {
    "message_id",
    "page_name",
    "caption_id",
    "message",
    "sending_time",
    "price",
    "sent_count",
    "viewed_count",
    "purchased_count",
    "earnings"
  };

  /** The columns of mass_messages that validation, attribution and the statistics need. */
  public static String[] messageColumns() {
    return MESSAGE_COLUMNS.clone();
  }

  private final Environment env;

  public CaptionPerformancePipeline() {
    this(Environment.system());
  }

  /** With another environment (where the alert channels' URLs and keys are looked up). */
  public CaptionPerformancePipeline(Environment env) {
    this.env = env;
  }

  public static void main(String[] args) {
    Lifecycle.main(new CaptionPerformancePipeline(), args);
  }

  private static final PipelineInfo<CaptionPerformanceOptions> INFO =
      new PipelineInfo<>(
          COMMAND,
          JOB_NAME,
          "recompute caption_bandit_stats (docs/caption-performance.md): medians, Wilson bounds, posteriors, percentiles",
          CaptionPerformanceOptions.class,
          List.of(Tables.MASS_MESSAGES, Tables.CAPTION_BANK),
          List.of(Tables.CAPTION_BANDIT_STATS, Tables.REJECTED_ROWS, Tables.AUTOMATION_ALERTS));

  @Override
  public PipelineInfo<CaptionPerformanceOptions> info() {
    return INFO;
  }

  @Override
  public CaptionPerformanceSettings settings(CaptionPerformanceOptions o, Instant wallNow) {
    Instant asOf = RunClock.instant(o.getAsOf(), "asOf", wallNow);
    try {
      return new CaptionPerformanceSettings(
          CaptionPerformanceConfig.of(o, asOf),
          new ShrinkGuard(o.getMaxPageLossPercent(), Boolean.TRUE.equals(o.getAllowShrink())),
          AlertDelivery.from(o, env, RunClock.stamps(o.getAsOf(), asOf)));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  @Override
  public AlertDelivery alerts(CaptionPerformanceSettings settings) {
    return settings.alerts();
  }

  /** What is read from mass_messages: the projection and the window, plus NULL sending times. */
  static ReadSpec messageReadSpec(CaptionPerformanceConfig cfg) {
    return ReadSpec.columns(MESSAGE_COLUMNS)
        .where(Filter.betweenOrNull("sending_time", cfg.readFrom(), cfg.asOf()));
  }

  @Override
  public PCollection<JobRun> apply(
      Pipeline p, CaptionPerformanceOptions options, CaptionPerformanceSettings s, RunContext run) {
    Warehouse wh = run.warehouse();
    CaptionPerformanceConfig cfg = s.stats();

    BuildCaptionIndex.Views index = BuildCaptionIndex.views(p.begin(), wh);
    PCollection<KV<String, List<Row>>> byPage =
        p.apply(
            "Read messages by page",
            wh.readGrouped(Tables.MASS_MESSAGES, messageReadSpec(cfg), "page_name"));
    PCollectionTuple checked =
        byPage.apply(new ValidateAndAttribute(index, cfg.asOf(), run.start(), run.jobId()));
    PCollection<Long> rejectedWritten =
        checked
            .get(ValidateAndAttribute.REJECTED)
            .apply(
                "Write rejected_rows",
                wh.write(
                    Tables.REJECTED_ROWS, RejectedRows.writeSpec(), run.writeId(), "rejected"));
    PCollectionTuple stats =
        checked.get(ValidateAndAttribute.VALID).apply(new ComputeCaptionStats(cfg));

    PCollection<RunTally> total =
        PCollectionList.of(checked.get(ValidateAndAttribute.TALLY))
            .and(stats.get(ComputeCaptionStats.TALLY))
            .apply("Collect tallies", Flatten.pCollections())
            .apply("Sum tallies", Combine.globally(new RunTally.SumFn()))
            .setCoder(SerializableCoder.of(RunTally.class));
    PCollectionView<Long> currentPages =
        p.apply(
                "Read pages of the current stats",
                wh.readGrouped(
                    Tables.CAPTION_BANDIT_STATS, ReadSpec.columns("page_name"), "page_name"))
            .apply("Count current pages", Count.globally())
            .apply("As current pages", View.asSingleton());
    PCollection<ShrinkGuard.Verdict> verdict =
        total
            .apply(
                "Judge shrink",
                ParDo.of(new JudgeShrinkFn(s.guard(), currentPages)).withSideInputs(currentPages))
            .setCoder(SerializableCoder.of(ShrinkGuard.Verdict.class));
    PCollectionView<Boolean> proceed =
        verdict
            .apply(
                "May replace",
                MapElements.into(TypeDescriptors.booleans())
                    .via((ShrinkGuard.Verdict v) -> !v.refused()))
            .apply("As gate", View.asSingleton());

    PCollection<Long> statsWritten =
        stats
            .get(ComputeCaptionStats.STATS)
            .apply(
                "Replace caption_bandit_stats",
                wh.writeIf(
                    Tables.CAPTION_BANDIT_STATS,
                    WriteSpec.replace(),
                    run.writeId(),
                    "stats",
                    proceed));
    PCollection<Long> alertsWritten =
        verdict
            .apply("Raise shrink alert", ParDo.of(new ShrinkAlertFn(run)))
            .setRowSchema(Tables.AUTOMATION_ALERTS.schema())
            .apply(
                "Write and deliver alerts",
                new DeliverAlerts(wh, run.writeId(), "alerts", s.alerts()))
            .apply("Count alerts", Count.globally());

    PCollectionView<RunTally> totalView = total.apply("As total", View.asSingleton());
    PCollectionView<Long> statsView = statsWritten.apply("As stats written", View.asSingleton());
    PCollectionView<Long> rejectedView =
        rejectedWritten.apply("As dead letters written", View.asSingleton());
    PCollectionView<Long> alertsView = alertsWritten.apply("As alerts written", View.asSingleton());
    return verdict
        .apply(
            "Make job run",
            ParDo.of(new JobRunFn(run, s, totalView, statsView, rejectedView, alertsView))
                .withSideInputs(totalView, statsView, rejectedView, alertsView))
        .setCoder(SerializableCoder.of(JobRun.class));
  }

  /** The shrink guard's verdict on the summed tally. */
  static final class JudgeShrinkFn extends DoFn<RunTally, ShrinkGuard.Verdict> {
    private final ShrinkGuard guard;
    private final PCollectionView<Long> currentPages;

    JudgeShrinkFn(ShrinkGuard guard, PCollectionView<Long> currentPages) {
      this.guard = guard;
      this.currentPages = currentPages;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      c.output(guard.judge(c.element().pagesWithStats(), c.sideInput(currentPages)));
    }
  }

  /** A CRITICAL alert when the guard refused the replacement (deterministic id: one per run). */
  static final class ShrinkAlertFn extends DoFn<ShrinkGuard.Verdict, Row> {
    private final RunContext run;

    ShrinkAlertFn(RunContext run) {
      this.run = run;
    }

    @ProcessElement
    public void process(@Element ShrinkGuard.Verdict v, OutputReceiver<Row> out) {
      if (v.refused()) {
        out.output(
            Row.withSchema(Tables.AUTOMATION_ALERTS.schema())
                .withFieldValue("alert_id", JOB_NAME + ":" + run.jobId() + ":shrink_guard")
                .withFieldValue("alert_time", Timestamps.truncate(run.elapsedEnd()))
                .withFieldValue("alert_level", "CRITICAL")
                .withFieldValue("alert_source", JOB_NAME)
                .withFieldValue("alert_message", JOB_NAME + " FAILED: " + v.reason())
                .withFieldValue("job_id", run.jobId())
                .withFieldValue("acknowledged", false)
                .build());
      }
    }
  }

  /** The run's job row, once every write has committed (they are side inputs). */
  static final class JobRunFn extends DoFn<ShrinkGuard.Verdict, JobRun> {
    private final RunContext run;
    private final CaptionPerformanceSettings settings;
    private final PCollectionView<RunTally> total;
    private final PCollectionView<Long> statsWritten;
    private final PCollectionView<Long> rejectedWritten;
    private final PCollectionView<Long> alertsWritten;

    JobRunFn(
        RunContext run,
        CaptionPerformanceSettings settings,
        PCollectionView<RunTally> total,
        PCollectionView<Long> statsWritten,
        PCollectionView<Long> rejectedWritten,
        PCollectionView<Long> alertsWritten) {
      this.run = run;
      this.settings = settings;
      this.total = total;
      this.statsWritten = statsWritten;
      this.rejectedWritten = rejectedWritten;
      this.alertsWritten = alertsWritten;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      ShrinkGuard.Verdict v = c.element();
      RunTally t = c.sideInput(total);
      long stats = c.sideInput(statsWritten);
      c.sideInput(alertsWritten); // the alert is written before the job row
      if (!v.refused() && stats < 0) {
        throw new IllegalStateException(
            "caption_bandit_stats was not replaced although the shrink guard allowed it");
      }
      c.output(
          run.jobRun()
              .status(v.refused() ? JobStatus.FAILED : JobStatus.SUCCESS)
              .executionDate(settings.executionDate())
              .creatorsProcessed(t.pagesWithStats())
              .rowsRead(t.rowsRead())
              .rowsRejected(c.sideInput(rejectedWritten))
              .error(v.reason())
              .build());
    }
  }

  @Override
  public int summarize(
      CaptionPerformanceSettings s, RunContext run, Runs.Outcome outcome, PrintStream out) {
    return CaptionPerformanceSummary.print(s, run, outcome, out);
  }

  /** Counter names of the per-rule rejection counts. */
  static String rejectedCounter(MessageRule rule) {
    return "rejected_" + rule.name();
  }
}
