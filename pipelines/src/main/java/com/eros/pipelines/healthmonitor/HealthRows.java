package com.eros.pipelines.healthmonitor;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.pipelines.alerts.Level;
import com.eros.pipelines.alerts.delivery.DeliveryReport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.beam.sdk.values.Row;

/**
 * What the monitor reads from each table (projections and pushed-down filters), and row
 * conversions.
 */
public final class HealthRows {
  private HealthRows() {}

  /** etl_job_runs started in [now - lookback, now]. */
  public static ReadSpec jobRuns(Instant now, Duration lookback) {
    return ReadSpec.columns(
            "job_name",
            "job_start_time",
            "job_status",
            "creators_processed",
            "creators_failed",
            "job_duration_seconds")
        .where(Filter.between("job_start_time", now.minus(lookback), now.plusMillis(1)));
  }

  /** lock_sweep_log rows in [now - lookback, now]. */
  public static ReadSpec sweeps(Instant now, Duration lookback) {
    return ReadSpec.columns("sweep_time", "total_locks_cleaned")
        .where(Filter.between("sweep_time", now.minus(lookback), now.plusMillis(1)));
  }

  /** Active locks (one small column: they are only counted). */
  public static ReadSpec activeLocks() {
    return ReadSpec.columns("is_active").where(Filter.eq("is_active", true));
  }

  /** PENDING schedule_generation_queue rows. */
  public static ReadSpec pendingQueue() {
    return ReadSpec.columns("queued_at").where(Filter.eq("status", "PENDING"));
  }

  /** automation_alerts raised in [now - window, now]. */
  public static ReadSpec recentAlerts(Instant now, Duration window) {
    return ReadSpec.columns(
            "alert_source", "alert_level", "alert_time", "acknowledged", "delivery_status")
        .where(Filter.between("alert_time", now.minus(window), now.plusMillis(1)));
  }

  public static void addJobRun(HealthMeasures m, Row r) {
    m.addJobRun(
        r.getString("job_name"),
        instant(r, "job_start_time"),
        r.getString("job_status"),
        r.getInt64("creators_processed"),
        r.getInt64("creators_failed"),
        r.getDouble("job_duration_seconds"));
  }

  public static void addSweep(HealthMeasures m, Row r) {
    m.addSweep(instant(r, "sweep_time"), r.getInt64("total_locks_cleaned"));
  }

  public static void addPending(HealthMeasures m, Row r) {
    m.addPending(instant(r, "queued_at"));
  }

  public static Cooldown.PriorAlert priorAlert(Row r) {
    return new Cooldown.PriorAlert(
        r.getString("alert_source"),
        r.getString("alert_level") == null ? null : Level.parse(r.getString("alert_level")),
        instant(r, "alert_time"),
        r.getBoolean("acknowledged"),
        r.getString("delivery_status"));
  }

  /** The automation_alerts row of a firing, not yet delivered (delivery_status PENDING). */
  public static Row alert(Firing f, String jobId, Instant now) {
    return Row.withSchema(Tables.AUTOMATION_ALERTS.schema())
        .withFieldValue("alert_id", alertId(jobId, f.ruleName()))
        .withFieldValue("alert_time", Timestamps.truncate(now))
        .withFieldValue("alert_level", f.level().name())
        .withFieldValue("alert_source", f.ruleName())
        .withFieldValue("alert_message", f.message())
        .withFieldValue("job_id", jobId)
        .withFieldValue("acknowledged", false)
        .withFieldValue("delivery_status", DeliveryReport.PENDING)
        .build();
  }

  /**
   * Deterministic per (run, rule): a retried bundle or re-run with the same job id writes the same
   * alert.
   */
  public static String alertId(String jobId, String rule) {
    return UUID.nameUUIDFromBytes(
            ("health_monitor|" + jobId + "|" + rule).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  static Instant instant(Row r, String field) {
    return Timestamps.get(r, field);
  }
}
