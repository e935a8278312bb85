package com.eros.pipelines.locksweep;

import com.eros.common.table.Tables;
import com.eros.common.template.Template;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.alerts.AlertDelivery;
import com.eros.pipelines.alerts.delivery.Environment;
import com.eros.pipelines.support.EtlPipeline;
import com.eros.pipelines.support.JobRun;
import com.eros.pipelines.support.Lifecycle;
import com.eros.pipelines.support.PipelineInfo;
import com.eros.pipelines.support.RunClock;
import com.eros.pipelines.support.RunContext;
import com.eros.pipelines.support.Runs;
import com.eros.pipelines.support.UsageException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * The hourly lock sweep (docs/lock-sweep.md): {@link SweepLocks}, whose log row becomes the run's
 * job row (job_name {@code lock_sweep}), so the job row exists only after the locks, the log and
 * the alerts.
 */
@Template(
    name = "EROS lock sweep",
    description =
        "Releases caption locks (active_caption_assignments) whose scheduled send date has passed "
            + "(PAST_SEND_DATE) or that have no send date and were assigned too long ago (STALE): sets "
            + "is_active = false, deactivated_at and deactivation_reason, never deletes. Writes "
            + "lock_sweep_log, raises and delivers bloat and high-volume alerts (with a cooldown), and writes "
            + "its etl_job_runs row. Scheduled hourly (America/Los_Angeles dates).")
public final class LockSweepPipeline implements EtlPipeline<LockSweepOptions, LockSweepSettings> {
  public static final String JOB_NAME = "lock_sweep";
  public static final String COMMAND = "lock-sweep";

  private final Environment env;

  public LockSweepPipeline() {
    this(Environment.system());
  }

  /** With another environment (where the alert channels' URLs and keys are looked up). */
  public LockSweepPipeline(Environment env) {
    this.env = env;
  }

  public static void main(String[] args) {
    Lifecycle.main(new LockSweepPipeline(), args);
  }

  private static final PipelineInfo<LockSweepOptions> INFO =
      new PipelineInfo<>(
          COMMAND,
          JOB_NAME,
          "release expired caption locks (past send date, stale), log the sweep, alert on volume and bloat "
              + "(alerts delivered like the health monitor's: channels, routing and cooldown from --rules)",
          LockSweepOptions.class,
          List.of(Tables.ACTIVE_CAPTION_ASSIGNMENTS),
          List.of(Tables.LOCK_SWEEP_LOG, Tables.AUTOMATION_ALERTS));

  @Override
  public PipelineInfo<LockSweepOptions> info() {
    return INFO;
  }

  @Override
  public LockSweepSettings settings(LockSweepOptions o, Instant wallNow) {
    SweepConfig cfg = config(o, wallNow);
    return new LockSweepSettings(cfg, alerts(o, env, cfg.now()));
  }

  @Override
  public AlertDelivery alerts(LockSweepSettings settings) {
    return settings.alerts();
  }

  /**
   * Where a run's alerts go (options and rules file), validated: a {@link UsageException} names a
   * bad option. delivered_at is stamped by the run's clock when --now is given.
   */
  public static AlertDelivery alerts(LockSweepOptions o, Environment env, Instant now) {
    return AlertDelivery.from(o, env, RunClock.stamps(o.getNow(), now));
  }

