package com.eros.pipelines.alerts;

import com.eros.pipelines.alerts.delivery.DeliveryReport;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The cooldown of the alerts pipelines raise themselves (daily_automation, lock_cleanup). Their row
 * is always written: it is the run's record. Its delivery is suppressed when an earlier alert of
 * the same source and kind
 *
 * <ul>
 *   <li>is not acknowledged,
 *   <li>is at the same or a more severe level (an escalation, e.g. WARNING to CRITICAL, is sent at
 *       once),
 *   <li>was delivered (DELIVERED or PARTIAL: someone was told; a FAILED, NOT_ROUTED or SUPPRESSED
 *       alert starts no cooldown, so the next run tries again), and
 *   <li>was raised less than the cooldown before this one.
 * </ul>
 */
public final class PipelineCooldown {
  private PipelineCooldown() {}

  /** An alert already in automation_alerts, with its kind. */
  public record Prior(
      String alertId,
      String kind,
      Level level,
      Instant time,
      Boolean acknowledged,
      String deliveryStatus)
      implements Serializable {}

  /** The latest prior alert that suppresses delivery of this one, or null. */
  public static Prior suppressor(
      String alertId,
      String kind,
      Level level,
      Instant time,
      List<Prior> priors,
      Duration cooldown) {
    Prior by = null;
    for (Prior p : priors) {
      if (suppresses(p, alertId, kind, level, time, cooldown)
          && (by == null || p.time().isAfter(by.time()))) {
        by = p;
      }
    }
    return by;
  }

  static boolean suppresses(
      Prior p, String alertId, String kind, Level level, Instant time, Duration cooldown) {
    return !p.alertId().equals(alertId)
        && kind.equals(p.kind())
        && !Boolean.TRUE.equals(p.acknowledged())
        && p.level() != null
        && p.level().atLeast(level)
        && (DeliveryReport.DELIVERED.equals(p.deliveryStatus())
            || DeliveryReport.PARTIAL.equals(p.deliveryStatus()))
        && p.time() != null
        && time != null
        && !p.time().isAfter(time)
        && Duration.between(p.time(), time).compareTo(cooldown) < 0;
  }

  /** The delivery_detail of a suppressed alert. */
  public static String reason(Prior p, Duration cooldown, Instant time) {
    return "cooldown: "
        + p.level()
        + " alert "
        + p.alertId()
        + " of the same kind was delivered "
        + hours(Duration.between(p.time(), time))
        + " before ("
        + p.time()
        + "), within the "
        + hours(cooldown)
        + " cooldown; not sent again";
  }

  static String hours(Duration d) {
    double h = d.toMillis() / 3_600_000.0;
    return (h == Math.rint(h)
            ? String.valueOf((long) h)
            : String.format(java.util.Locale.ROOT, "%.1f", h))
        + " h";
  }
}
