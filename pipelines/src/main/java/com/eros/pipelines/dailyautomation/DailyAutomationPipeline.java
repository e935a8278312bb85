package com.eros.pipelines.dailyautomation;

import com.eros.common.table.Tables;
import com.eros.common.template.Template;
import com.eros.common.validate.RejectedRows;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WriteSpec;
import com.eros.pipelines.alerts.AlertDelivery;
import com.eros.pipelines.alerts.delivery.Environment;
import com.eros.pipelines.locksweep.LockSweepPipeline;
import com.eros.pipelines.locksweep.SweepLocks;
import com.eros.pipelines.support.AfterAll;
import com.eros.pipelines.support.EtlPipeline;
import com.eros.pipelines.support.JobRun;
import com.eros.pipelines.support.Lifecycle;
import com.eros.pipelines.support.PipelineInfo;
import com.eros.pipelines.support.RunContext;
import com.eros.pipelines.support.Runs;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The daily automation (docs/daily-automation.md), the system's main job:
 *
 * <pre>
 *   messages of [D−90, D), grouped by page ─► validate (bad rows ─► rejected_rows) + analyze, in parallel
 *   messages later than now + 1 h ─► rejected_rows (SENDING_TIME_IN_FUTURE) ┘
 *     ─► saturation (caption pool and locks in the cooldown as side inputs) ─► profiles (replace D's)
 *                                                                        └► compact outcomes
 *     ─► decide in page_name order (circuit breaker, threshold) ─► errors (insert-if-absent)
 *                                                               └► queue rows ┐
 *   lock sweep (§4) ─► lock_sweep_log row ───────────────────────────────────┤
 *   queue write (insert-if-absent) after every other write has committed ◄───┘
 *     ─► alerts ─► the job row, last
 * </pre>
 */
@Template(
    name = "EROS daily automation",
    description =
        "The daily run of docs/daily-automation.md for one Los Angeles date D: finds active creators, analyzes each "
            + "(profiles in creator_performance_profiles), measures caption saturation, queues schedule "
            + "generation (at most one PENDING row per page and date), records per-creator errors with a "
            + "consecutive-failure circuit breaker, sweeps expired caption locks, raises and delivers its "
            + "alerts (Slack, Google Chat, PagerDuty, webhook, e-mail, with a cooldown) and writes its "
            + "etl_job_runs row. Scheduled at 03:05 America/Los_Angeles.")
public final class DailyAutomationPipeline
    implements EtlPipeline<DailyAutomationOptions, DailyAutomationSettings> {
  public static final String COMMAND = "daily-automation";

  /**
   * Errors are recorded once per (page, date, message): a re-run that fails the same way adds
   * nothing.
   */
  static final String[] ERROR_KEY = {"page_name", "execution_date", "error_message"};

  private final Analyzer analyzer;
  private final Environment env;

  /** The production pipeline (the default {@link CreatorAnalyzer}). */
  public DailyAutomationPipeline() {
    this(new CreatorAnalyzer(), Environment.system());
  }

  /**
   * With another analyzer (tests inject one that fails for chosen pages) and environment (where the
   * alert channels' URLs and keys are looked up).
   */
  public DailyAutomationPipeline(Analyzer analyzer, Environment env) {
    this.analyzer = analyzer;
    this.env = env;
  }

  public static void main(String[] args) {
    Lifecycle.main(new DailyAutomationPipeline(), args);
  }

  private static final PipelineInfo<DailyAutomationOptions> INFO =
      new PipelineInfo<>(
          COMMAND,
          OutputRows.JOB_NAME,
          "daily run for a Los Angeles date: creator profiles, saturation, schedule queue, breaker, lock sweep "
              + "(alerts delivered like the health monitor's)",
          DailyAutomationOptions.class,
          List.of(Tables.MASS_MESSAGES, Tables.CAPTION_BANK, Tables.ACTIVE_CAPTION_ASSIGNMENTS),
          List.of(
              Tables.CREATOR_PERFORMANCE_PROFILES,
              Tables.SCHEDULE_GENERATION_QUEUE,
              Tables.CREATOR_PROCESSING_ERRORS,
              Tables.AUTOMATION_ALERTS,
              Tables.LOCK_SWEEP_LOG,
              Tables.REJECTED_ROWS));

  @Override
  public PipelineInfo<DailyAutomationOptions> info() {
    return INFO;
  }

  @Override
  public DailyAutomationSettings settings(DailyAutomationOptions options, Instant wallNow) {
    DailyAutomationConfig cfg = DailyAutomationConfig.from(options, wallNow);
    return new DailyAutomationSettings(cfg, LockSweepPipeline.alerts(options, env, cfg.now()));
  }

  @Override
  public AlertDelivery alerts(DailyAutomationSettings settings) {
    return settings.alerts();
  }

  @Override
  public PCollection<JobRun> apply(
      Pipeline p, DailyAutomationOptions options, DailyAutomationSettings s, RunContext run) {
    DailyAutomationConfig cfg = s.config();
    Warehouse wh = run.warehouse();
    String jobId = run.jobId();
    Windows w = cfg.windows();
    Instant now = cfg.now();

    PCollection<KV<String, List<Row>>> messages =
        p.apply(
            "Read messages by page",
            wh.readGrouped(
                Tables.MASS_MESSAGES,
                ReadSpec.columns(AnalyzeCreators.COLUMNS)
                    .where(Filter.betweenOrNull("sending_time", w.analysisStart(), w.end())),
                "page_name"));
    PCollectionTuple analyzed =
        messages.apply("Analyze creators", new AnalyzeCreators(analyzer, w, now, jobId));
    PCollection<KV<String, List<Row>>> futurePages =
        p.apply(
            "Read future messages by page",
            wh.readGrouped(
                Tables.MASS_MESSAGES, RejectFutureMessages.readSpec(now, w.end()), "page_name"));
    PCollection<Row> future = futurePages.apply(new RejectFutureMessages(now, jobId));
    PCollection<Long> futureRead =
        futurePages
            .apply(
                "Count future messages",
                MapElements.into(TypeDescriptors.longs())
                    .via(page -> (long) page.getValue().size()))
            .apply("Sum future messages", Sum.longsGlobally());
    PCollection<Long> rejectedWritten =
        PCollectionList.of(analyzed.get(AnalyzeCreators.REJECTED))
            .and(future)
            .apply("Join dead letters", Flatten.pCollections())
            .apply(
                "Write rejected rows",
                wh.write(
                    Tables.REJECTED_ROWS,
                    RejectedRows.writeSpec(),
                    run.writeId(),
                    "daily_automation_rejected"));

    PCollectionTuple assessed =
        analyzed
            .get(AnalyzeCreators.ANALYSES)
            .apply(
                "Assess saturation",
                new AssessSaturation(wh, cfg.executionDate(), cfg.cooldownDays(), jobId, now));
    PCollection<Long> profilesWritten =
        assessed
            .get(AssessSaturation.PROFILES)
            .apply(
                "Write profiles",
                wh.write(
                    Tables.CREATOR_PERFORMANCE_PROFILES,
                    WriteSpec.replaceWhere("execution_date"),
                    run.writeId(),
                    "daily_automation_profiles"));

    PCollectionTuple decided =
        assessed
            .get(AssessSaturation.OUTCOMES)
            .apply(
                "Decide in order",
                new DecideInOrder(
                    cfg.executionDate(),
                    cfg.saturationThreshold(),
                    cfg.circuitBreakerThreshold(),
                    jobId,
                    now));
    PCollection<Long> errorsWritten =
        decided
            .get(DecideInOrder.ERRORS)
            .apply(
                "Write errors",
                wh.write(
                    Tables.CREATOR_PROCESSING_ERRORS,
                    WriteSpec.insertIfAbsent(ERROR_KEY),
                    run.writeId(),
                    "daily_automation_errors"));

    // The lock sweep (docs/daily-automation.md §6, docs/lock-sweep.md) as one step of the job, with
    // this run's id and clock (its
    // writes are named lock_sweep_*, distinct from ours). Its output, the lock_sweep_log row, is
    // emitted once the locks, the log and its alerts are written: the queue write waits on it.
    PCollection<Row> sweepLog =
        p.apply("Sweep locks", new SweepLocks(run, cfg.sweep(), s.alerts()));

    // The queue is the run's product: written only once everything else has committed, in one
    // atomic insert-if-absent, so a run that breaks leaves no partial queue for D.
    PCollection<Long> queueWritten =
        decided
            .get(DecideInOrder.QUEUE)
            .apply(
                "Wait for the other writes",
                AfterAll.of(rejectedWritten, profilesWritten, errorsWritten, sweepLog))
            .apply(
                "Write queue",
                wh.write(
                    Tables.SCHEDULE_GENERATION_QUEUE,
                    WriteSpec.insertIfAbsent("page_name", "execution_date"),
                    run.writeId(),
                    "daily_automation_queue"));

    return decided
        .get(DecideInOrder.REPORT)
        .apply(
            "Record run",
            new RecordRun(
                run,
                rejectedWritten,
                futureRead,
                List.of(queueWritten, sweepLog),
                s.alerts(),
                now));
  }

  @Override
  public int summarize(
      DailyAutomationSettings s, RunContext run, Runs.Outcome outcome, PrintStream out) {
    return Summary.print(run.warehouse(), s.config(), run.jobId(), outcome, out);
  }

  static String pct(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.2f %%", v);
  }
}
