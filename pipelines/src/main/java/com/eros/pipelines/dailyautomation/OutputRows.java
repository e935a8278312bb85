package com.eros.pipelines.dailyautomation;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.beam.sdk.values.Row;

/** Builds the rows the daily run writes, with the full schemas of {@link Tables}. */
public final class OutputRows {
  public static final String JOB_NAME = "daily_automation";
  public static final String ALERT_SOURCE = "daily_automation";
  public static final String PENDING = "PENDING";

  private OutputRows() {}

  static Instant ts(Instant i) {
    return Timestamps.truncate(i);
  }

  private static Double orNull(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static Long asLong(Integer v) {
    return v == null ? null : v.longValue();
  }

  /**
   * A creator_performance_profiles row: the analysis plus the saturation (NULL % when the pool is
   * empty).
   */
  public static Row profile(
      CreatorProfile p,
      Saturation.Result s,
      LocalDate executionDate,
      String jobId,
      Instant computedAt) {
    return Row.withSchema(Tables.CREATOR_PERFORMANCE_PROFILES.schema())
        .withFieldValue("page_name", p.pageName())
        .withFieldValue("execution_date", executionDate)
        .withFieldValue("job_id", jobId)
        .withFieldValue("message_count", p.messageCount())
        .withFieldValue("total_revenue", p.totalRevenue())
        .withFieldValue("rpr", orNull(p.rpr()))
        .withFieldValue("view_rate", orNull(p.viewRate()))
        .withFieldValue("conversion_rate", orNull(p.conversionRate()))
        .withFieldValue("size_tier", p.sizeTier())
        .withFieldValue("segment", p.segment())
        .withFieldValue("best_hour_1", asLong(p.bestHour1()))
        .withFieldValue("best_hour_2", asLong(p.bestHour2()))
        .withFieldValue("best_hour_3", asLong(p.bestHour3()))
        .withFieldValue("best_weekday", p.bestWeekday())
        .withFieldValue("recent_view_rate", orNull(p.recentViewRate()))
        .withFieldValue("baseline_view_rate", orNull(p.baselineViewRate()))
        .withFieldValue("recent_rpr", orNull(p.recentRpr()))
        .withFieldValue("baseline_rpr", orNull(p.baselineRpr()))
        .withFieldValue("last_3_days_below_baseline", p.lastThreeDaysBelowBaseline())
        .withFieldValue("fatigue_score", p.fatigueScore())
        .withFieldValue("fatigue_risk", p.fatigueRisk())
        .withFieldValue("volume_factor", p.volumeFactor())
        .withFieldValue("caption_pool_size", s.poolSize())
        .withFieldValue("captions_unavailable", s.unavailable())
        .withFieldValue("saturation_pct", orNull(s.pct()))
        .withFieldValue("computed_at", ts(computedAt))
        .build();
  }

  /** A PENDING schedule_generation_queue row for D. */
  public static Row queue(
      String page,
      LocalDate executionDate,
      double saturationPct,
      double volumeFactor,
      String jobId,
      Instant queuedAt) {
    return Row.withSchema(Tables.SCHEDULE_GENERATION_QUEUE.schema())
        .withFieldValue("page_name", page)
        .withFieldValue("execution_date", executionDate)
        .withFieldValue("saturation_pct", saturationPct)
        .withFieldValue("volume_factor", volumeFactor)
        .withFieldValue("job_id", jobId)
        .withFieldValue("queued_at", ts(queuedAt))
        .withFieldValue("status", PENDING)
        .build();
  }

  /** A creator_processing_errors row. */
  public static Row error(
      String page, LocalDate executionDate, String message, String jobId, Instant at) {
    return Row.withSchema(Tables.CREATOR_PROCESSING_ERRORS.schema())
        .withFieldValue("job_id", jobId)
        .withFieldValue("page_name", page)
        .withFieldValue("execution_date", executionDate)
        .withFieldValue("error_message", message)
        .withFieldValue("error_time", ts(at))
        .build();
  }

  /**
   * The deterministic id of an alert of a run: one per (run, kind), so a retried write adds
   * nothing.
   */
  public static String alertId(String jobId, String kind) {
    return JOB_NAME + ":" + jobId + ":" + kind;
  }

  /**
   * The kind of a daily_automation alert row (job_failed, completed_with_errors,
   * high_failure_rate), read back from its alert_id; the cooldown compares alerts of the same kind.
   */
  public static String kindOf(Row alert) {
    String id = alert.getString("alert_id");
    return id.startsWith(JOB_NAME + ":") ? id.substring(id.lastIndexOf(':') + 1) : id;
  }

  /**
   * An automation_alerts row (not yet delivered: delivery columns NULL until the delivery step
   * marks it PENDING).
   */
  public static Row alert(RunReport.Alert a, String jobId, Instant at) {
    return Row.withSchema(Tables.AUTOMATION_ALERTS.schema())
        .withFieldValue("alert_id", alertId(jobId, a.kind()))
        .withFieldValue("alert_time", ts(at))
        .withFieldValue("alert_level", a.level())
        .withFieldValue("alert_source", ALERT_SOURCE)
        .withFieldValue("alert_message", a.message())
        .withFieldValue("job_id", jobId)
        .withFieldValue("acknowledged", false)
        .build();
  }
}