  /**
   * The sweep's configuration from the options, or a {@link UsageException} naming the bad option.
   */
  public static SweepConfig config(LockSweepOptions o, Instant wallNow) {
    Instant now = RunClock.instant(o.getNow(), "now", wallNow);
    if (o.getStaleLockDays() == null
        || o.getHighVolumeThreshold() == null
        || o.getBloatWarning() == null
        || o.getBloatCritical() == null) {
      throw new UsageException(
          "--staleLockDays, --highVolumeThreshold, --bloatWarning and --bloatCritical need a value");
    }
    try {
      return new SweepConfig(
          now,
          o.getStaleLockDays(),
          o.getHighVolumeThreshold(),
          o.getBloatWarning(),
          o.getBloatCritical());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  @Override
  public PCollection<JobRun> apply(
      Pipeline p, LockSweepOptions options, LockSweepSettings s, RunContext run) {
    return p.apply("Sweep locks", new SweepLocks(run, s.sweep(), s.alerts()))
        .apply("Make job run", ParDo.of(new JobRunFn(run, s.sweep())))
        .setCoder(SerializableCoder.of(JobRun.class));
  }

  /** The SUCCESS job row of the sweep, once its log row exists (after locks, log and alerts). */
  static final class JobRunFn extends DoFn<Row, JobRun> {
    private final RunContext run;
    private final SweepConfig cfg;

    JobRunFn(RunContext run, SweepConfig cfg) {
      this.run = run;
      this.cfg = cfg;
    }

    @ProcessElement
    public void process(OutputReceiver<JobRun> out) {
      out.output(run.jobRun().executionDate(cfg.executionDate()).build());
    }
  }

  @Override
  public int summarize(LockSweepSettings s, RunContext run, Runs.Outcome outcome, PrintStream out) {
    SweepConfig cfg = s.sweep();
    Warehouse wh = run.warehouse();
    String jobId = run.jobId();
    List<Row> logs =
        wh.query(Tables.LOCK_SWEEP_LOG, ReadSpec.all().where(Filter.eq("sweep_id", jobId)));
    if (logs.isEmpty()) {
      throw new IllegalStateException(
          "lock sweep " + jobId + " finished but wrote no lock_sweep_log row");
    }
    Row log = logs.get(0);
    List<Row> alerts =
        new ArrayList<>(
            wh.query(
                Tables.AUTOMATION_ALERTS,
                ReadSpec.all()
                    .where(Filter.eq("job_id", jobId))
                    .where(Filter.eq("alert_source", SweepAlerts.SOURCE))));
    alerts.sort((a, b) -> a.getString("alert_id").compareTo(b.getString("alert_id")));
    long past = log.getInt64("locks_expired_past_date");
    long stale = log.getInt64("locks_expired_stale");
    long selected = outcome.counter("selected_past_send_date") + outcome.counter("selected_stale");
    long changed = outcome.counter("rows_committed_" + Tables.ACTIVE_CAPTION_ASSIGNMENTS.name());
    out.printf(
        "lock-sweep at %s (Los Angeles today %s), stale after %d days: finished in %.1f s%n",
        cfg.now(),
        cfg.executionDate(),
        cfg.staleLockDays(),
        outcome.wallTime().toMillis() / 1000.0);
    out.printf("  active locks read           %,10d%n", outcome.counter("locks_read"));
    out.printf("  released PAST_SEND_DATE     %,10d%n", past);
    out.printf("  released STALE              %,10d%n", stale);
    out.printf("  released total              %,10d%n", log.getInt64("total_locks_cleaned"));
    if (selected > changed) {
      out.printf(
          "  left alone (changed or released by someone else during the sweep) %,d%n",
          selected - changed);
    }
    long recovered = outcome.counter("unlogged_sweeps_recovered");
    if (recovered > 0) {
      out.printf(
          "  logged for earlier sweeps that died before their log row: %,d sweep(s)%n", recovered);
    }
    out.printf("  kept without any date       %,10d%n", outcome.counter("kept_undatable"));
    out.printf("  active locks after          %,10d%n", log.getInt64("active_locks_after"));
    out.printf("  alerts written              %,10d%n", alerts.size());
    for (Row a : alerts) {
      out.printf("    %-8s %s%n", a.getString("alert_level"), a.getString("alert_message"));
      out.printf(
          "             -> %s: %s%n",
          a.getString("delivery_status"), a.getString("delivery_detail"));
    }
    return 0;
  }
}
