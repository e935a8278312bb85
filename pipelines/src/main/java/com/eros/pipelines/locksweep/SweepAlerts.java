package com.eros.pipelines.locksweep;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.Row;

/**
 * The sweep's alert rules (docs/lock-sweep.md, source {@code lock_cleanup}). Pure. Every comparison
 * is strictly greater: a value equal to its threshold raises nothing.
 *
 * <ul>
 *   <li>{@value #HIGH_VOLUME}: WARNING when more than {@code highVolumeThreshold} locks were swept.
 *   <li>{@value #BLOAT}: CRITICAL when more than {@code bloatCritical} locks are active after the
 *       sweep, else WARNING when more than {@code bloatWarning}.
 * </ul>
 */
public final class SweepAlerts {
  public static final String SOURCE = "lock_cleanup";
  public static final String HIGH_VOLUME = "lock_cleanup_high_volume";
  public static final String BLOAT = "lock_table_bloat";
  public static final String WARNING = "WARNING";
  public static final String CRITICAL = "CRITICAL";

  /**
   * One alert to raise: the rule that fired, its level and a message with the value and threshold.
   */
  public record Alert(String rule, String level, String message) {}

  private SweepAlerts() {}

  public static List<Alert> evaluate(
      long swept,
      long activeAfter,
      long highVolumeThreshold,
      long bloatWarning,
      long bloatCritical) {
    List<Alert> alerts = new ArrayList<>();
    if (swept > highVolumeThreshold) {
      alerts.add(
          new Alert(
              HIGH_VOLUME,
              WARNING,
              "lock sweep released "
                  + swept
                  + " locks, more than the threshold of "
                  + highVolumeThreshold));
    }
    if (activeAfter > bloatCritical) {
      alerts.add(
          new Alert(
              BLOAT,
              CRITICAL,
              activeAfter
                  + " active locks after the sweep, more than the critical threshold of "
                  + bloatCritical));
    } else if (activeAfter > bloatWarning) {
      alerts.add(
          new Alert(
              BLOAT,
              WARNING,
              activeAfter
                  + " active locks after the sweep, more than the warning threshold of "
                  + bloatWarning));
    }
    return alerts;
  }

  /** The alert row id: the same for a run and rule whatever the retries, so the insert is once. */
  public static String alertId(String jobId, String rule) {
    return SOURCE + ":" + rule + ":" + jobId;
  }

  /**
   * The kind of a lock_cleanup alert row (the rule that fired), read back from its alert_id; the
   * cooldown compares alerts of the same kind. An id of another shape is its own kind.
   */
  public static String kindOf(Row alert) {
    String id = alert.getString("alert_id");
    String[] parts = id.split(":", 3);
    return parts.length == 3 && parts[0].equals(SOURCE) ? parts[1] : id;
  }
}
