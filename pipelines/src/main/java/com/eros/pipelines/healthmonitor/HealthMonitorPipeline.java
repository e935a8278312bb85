package com.eros.pipelines.healthmonitor;

import com.eros.common.table.Tables;
import com.eros.common.template.Template;
import com.eros.common.time.LaTime;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.alerts.AlertDelivery;
import com.eros.pipelines.alerts.DeliverAlerts;
import com.eros.pipelines.alerts.RuleFileException;
import com.eros.pipelines.alerts.delivery.ChannelSettings;
import com.eros.pipelines.alerts.delivery.Environment;
import com.eros.pipelines.report.PublishReport;
import com.eros.pipelines.report.ReportWindow;
import com.eros.pipelines.support.EtlPipeline;
import com.eros.pipelines.support.JobRun;
import com.eros.pipelines.support.Lifecycle;
import com.eros.pipelines.support.PipelineInfo;
import com.eros.pipelines.support.RunClock;
import com.eros.pipelines.support.RunContext;
import com.eros.pipelines.support.RunSettings;
import com.eros.pipelines.support.Runs;
import com.eros.pipelines.support.UsageException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * The health monitor (docs/health-and-alerts.md, every 4 hours): measure, evaluate the rules, write
 * alerts (respecting cooldowns), deliver them, record the outcomes, then the run's job row.
 */
@Template(
    name = "EROS health monitor",
    description =
        "Evaluates the alert rules of docs/health-and-alerts.md on the EROS tables (job freshness from etl_job_runs, "
            + "lock-table bloat, failure rates, stuck queue rows), writes automation_alerts rows respecting "
            + "each rule's cooldown, delivers them (by default CRITICAL to every configured channel, WARNING "
            + "to Slack and Google Chat) and records each outcome on its row, then records its etl_job_runs "
            + "row. Scheduled every 4 hours (America/Los_Angeles).")
