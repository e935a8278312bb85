package com.eros.pipelines.healthmonitor;

/**
 * The rules of docs/health-and-alerts.md. Each measures one metric of the {@link HealthSnapshot};
 * the rules file sets their levels, thresholds, windows, cooldowns and channels but cannot invent
 * new metrics.
 */
public enum RuleKind {
  DAILY_AUTOMATION_FAILURE("failed_daily_runs", Unit.COUNT, true, "FAILED daily_automation runs"),
  DAILY_AUTOMATION_NOT_RUN(
      "hours_since_daily_run",
      Unit.HOURS,
      false,
      "time since the last daily_automation run started"),
  PERFORMANCE_FEEDBACK_STALE(
      "hours_since_performance_success",
      Unit.HOURS,
      false,
      "time since the last successful caption_performance run started"),
  LOCK_SWEEP_NOT_RUN("hours_since_lock_sweep", Unit.HOURS, false, "time since the last lock sweep"),
  LOCK_TABLE_BLOAT("active_locks", Unit.COUNT, false, "active locks"),
  HIGH_CREATOR_FAILURE_RATE(
      "creator_failure_pct",
      Unit.PERCENT,
      true,
      "creators failed / (processed + failed) in daily_automation runs"),
  LOCK_CLEANUP_HIGH_VOLUME(
      "mean_locks_swept_per_sweep", Unit.COUNT, true, "mean locks swept per sweep"),
  SLOW_AUTOMATION_EXECUTION(
      "mean_daily_duration_seconds", Unit.SECONDS, true, "mean daily_automation duration"),
  QUEUE_STUCK(
      "oldest_pending_queue_hours",
      Unit.HOURS,
      false,
      "age of the oldest PENDING schedule_generation_queue row");

  private final String metric;
  private final Unit unit;
  private final boolean windowed;
  private final String measures;

  RuleKind(String metric, Unit unit, boolean windowed, String measures) {
    this.metric = metric;
    this.unit = unit;
    this.windowed = windowed;
    this.measures = measures;
  }

  /** The rule's name in YAML, alerts (alert_source) and PagerDuty dedup keys. */
  public String ruleName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public String metric() {
    return metric;
  }

  public Unit unit() {
    return unit;
  }

  /** Whether the metric is aggregated over a window (which the rules file sets). */
  public boolean windowed() {
    return windowed;
  }

  /** What the metric measures, for messages and help. */
  public String measures() {
    return measures;
  }

  /** The rule with this name, or null. */
  public static RuleKind byName(String ruleName) {
    for (RuleKind k : values()) {
      if (k.ruleName().equals(ruleName)) {
        return k;
      }
    }
    return null;
  }

  public static String names() {
    StringBuilder sb = new StringBuilder();
    for (RuleKind k : values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(k.ruleName());
    }
    return sb.toString();
  }
}
