package com.eros.pipelines.healthmonitor;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.alerts.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.values.Row;

/**
 * The guide's quick health check, corrected (freshness from etl_job_runs): six pass/fail checks
 * with the measured values. Pure: it reads a {@link HealthSnapshot} measured with {@link #config}.
 */
public final class Scorecard {
  public static final double DAILY_HOURS = 28;
  public static final double PERFORMANCE_HOURS = 8;
  public static final double SWEEP_HOURS = 2;
  public static final long MAX_ACTIVE_LOCKS = 10_000;
  public static final Duration FAILED_RUN_WINDOW = Duration.ofDays(7);
  public static final Duration CRITICAL_ALERT_WINDOW = Duration.ofHours(24);

  private Scorecard() {}

  /** One line of the scorecard. */
  public record Check(String name, boolean ok, String measured, String limit) {}

  /** The measures the scorecard needs: job rows of 8 days, FAILED daily runs over 7 days. */
  public static HealthMeasures.Config config(Instant now) {
    Duration day = Duration.ofDays(1);
    return new HealthMeasures.Config(
        now, RuleSet.MIN_JOB_LOOKBACK, FAILED_RUN_WINDOW, day, day, day, 24);
  }

  public static List<Check> evaluate(HealthSnapshot s, long unacknowledgedCritical) {
    return List.of(
        freshness(
            "daily automation ran",
            s.hoursSince(s.lastDailyStart()),
            DAILY_HOURS,
            s,
            "last run started "),
        freshness(
            "performance updated",
            s.hoursSince(s.lastPerformanceSuccess()),
            PERFORMANCE_HOURS,
            s,
            "last success started "),
        freshness("lock sweep ran", s.hoursSince(s.lastSweep()), SWEEP_HOURS, s, "last sweep "),
        new Check(
            "active locks",
            s.activeLocks() <= MAX_ACTIVE_LOCKS,
            s.activeLocks() + " active",
            "<= " + MAX_ACTIVE_LOCKS),
        new Check(
            "no FAILED daily run",
            s.failedDailyRuns() == 0,
            s.failedDailyRuns() + " FAILED in 7 d",
            "0 in 7 d"),
        new Check(
            "no unacknowledged CRITICAL alert",
            unacknowledgedCritical == 0,
            unacknowledgedCritical + " in 24 h",
            "0 in 24 h"));
  }

  private static Check freshness(
      String name, Double hours, double limit, HealthSnapshot s, String prefix) {
    String measured =
        hours == null
            ? "none in " + RulesEngine.hours(s.lookback())
            : prefix + Unit.HOURS.format(Math.round(hours * 10) / 10.0) + " ago";
    return new Check(
        name, hours != null && hours <= limit, measured, "<= " + Unit.HOURS.format(limit));
  }

  /** Whether every check passed. */
  public static boolean allOk(List<Check> checks) {
    return checks.stream().allMatch(Check::ok);
  }

  /**
   * The tables the scorecard reads (absent ones count as empty: "never ran" is a failing check, not
   * an error).
   */
  public static final List<TableDef> READS =
      List.of(
          Tables.ETL_JOB_RUNS,
          Tables.LOCK_SWEEP_LOG,
          Tables.ACTIVE_CAPTION_ASSIGNMENTS,
          Tables.AUTOMATION_ALERTS);

  /** Reads what the scorecard needs (small, filtered queries) and evaluates it. */
  public static List<Scorecard.Check> measure(Warehouse warehouse, Instant now) {
    HealthMeasures m = new HealthMeasures(Scorecard.config(now));
    for (Row r :
        warehouse.query(Tables.ETL_JOB_RUNS, HealthRows.jobRuns(now, RuleSet.MIN_JOB_LOOKBACK))) {
      HealthRows.addJobRun(m, r);
    }
    for (Row r :
        warehouse.query(Tables.LOCK_SWEEP_LOG, HealthRows.sweeps(now, RuleSet.MIN_JOB_LOOKBACK))) {
      HealthRows.addSweep(m, r);
    }
    m.addActiveLocks(warehouse.count(Tables.ACTIVE_CAPTION_ASSIGNMENTS, HealthRows.activeLocks()));
    long critical = 0;
    for (Row r :
        warehouse.query(
            Tables.AUTOMATION_ALERTS,
            ReadSpec.columns("acknowledged")
                .where(
                    Filter.between(
                        "alert_time",
                        now.minus(Scorecard.CRITICAL_ALERT_WINDOW),
                        now.plusMillis(1)))
                .where(Filter.eq("alert_level", Level.CRITICAL.name())))) {
      if (!Boolean.TRUE.equals(r.getBoolean("acknowledged"))) {
        critical++;
      }
    }
    return Scorecard.evaluate(m.snapshot(), critical);
  }
}