public final class HealthMonitorPipeline
    implements EtlPipeline<HealthMonitorOptions, HealthMonitorPipeline.Setup> {
  public static final String COMMAND = "health-monitor";
  public static final String JOB_NAME = "health_monitor";

  private final Environment env;

  public HealthMonitorPipeline() {
    this(Environment.system());
  }

  /** With another environment (where the channel URLs and keys are looked up). */
  public HealthMonitorPipeline(Environment env) {
    this.env = env;
  }

  public static void main(String[] args) {
    Lifecycle.main(new HealthMonitorPipeline(), args);
  }

  private static final PipelineInfo<HealthMonitorOptions> INFO =
      new PipelineInfo<>(
          COMMAND,
          JOB_NAME,
          "evaluate the alert rules; raise, deliver and record alerts (every 4 hours)",
          HealthMonitorOptions.class,
          List.of(Tables.ACTIVE_CAPTION_ASSIGNMENTS),
          List.of(
              Tables.AUTOMATION_ALERTS, Tables.LOCK_SWEEP_LOG, Tables.SCHEDULE_GENERATION_QUEUE));

  @Override
  public PipelineInfo<HealthMonitorOptions> info() {
    return INFO;
  }

  /**
   * The validated inputs of a run: options, the instant it evaluates at, rules and where alerts go.
   */
  public record Setup(
      HealthMonitorOptions options, Instant now, RuleSet rules, AlertDelivery alerts)
      implements RunSettings {
    public ChannelSettings channels() {
      return alerts.channels();
    }

    @Override
    public LocalDate executionDate() {
      return LaTime.dateOf(now);
    }
  }

  @Override
  public Setup settings(HealthMonitorOptions options, Instant wallNow) {
    return setup(options, wallNow, env);
  }

  @Override
  public AlertDelivery alerts(Setup setup) {
    return setup.alerts();
  }

  /**
   * Validates the options and loads the rules, before anything runs; {@link UsageException} on bad
   * input.
   */
  public static Setup setup(HealthMonitorOptions options, Instant wallNow, Environment env) {
    Instant now = RunClock.instant(options.getNow(), "now", wallNow);
    RuleSet rules;
    try {
      rules = RulesFile.load(options.getRules(), options);
    } catch (RuleFileException e) {
      throw new UsageException(e.getMessage(), e);
    }
    ChannelSettings channels = AlertDelivery.channels(options);
    if (PublishReport.requested(options.getReportLocation())) {
      PublishReport.check(options.getReportLocation());
    }
    return new Setup(
        options,
        now,
        rules,
        new AlertDelivery(channels, rules.policy(), env, RunClock.stamps(options.getNow(), now)));
  }

  @Override
  public PCollection<JobRun> apply(
      Pipeline p, HealthMonitorOptions options, Setup setup, RunContext run) {
    Warehouse warehouse = run.warehouse();
    PCollection<HealthSnapshot> snapshot =
        p.apply(new MeasureHealth(warehouse, HealthMeasures.Config.of(setup.rules(), setup.now())));
    return snapshot
        .apply(new DecideAlerts(warehouse, setup.rules(), run.jobId(), setup.now()))
        .apply(new DeliverAlerts(warehouse, run.writeId(), "alerts", setup.alerts()))
        .apply(new SummarizeRun(run, snapshot));
  }

  /**
   * With --reportLocation: publishes the operations report once the job row is written (so it shows
   * this run).
   */
  @Override
  public void afterJobRow(
      PCollection<Long> written, HealthMonitorOptions options, Setup setup, RunContext run) {
    if (PublishReport.requested(options.getReportLocation())) {
      written.apply(
          new PublishReport(
              run.warehouse(),
              options.getReportLocation(),
              setup.now(),
              ReportWindow.DEFAULT_DAYS));
    }
  }

  @Override
  public int summarize(Setup setup, RunContext run, Runs.Outcome outcome, PrintStream out) {
    Instant now = setup.now();
    out.println(
        "health-monitor at "
            + now.truncatedTo(ChronoUnit.SECONDS)
            + " ("
            + now.atZone(LaTime.ZONE).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS)
            + " "
            + LaTime.ZONE
            + ")");
    out.println(
        "  rules: "
            + setup.rules().source()
            + " ("
            + setup.rules().enabled().size()
            + " of "
            + setup.rules().all().size()
            + " enabled)");
    for (String line : setup.channels().describe(env)) {
      out.println("  " + line);
    }
    return summarize(
        outcome.counters(), setup.rules(), run.warehouse(), run.jobId(), outcome.wallTime(), out);
  }

  static int summarize(
      Map<String, Long> counters,
      RuleSet rules,
      Warehouse warehouse,
      String jobId,
      Duration wall,
      PrintStream out) {
    List<Row> alerts =
        new ArrayList<>(
            warehouse.query(
                Tables.AUTOMATION_ALERTS, ReadSpec.all().where(Filter.eq("job_id", jobId))));
    alerts.sort(
        Comparator.comparing(
            (Row a) -> {
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
      out.printf(
          "  FIRED      %-28s %-8s %s%n",
          a.getString("alert_source"), a.getString("alert_level"), a.getString("alert_message"));
      out.printf("             -> %s: %s%n", status, a.getString("delivery_detail"));
      if ("FAILED".equals(status) || "PARTIAL".equals(status)) {
        failed++;
      } else if ("DELIVERED".equals(status)) {
        delivered++;
      }
    }
    for (String s : suppressed) {
      out.printf(
          "  SUPPRESSED %-28s (an unacknowledged alert of the rule is within its cooldown)%n", s);
    }
    long healthy = rules.enabled().size() - alerts.size() - suppressed.size();
    out.printf(
        "health-monitor: %d rules evaluated: %d healthy, %d fired, %d suppressed by cooldown; "
            + "alerts delivered: %d, with failed deliveries: %d (%.1f s)%n",
        rules.enabled().size(),
        healthy,
        alerts.size(),
        suppressed.size(),
        delivered,
        failed,
        wall.toMillis() / 1000.0);
    return failed == 0 ? 0 : 1;
  }
}
