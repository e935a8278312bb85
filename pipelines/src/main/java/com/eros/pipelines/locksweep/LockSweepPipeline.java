package com.eros.pipelines.locksweep;

import com.eros.common.table.Timestamps;
import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.time.Clock;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WriteSpec;
import com.eros.pipelines.alerts.AlertDelivery;
import com.eros.pipelines.alerts.delivery.Environment;
import com.eros.pipelines.cli.Eros;
import com.eros.pipelines.support.JobRuns;
import com.eros.pipelines.support.OptionsParser;
import com.eros.pipelines.support.Runs;
import com.eros.pipelines.support.UsageException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * The hourly lock sweep (REFERENCE §4): {@link SweepLocks} followed by the run's
 * {@code etl_job_runs} row (job_name {@code lock_sweep}), which is derived from the sweep's log row
 * and so is written only after the locks, the log and the alerts.
 */
public final class LockSweepPipeline {
  public static final String JOB_NAME = "lock_sweep";
  public static final String COMMAND = "lock-sweep";
  static final List<TableDef> TABLES = List.of(
      Tables.ACTIVE_CAPTION_ASSIGNMENTS, Tables.LOCK_SWEEP_LOG, Tables.AUTOMATION_ALERTS, Tables.ETL_JOB_RUNS);

  private LockSweepPipeline() {}

  /** Flex Template main class: the same as {@code ./eros lock-sweep ARGS}. */
  public static void main(String[] args) {
    String[] full = new String[args.length + 1];
    full[0] = COMMAND;
    System.arraycopy(args, 0, full, 1, args.length);
    int code = Eros.execute(full, System.out, System.err);
    System.out.flush();
    if (code != 0) {
      System.exit(code);
    }
  }

  private static final List<String> WHOLE_NUMBER_OPTIONS =
      List.of("staleLockDays", "highVolumeThreshold", "bloatWarning", "bloatCritical");

  /** Parses the command's arguments; numbers are checked first so that the message names the option. */
  public static LockSweepOptions parse(String[] args) {
    for (String a : args) {
      for (String name : WHOLE_NUMBER_OPTIONS) {
        String prefix = "--" + name + "=";
        if (a.startsWith(prefix)) {
          String v = a.substring(prefix.length()).strip();
          try {
            Long.parseLong(v);
          } catch (NumberFormatException e) {
            throw new UsageException(a + " is not a whole number (see --help)");
          }
          if (name.equals("staleLockDays") && Long.parseLong(v) > Integer.MAX_VALUE) {
            throw new UsageException(a + " is too large");
          }
        }
      }
    }
    return OptionsParser.parse(LockSweepOptions.class, args);
  }

