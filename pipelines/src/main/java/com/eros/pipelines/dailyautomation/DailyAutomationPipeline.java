package com.eros.pipelines.dailyautomation;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.validate.RejectedRows;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WriteSpec;
import com.eros.pipelines.alerts.AlertDelivery;
import com.eros.pipelines.alerts.DeliverAlerts;
import com.eros.pipelines.cli.Eros;
import com.eros.pipelines.locksweep.LockSweepPipeline;
import com.eros.pipelines.locksweep.SweepLocks;
import com.eros.pipelines.support.JobRuns;
import com.eros.pipelines.support.OptionsParser;
import com.eros.pipelines.support.Runs;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;

/**
 * The daily automation (REFERENCE §3), the system's main job:
 *
 * <pre>
 *   messages of [D−90, D), grouped by page ─► validate (bad rows ─► rejected_rows) + analyse, in parallel
 *     ─► saturation (caption pool and locks in the cooldown as side inputs) ─► profiles (replace D's)
 *                                                                        └► compact outcomes
 *     ─► decide in page_name order (circuit breaker, threshold) ─► errors (insert-if-absent)
 *                                                               └► queue rows ┐
 *   lock sweep (§4) ─► lock_sweep_log row ───────────────────────────────────┤
 *   queue write (insert-if-absent) after every other write has committed ◄───┘
 *     ─► alerts ─► etl_job_runs row, last
 * </pre>
 *
 * {@link #main} is usable as a Flex Template main class.
 */
public final class DailyAutomationPipeline {
  public static final String COMMAND = "daily-automation";
  public static final List<TableDef> TABLES = List.of(
      Tables.MASS_MESSAGES, Tables.CAPTION_BANK, Tables.ACTIVE_CAPTION_ASSIGNMENTS, Tables.CREATOR_PERFORMANCE_PROFILES,
      Tables.SCHEDULE_GENERATION_QUEUE, Tables.ETL_JOB_RUNS, Tables.CREATOR_PROCESSING_ERRORS,
      Tables.AUTOMATION_ALERTS, Tables.LOCK_SWEEP_LOG, Tables.REJECTED_ROWS);
  /** Errors are recorded once per (page, date, message): a re-run that fails the same way adds nothing. */
  static final String[] ERROR_KEY = {"page_name", "execution_date", "error_message"};

  private DailyAutomationPipeline() {}

