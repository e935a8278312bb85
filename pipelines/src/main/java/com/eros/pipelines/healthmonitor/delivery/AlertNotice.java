package com.eros.pipelines.healthmonitor.delivery;

import com.eros.common.table.Timestamps;
import com.eros.common.table.Tables;
import com.eros.pipelines.healthmonitor.Level;
import java.time.Instant;
import org.apache.beam.sdk.values.Row;

/** What a channel is told about one alert (an automation_alerts row). */
public record AlertNotice(String alertId, String rule, Level level, String message, Instant alertTime, String jobId) {

  /** From an automation_alerts row ({@link Tables#AUTOMATION_ALERTS} schema). */
  public static AlertNotice of(Row alert) {
    Level level = Level.parse(alert.getString("alert_level"));
    return new AlertNotice(alert.getString("alert_id"), alert.getString("alert_source"),
        level == null ? Level.WARNING : level, alert.getString("alert_message"),
        Timestamps.get(alert, "alert_time"), alert.getString("job_id"));
  }
}
