package com.eros.pipelines.alerts.delivery;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.pipelines.alerts.Level;
import com.eros.pipelines.alerts.Runbook;
import java.time.Instant;
import org.apache.beam.sdk.values.Row;

/**
 * What a channel is told about one alert (an automation_alerts row).
 *
 * @param source alert_source: the health rule, or the pipeline (daily_automation, lock_cleanup)
 * @param kind what fired within the source (a health rule's kind is its name; lock_cleanup has
 *     lock_table_bloat and lock_cleanup_high_volume; daily_automation has job_failed, ...)
 * @param message the measured value and the threshold, for people
 */
public record AlertNotice(
    String alertId,
    String source,
    String kind,
    Level level,
    String message,
    Instant alertTime,
    String jobId) {

  /** An alert whose kind is its source (the health monitor's). */
  public AlertNotice(
      String alertId, String source, Level level, String message, Instant alertTime, String jobId) {
    this(alertId, source, source, level, message, alertTime, jobId);
  }

  /** From an automation_alerts row ({@link Tables#AUTOMATION_ALERTS} schema) and its kind. */
  public static AlertNotice of(Row alert, String kind) {
    Level level = Level.parse(alert.getString("alert_level"));
    String source = alert.getString("alert_source");
    return new AlertNotice(
        alert.getString("alert_id"),
        source,
        kind == null ? source : kind,
        level == null ? Level.WARNING : level,
        alert.getString("alert_message"),
        Timestamps.get(alert, "alert_time"),
        alert.getString("job_id"));
  }

  /**
   * "source" or "source/kind" when the kind differs: PagerDuty's dedup key and the subject's name.
   */
  public String name() {
    return kind.equals(source) ? source : source + "/" + kind;
  }

  /** What an operator should look at first. */
  public String runbook() {
    return Runbook.hint(source, kind);
  }
}