  /** Flex Template / command-line entry: {@code ./eros daily-automation ARGS}. */
  public static void main(String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = COMMAND;
    System.arraycopy(args, 0, all, 1, args.length);
    int code = Eros.execute(all, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** The production pipeline (the default {@link CreatorAnalyzer}). */
  public static Pipeline build(DailyAutomationOptions options, Warehouse warehouse, DailyAutomationConfig cfg) {
    Pipeline p = Pipeline.create(options);
    compose(p, cfg, warehouse, options.getJobId(), new CreatorAnalyzer(), System.currentTimeMillis(),
        LockSweepPipeline.alerts(options));
    return p;
  }

  /**
   * Adds the run's transforms to {@code p}. The analyser is a parameter so tests can inject one
   * that fails for chosen pages; production always passes {@link CreatorAnalyzer}. {@code alerts}
   * says where the run's alerts (and its lock sweep's) are delivered.
   */
  public static void compose(Pipeline p, DailyAutomationConfig cfg, Warehouse wh, String jobId, Analyzer analyzer,
      long startWallMs, AlertDelivery alerts) {
    Windows w = cfg.windows();
    Instant now = cfg.now();

    PCollection<KV<String, List<Row>>> messages = p.apply("Read messages by page",
        wh.readGrouped(Tables.MASS_MESSAGES,
            ReadSpec.columns(AnalyseCreators.COLUMNS).where(Filter.betweenOrNull("sending_time", w.analysisStart(), w.end())),
            "page_name"));
    PCollectionTuple analysed = messages.apply("Analyse creators", new AnalyseCreators(analyzer, w, now, jobId));
    PCollection<Long> rejectedWritten = analysed.get(AnalyseCreators.REJECTED)
        .apply("Write rejected rows", wh.write(Tables.REJECTED_ROWS, WriteSpec.insertIfAbsent(RejectedRows.KEY), jobId, "daily_automation_rejected"));

    PCollectionTuple assessed = analysed.get(AnalyseCreators.ANALYSES)
        .apply("Assess saturation", new AssessSaturation(wh, cfg.executionDate(), cfg.cooldownDays(), jobId, now));
    PCollection<Long> profilesWritten = assessed.get(AssessSaturation.PROFILES)
        .apply("Write profiles", wh.write(Tables.CREATOR_PERFORMANCE_PROFILES, WriteSpec.replaceWhere("execution_date"), jobId, "daily_automation_profiles"));

    PCollectionTuple decided = assessed.get(AssessSaturation.OUTCOMES)
        .apply("Decide in order", new DecideInOrder(cfg.executionDate(), cfg.saturationThreshold(), cfg.circuitBreakerThreshold(), jobId, now));
    PCollection<Long> errorsWritten = decided.get(DecideInOrder.ERRORS)
        .apply("Write errors", wh.write(Tables.CREATOR_PROCESSING_ERRORS, WriteSpec.insertIfAbsent(ERROR_KEY), jobId, "daily_automation_errors"));

    PCollection<Row> sweepLog = sweepLocks(p, wh, cfg, jobId, alerts);

    // The queue is the run's product: written only once everything else has committed, in one
    // atomic insert-if-absent, so a run that breaks leaves no partial queue for D.
    PCollection<Long> queueWritten = decided.get(DecideInOrder.QUEUE)
        .apply("Wait for the other writes", Wait.on(rejectedWritten, profilesWritten, errorsWritten, sweepLog))
        .setRowSchema(Tables.SCHEDULE_GENERATION_QUEUE.schema())
        .apply("Write queue", wh.write(Tables.SCHEDULE_GENERATION_QUEUE, WriteSpec.insertIfAbsent("page_name", "execution_date"), jobId, "daily_automation_queue"));

    decided.get(DecideInOrder.REPORT)
        .apply("Record run", new RecordRun(wh, jobId, now, startWallMs, List.of(queueWritten, sweepLog), alerts));
  }

  /**
   * The lock sweep (REFERENCE §3.6, §4) as one step of the job, with this run's job id and clock
   * (its writes are named lock_sweep_*, distinct from ours). Its output, the lock_sweep_log row, is
   * emitted once the locks, the log and its alerts are written: the queue write waits on it.
   */
  static PCollection<Row> sweepLocks(Pipeline p, Warehouse wh, DailyAutomationConfig cfg, String jobId, AlertDelivery alerts) {
    return p.apply("Sweep locks", new SweepLocks(wh, cfg.sweep(), jobId, alerts));
  }

  // ------------------------------------------------------------------------------------ running

  /** Parses, builds and runs; locally waits and prints a summary. Returns the exit code. */
  public static int run(String[] args, PrintStream out) {
    DailyAutomationOptions options = OptionsParser.parse(DailyAutomationOptions.class, args);
    DailyAutomationConfig cfg = DailyAutomationConfig.from(options);
    AlertDelivery alerts = LockSweepPipeline.alerts(options); // a bad alert option or rules file is refused here
    Warehouse wh = OptionsParser.warehouse(options);
    String jobId = options.getJobId();
    boolean local = OptionsParser.runsLocally(options);
    if (local) {
      OptionsParser.tuneLocalRunner(options);
    }
    out.printf("daily-automation for %s (Los Angeles) on %s, job %s%n", cfg.executionDate(), wh.spec(), jobId);
    Runs.Outcome outcome;
    try {
      wh.ensureTables(TABLES);
      Pipeline p = build(options, wh, cfg);
      outcome = Runs.run(p, COMMAND, out);
    } catch (RuntimeException e) {
      if (!local) {
        throw e;
      }
      throw new IllegalStateException("daily-automation for " + cfg.executionDate() + " failed: "
          + firstLine(rootMessage(e)) + "; " + recordFailure(wh, jobId, cfg, firstLine(rootMessage(e)), alerts), e);
    }
    if (!outcome.waited()) {
      return 0;
    }
    return Summary.print(wh, cfg, jobId, outcome, out);
  }

  /**
   * Writes the FAILED job row (and its CRITICAL alert) of a run that broke, unless the pipeline
   * already wrote its job row; says what it did, for the error line.
   */
  static String recordFailure(Warehouse wh, String jobId, DailyAutomationConfig cfg, String why, AlertDelivery alerts) {
    try {
      if (!wh.query(Tables.ETL_JOB_RUNS, ReadSpec.columns("job_id").where(Filter.eq("job_id", jobId))).isEmpty()) {
        return "its job row was already written";
      }
      Instant end = Instant.now().isAfter(cfg.now()) ? Instant.now() : cfg.now();
      String message = "the run broke: " + why;
      wh.insertNow(Tables.ETL_JOB_RUNS, List.of(JobRuns.row(jobId, OutputRows.JOB_NAME, cfg.now(), end,
          JobRuns.FAILED, cfg.executionDate(), null, null, null, null, null, message)));
      // written, delivered and recorded like the pipeline's own alerts (same composite, same cooldown)
      new DeliverAlerts(wh, jobId, "daily_automation_failure_alert", alerts)
          .withCooldown(OutputRows.ALERT_SOURCE, OutputRows::kindOf, end)
          .runLocally(List.of(OutputRows.alert(new RunReport.Alert("job_failed", RunReport.CRITICAL,
              "daily_automation FAILED for " + cfg.executionDate() + ": " + message), jobId, end)));
      int queued = wh.query(Tables.SCHEDULE_GENERATION_QUEUE, ReadSpec.columns("page_name")
          .where(Filter.eq("execution_date", cfg.executionDate())).where(Filter.eq("job_id", jobId))).size();
      return "wrote a FAILED job row and a CRITICAL alert (job " + jobId + "); "
          + (queued == 0 ? "this run queued nothing" : "its queue (" + queued + " rows) had already been committed whole");
    } catch (RuntimeException again) {
      return "could not record the failure either (" + firstLine(rootMessage(again)) + ")";
    }
  }

  static String rootMessage(Throwable t) {
    Throwable c = t;
    String m = t.getMessage();
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        m = c.getMessage();
      }
    }
    return m == null ? t.getClass().getSimpleName() : m;
  }

  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static String pct(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.2f %%", v);
  }
}
