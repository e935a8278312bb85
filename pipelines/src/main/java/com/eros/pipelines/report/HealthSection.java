package com.eros.pipelines.report;

import com.eros.common.time.LaTime;
import com.eros.pipelines.healthmonitor.Scorecard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.values.Row;

/**
 * Section 1: the six checks of {@code ./eros health} and the alerts of the window (per day and
 * level, and the latest ones with their source and delivery status).
 */
public record HealthSection(
    List<Scorecard.Check> checks,
    DailyCounts alertsPerDay,
    List<Alert> latestAlerts,
    long unacknowledgedCritical,
    long failedDeliveries) {
  /** Alert levels, most severe first. */
  public static final List<String> LEVELS = List.of("CRITICAL", "WARNING", "INFO");

  /** How many of the latest alerts are listed. */
  public static final int LATEST_ALERTS = 15;

  /** One automation_alerts row. */
  public record Alert(
      Instant time,
      String level,
      String source,
      String message,
      String deliveryStatus,
      String deliveryDetail,
      boolean acknowledged) {}

  /**
   * @param checks the scorecard, as {@code Scorecard.measure} returns it
   * @param alertRows automation_alerts rows of the window (any order)
   */
  public static HealthSection from(
      List<Scorecard.Check> checks, List<Row> alertRows, ReportWindow window) {
    DailyCounts.Builder perDay = DailyCounts.builder(window.dates(), LEVELS);
    List<Alert> alerts = new ArrayList<>();
    long unackCritical = 0;
    long failed = 0;
    for (Row r : alertRows) {
      Instant t = Cells.instant(r, "alert_time");
      if (!window.contains(t)) {
        continue;
      }
      Alert a =
          new Alert(
              t,
              Cells.string(r, "alert_level"),
              Cells.string(r, "alert_source"),
              Cells.string(r, "alert_message"),
              Cells.string(r, "delivery_status"),
              Cells.string(r, "delivery_detail"),
              Boolean.TRUE.equals(Cells.bool(r, "acknowledged")));
      alerts.add(a);
      perDay.add(a.level() == null ? "UNKNOWN" : a.level(), LaTime.dateOf(t), 1);
      if ("CRITICAL".equals(a.level()) && !a.acknowledged()) {
        unackCritical++;
      }
      if ("FAILED".equals(a.deliveryStatus()) || "PARTIAL".equals(a.deliveryStatus())) {
        failed++;
      }
    }
    alerts.sort(
        Comparator.comparing(Alert::time)
            .reversed()
            .thenComparing(a -> String.valueOf(a.source())));
    return new HealthSection(
        List.copyOf(checks),
        perDay.build(),
        List.copyOf(alerts.subList(0, Math.min(LATEST_ALERTS, alerts.size()))),
        unackCritical,
        failed);
  }

  public boolean allChecksPass() {
    return Scorecard.allOk(checks);
  }

  public long failedChecks() {
    return checks.stream().filter(c -> !c.ok()).count();
  }

  public long alertCount() {
    return alertsPerDay.total();
  }
}