  /** The sweep's configuration from the options, or a {@link UsageException} naming the bad option. */
  public static SweepConfig config(LockSweepOptions o) {
    Instant now;
    try {
      now = Clock.fromOption(o.getNow()).now();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    if (o.getStaleLockDays() == null || o.getHighVolumeThreshold() == null || o.getBloatWarning() == null
        || o.getBloatCritical() == null) {
      throw new UsageException("--staleLockDays, --highVolumeThreshold, --bloatWarning and --bloatCritical need a value");
    }
    try {
      return new SweepConfig(now, o.getStaleLockDays(), o.getHighVolumeThreshold(), o.getBloatWarning(), o.getBloatCritical());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  /**
   * Where the sweep's alerts go (options and rules file), validated: a {@link UsageException} names
   * a bad option. Environment variables are those of this process.
   */
  public static AlertDelivery alerts(LockSweepOptions o) {
    return AlertDelivery.from(o, Environment.system(), Clock.fromOption(o.getNow()));
  }

  /** The pipeline: sweep, then the job row. */
  public static Pipeline build(LockSweepOptions options, Warehouse wh, SweepConfig cfg) {
    return build(options, wh, cfg, alerts(options));
  }

  /** The pipeline, with its alerts delivered as {@code alerts} says. */
  public static Pipeline build(LockSweepOptions options, Warehouse wh, SweepConfig cfg, AlertDelivery alerts) {
    String jobId = options.getJobId();
    Pipeline p = Pipeline.create(options);
    PCollection<Row> log = p.apply("Sweep locks", new SweepLocks(wh, cfg, jobId, alerts));
    log.apply("Build job row", ParDo.of(new JobRowFn(jobId)))
        .setRowSchema(Tables.ETL_JOB_RUNS.schema())
        .apply("Write job row", wh.write(Tables.ETL_JOB_RUNS, WriteSpec.append(), jobId, "lock_sweep_job"));
    return p;
  }

  /** The SUCCESS job row of a sweep, from its log row (start = the run's now, duration = measured). */
  static final class JobRowFn extends DoFn<Row, Row> {
    private final String jobId;

    JobRowFn(String jobId) {
      this.jobId = jobId;
    }

    @ProcessElement
    public void process(@Element Row log, OutputReceiver<Row> out) {
      Instant start = Timestamps.get(log, "sweep_time");
      double seconds = log.getDouble("sweep_duration_seconds");
      Instant end = start.plusMillis(Math.round(seconds * 1000));
      out.output(JobRuns.row(jobId, JOB_NAME, start, end, JobRuns.SUCCESS, LockRules.today(start),
          null, null, null, null, null, null));
    }
  }

  /**
   * Runs a sweep: creates the tables when absent, runs the pipeline, and on a local run prints the
   * summary (or, when the run fails, records a FAILED job row and throws with the reason).
   */
  public static int run(LockSweepOptions options, Warehouse wh, SweepConfig cfg, PrintStream out) {
    wh.ensureTables(TABLES);
    OptionsParser.tuneLocalRunner(options);
    return execute(build(options, wh, cfg), options, wh, cfg, out);
  }

  /** Runs a built sweep pipeline (tests call this directly to keep Beam's checks on). */
  static int execute(Pipeline p, LockSweepOptions options, Warehouse wh, SweepConfig cfg, PrintStream out) {
    String jobId = options.getJobId();
    out.printf("lock-sweep on %s: now %s (Los Angeles today %s), stale after %d days, job %s%n",
        wh.spec(), cfg.now(), LockRules.today(cfg.now()), cfg.staleLockDays(), jobId);
    long t0 = System.nanoTime();
    Runs.Outcome outcome;
    try {
      outcome = Runs.run(p, COMMAND, out);
    } catch (RuntimeException e) {
      if (!OptionsParser.runsLocally(options)) {
        throw e;
      }
      String reason = reason(e);
      Instant end = cfg.now().plus(Duration.ofNanos(System.nanoTime() - t0));
      String recorded;
      try {
        wh.insertNow(Tables.ETL_JOB_RUNS, List.of(JobRuns.row(jobId, JOB_NAME, cfg.now(), end, JobRuns.FAILED,
            LockRules.today(cfg.now()), null, null, null, null, null, reason)));
        recorded = "a FAILED row was written to etl_job_runs";
      } catch (RuntimeException again) {
        recorded = "and the FAILED job row could not be written either (" + again.getMessage() + ")";
      }
      throw new IllegalStateException("lock sweep " + jobId + " failed: " + reason + "; " + recorded, e);
    }
    if (!outcome.waited()) {
      return 0;
    }
    printSummary(wh, jobId, outcome, out);
    return 0;
  }

  static void printSummary(Warehouse wh, String jobId, Runs.Outcome outcome, PrintStream out) {
    List<Row> logs = wh.query(Tables.LOCK_SWEEP_LOG, ReadSpec.all().where(Filter.eq("sweep_id", jobId)));
    if (logs.isEmpty()) {
      throw new IllegalStateException("lock sweep " + jobId + " finished but wrote no lock_sweep_log row");
    }
    Row log = logs.get(0);
    List<Row> alerts = new ArrayList<>(wh.query(Tables.AUTOMATION_ALERTS,
        ReadSpec.all().where(Filter.eq("job_id", jobId)).where(Filter.eq("alert_source", SweepAlerts.SOURCE))));
    alerts.sort((a, b) -> a.getString("alert_id").compareTo(b.getString("alert_id")));
    long past = log.getInt64("locks_expired_past_date");
    long stale = log.getInt64("locks_expired_stale");
    long selected = outcome.counter("selected_past_send_date") + outcome.counter("selected_stale");
    out.printf("lock-sweep finished in %.1f s (job %s)%n", outcome.wallTime().toMillis() / 1000.0, jobId);
    out.printf("  active locks read           %,10d%n", outcome.counter("locks_read"));
    out.printf("  released PAST_SEND_DATE     %,10d%n", past);
    out.printf("  released STALE              %,10d%n", stale);
    out.printf("  released total              %,10d%n", log.getInt64("total_locks_cleaned"));
    if (selected > past + stale) {
      out.printf("  left alone (changed or released by someone else during the sweep) %,d%n", selected - past - stale);
    }
    out.printf("  kept without any date       %,10d%n", outcome.counter("kept_undatable"));
    out.printf("  active locks after          %,10d%n", log.getInt64("active_locks_after"));
    out.printf("  alerts written              %,10d%n", alerts.size());
    for (Row a : alerts) {
      out.printf("    %-8s %s%n", a.getString("alert_level"), a.getString("alert_message"));
      out.printf("             -> %s: %s%n", a.getString("delivery_status"), a.getString("delivery_detail"));
    }
  }

  private static String reason(Throwable e) {
    Throwable c = e;
    String best = e.getMessage();
    while (c != null) {
      if (c.getMessage() != null && !c.getMessage().isBlank() && !(c instanceof Pipeline.PipelineExecutionException)) {
        best = c.getMessage();
      }
      if (c.getCause() == c) {
        break;
      }
      c = c.getCause();
    }
    if (best == null) {
      return e.getClass().getSimpleName();
    }
    return best.lines().findFirst().orElse(best);
  }
}
