package com.eros.pipelines.healthmonitor;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.time.Clock;
import com.eros.common.time.LaTime;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.cli.Eros;
import com.eros.pipelines.healthmonitor.delivery.ChannelSettings;
import com.eros.pipelines.healthmonitor.delivery.DeliverAlertsFn;
import com.eros.pipelines.healthmonitor.delivery.Environment;
import com.eros.pipelines.healthmonitor.delivery.RetryPolicy;
import com.eros.pipelines.report.PublishReport;
import com.eros.pipelines.report.ReportWindow;
import com.eros.pipelines.support.JobRuns;
import com.eros.pipelines.support.Runs;
import com.eros.pipelines.support.UsageException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * The health monitor (REFERENCE §5, every 4 hours): measure, evaluate the rules, write alerts
 * (respecting cooldowns), deliver them, record the outcomes, then the run's etl_job_runs row.
 *
 * <p>{@link #main} is usable as a Flex Template main class.
 */
public final class HealthMonitorPipeline {
  public static final String COMMAND = "health-monitor";
  static final List<TableDef> TABLES = List.of(Tables.ETL_JOB_RUNS, Tables.ACTIVE_CAPTION_ASSIGNMENTS,
      Tables.LOCK_SWEEP_LOG, Tables.SCHEDULE_GENERATION_QUEUE, Tables.AUTOMATION_ALERTS);

  private HealthMonitorPipeline() {}

  public static void main(String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = COMMAND;
    System.arraycopy(args, 0, all, 1, args.length);
    Eros.main(all);
  }

  /** The validated inputs of a run: options, clock, rules and channel settings. */
  public record Setup(HealthMonitorOptions options, Clock clock, RuleSet rules, ChannelSettings channels) {}

  /** Validates the options and loads the rules, before anything runs; {@link UsageException} on bad input. */
  public static Setup setup(HealthMonitorOptions options) {
    Clock clock;
    try {
      clock = Clock.fromOption(options.getNow());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    RuleSet rules;
    try {
      rules = RulesFile.load(options.getRules(), options);
    } catch (RuleFileException e) {
      throw new UsageException(e.getMessage(), e);
    }
    int attempts = options.getDeliveryAttempts();
    int timeout = options.getDeliveryTimeoutSeconds();
    if (attempts < 1 || attempts > 10) {
      throw new UsageException("--deliveryAttempts=" + attempts + " must be between 1 and 10");
    }
    if (timeout < 1 || timeout > 120) {
      throw new UsageException("--deliveryTimeoutSeconds=" + timeout + " must be between 1 and 120");
    }
    ChannelSettings channels;
    try {
      channels = new ChannelSettings(options.getSlackWebhookSecret(), options.getPagerDutyRoutingKeySecret(),
          options.getWebhookUrlSecret(), options.getPagerDutyEventsUrl(),
          RetryPolicy.of(attempts, Duration.ofSeconds(timeout)));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    if (PublishReport.requested(options.getReportLocation())) {
      PublishReport.check(options.getReportLocation());
    }
    return new Setup(options, clock, rules, channels);
  }

  /**
   * Composes the pipeline onto {@code p}, evaluating at {@code now} (taken once from the clock by
   * the caller); the clock itself only stamps delivered_at.
   */
  public static Pipeline build(Pipeline p, Setup setup, Instant now, Warehouse warehouse, Environment env) {
    String jobId = setup.options().getJobId();
    PCollection<HealthSnapshot> snapshot =
        p.apply(new MeasureHealth(warehouse, HealthMeasures.Config.of(setup.rules(), now)));
    PCollection<Long> recorded = snapshot
        .apply(new DecideAlerts(warehouse, setup.rules(), jobId, now))
        .apply(new DeliverAlerts(warehouse, jobId,
            new DeliverAlertsFn(setup.channels(), env, setup.rules(), setup.clock())))
        .apply(new RecordRun(warehouse, jobId, now, System.currentTimeMillis(), snapshot));
    if (PublishReport.requested(setup.options().getReportLocation())) {
      recorded.apply(new PublishReport(warehouse, setup.options().getReportLocation(), now, ReportWindow.DEFAULT_DAYS));
    }
    return p;
  }

  /**
   * Builds and runs on {@code p}. Locally: waits, prints what fired, was suppressed and delivered,
   * returns 0 (1 when a delivery failed); a failed run gets a FAILED job row and an exception.
   * Remotely: submits and returns 0.
   */
  public static int execute(Pipeline p, Setup setup, Warehouse warehouse, Environment env, PrintStream out) {
    HealthMonitorOptions o = setup.options();
    Instant now = setup.clock().now();
    out.println("health-monitor at " + now.truncatedTo(ChronoUnit.SECONDS) + " ("
        + now.atZone(LaTime.ZONE).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS) + " " + LaTime.ZONE + ") on "
        + warehouse.spec() + ", job " + o.getJobId());
    out.println("  rules: " + setup.rules().source() + " (" + setup.rules().enabled().size() + " of "
        + setup.rules().all().size() + " enabled)");
    for (String line : setup.channels().describe(env)) {
      out.println("  " + line);
    }
    warehouse.ensureTables(TABLES);
    build(p, setup, now, warehouse, env);
    long wallStart = System.currentTimeMillis();
    Runs.Outcome outcome;
    try {
      outcome = Runs.run(p, COMMAND, out);
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      try {
        warehouse.insertNow(Tables.ETL_JOB_RUNS, List.of(JobRuns.row(o.getJobId(), RecordRun.JOB_NAME, now,
            now.plusMillis(System.currentTimeMillis() - wallStart), JobRuns.FAILED, LaTime.dateOf(now), null, null, null, null, null, why)));
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new IllegalStateException("health-monitor failed: " + why, e);
    }
    if (!outcome.waited()) {
      return 0;
    }
    return summarize(outcome.counters(), setup.rules(), warehouse, o.getJobId(), outcome.wallTime(), out);
  }

  static int summarize(Map<String, Long> counters, RuleSet rules, Warehouse warehouse, String jobId, Duration wall,
      PrintStream out) {
    List<Row> alerts = new ArrayList<>(
        warehouse.query(Tables.AUTOMATION_ALERTS, ReadSpec.all().where(Filter.eq("job_id", jobId))));
    alerts.sort(Comparator.comparing((Row a) -> {
      RuleKind k = RuleKind.byName(a.getString("alert_source"));
      return k == null ? Integer.MAX_VALUE : k.ordinal();
    }));
    List<String> suppressed = new ArrayList<>();
    for (Rule r : rules.enabled()) {
      if (counters.getOrDefault("suppressed_" + r.name(), 0L) > 0) {
        suppressed.add(r.name());
      }
    }
    int failed = 0;
    int delivered = 0;
    for (Row a : alerts) {
      String status = a.getString("delivery_status");
      out.printf("  FIRED      %-28s %-8s %s%n", a.getString("alert_source"), a.getString("alert_level"),
          a.getString("alert_message"));
      out.printf("             -> %s: %s%n", status, a.getString("delivery_detail"));
      if ("FAILED".equals(status) || "PARTIAL".equals(status)) {
        failed++;
      } else if ("DELIVERED".equals(status)) {
        delivered++;
      }
    }
    for (String s : suppressed) {
      out.printf("  SUPPRESSED %-28s (an unacknowledged alert of the rule is within its cooldown)%n", s);
    }
    long healthy = rules.enabled().size() - alerts.size() - suppressed.size();
    out.printf("health-monitor: %d rules evaluated: %d healthy, %d fired, %d suppressed by cooldown; "
            + "alerts delivered: %d, with failed deliveries: %d (%.1f s)%n",
        rules.enabled().size(), healthy, alerts.size(), suppressed.size(), delivered, failed, wall.toMillis() / 1000.0);
    return failed == 0 ? 0 : 1;
  }
}
