package com.eros.pipelines.healthmonitor;

import com.eros.pipelines.alerts.delivery.DeliveryReport;
import com.eros.pipelines.support.JobStatus;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Counts of one run's alerts by delivery outcome; mergeable (a Combine accumulator). */
public final class RunSummary implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAX_PROBLEMS = 5;
  long alerts;
  long delivered;
  long partial;
  long failed;
  long notRouted;
  final List<String> problems = new ArrayList<>();

  public RunSummary add(String rule, String status, String detail) {
    alerts++;
    switch (status == null ? "" : status) {
      case DeliveryReport.DELIVERED -> delivered++;
      case DeliveryReport.PARTIAL -> {
        partial++;
        problem(rule + " (" + detail + ")");
      }
      case DeliveryReport.FAILED -> {
        failed++;
        problem(rule + " (" + detail + ")");
      }
      default -> notRouted++;
    }
    return this;
  }

  public RunSummary merge(RunSummary o) {
    alerts += o.alerts;
    delivered += o.delivered;
    partial += o.partial;
    failed += o.failed;
    notRouted += o.notRouted;
    for (String p : o.problems) {
      problem(p);
    }
    return this;
  }

  private void problem(String p) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(p);
    }
  }

  /**
   * SUCCESS, or COMPLETED_WITH_ERRORS when a delivery failed (the alerts themselves are recorded).
   */
  public JobStatus status() {
    return failed + partial == 0 ? JobStatus.SUCCESS : JobStatus.COMPLETED_WITH_ERRORS;
  }

  /** Null on success; else which deliveries failed. */
  public String errorMessage() {
    if (failed + partial == 0) {
      return null;
    }
    return "delivery failed for "
        + (failed + partial)
        + " of "
        + alerts
        + " alerts: "
        + String.join("; ", problems);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunSummary r
        && r.alerts == alerts
        && r.delivered == delivered
        && r.partial == partial
        && r.failed == failed
        && r.notRouted == notRouted
        && r.problems.equals(problems);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(alerts, delivered, partial, failed, notRouted, problems);
  }

  public long alerts() {
    return alerts;
  }

  public long delivered() {
    return delivered;
  }

  public long failed() {
    return failed + partial;
  }
}
