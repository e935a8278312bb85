package com.eros.pipelines.dailyautomation;

import com.eros.pipelines.support.JobStatus;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one daily run decided, in counts: the source of the job row's status and counts and of the
 * run's alerts (docs/daily-automation.md §7). processed = analyzed creators (queued or saturated),
 * failed = creators decided as failed (up to and including the one that opened the breaker),
 * skipped = active creators after the breaker opened; processed + failed + skipped = active
 * creators.
 */
public record RunReport(
    LocalDate executionDate,
    long pages,
    long activeCreators,
    long processed,
    long failed,
    long skipped,
    long queued,
    long saturated,
    long rowsRead,
    long rowsRejected,
    int breakerThreshold,
    String breakerOpenedAt,
    String firstSkipped,
    String lastSkipped)
    implements Serializable {

  /** Alert level and kind names (the kind is part of the deterministic alert_id). */
  public static final String CRITICAL = "CRITICAL";

  public static final String WARNING = "WARNING";

  /** An alert the run raises. */
  public record Alert(String kind, String level, String message) implements Serializable {}

  public boolean breakerOpened() {
    return breakerOpenedAt != null;
  }

  /** SUCCESS, COMPLETED_WITH_ERRORS, FAILED (breaker opened) or COMPLETED_NO_WORK. */
  public JobStatus status() {
    if (activeCreators == 0) {
      return JobStatus.COMPLETED_NO_WORK;
    }
    if (breakerOpened()) {
      return JobStatus.FAILED;
    }
    return failed > 0 ? JobStatus.COMPLETED_WITH_ERRORS : JobStatus.SUCCESS;
  }

  /** Why the run failed or had errors; null on SUCCESS and COMPLETED_NO_WORK. */
  public String errorMessage() {
    if (breakerOpened()) {
      return "circuit breaker opened after "
          + breakerThreshold
          + " consecutive creator failures (at "
          + breakerOpenedAt
          + "); "
          + skipped
          + " later creator(s) skipped and not queued"
          + (skipped == 0 ? "" : " (" + firstSkipped + " .. " + lastSkipped + ")")
          + "; "
          + failed
          + " failed in all, see creator_processing_errors";
    }
    if (failed > 0) {
      return failed + " of " + activeCreators + " creators failed; see creator_processing_errors";
    }
    return null;
  }

  /** failed / (processed + failed); 0 when no creator was decided. All failed is 1.0, not NULL. */
  public double failureRate() {
    long decided = processed + failed;
    return decided == 0 ? 0.0 : (double) failed / decided;
  }

  /** failed / (processed + failed) &gt; 10 %, compared exactly in integers. */
  public boolean failureRateHigh() {
    return failed * 10 > processed + failed;
  }

  /**
   * CRITICAL when FAILED, WARNING when COMPLETED_WITH_ERRORS, WARNING when the failure rate is
   * above 10 % (also when every creator failed).
   */
  public List<Alert> alerts() {
    List<Alert> alerts = new ArrayList<>();
    JobStatus status = status();
    if (status == JobStatus.FAILED) {
      alerts.add(
          new Alert(
              "job_failed",
              CRITICAL,
              "daily_automation FAILED for " + executionDate + ": " + errorMessage()));
    } else if (status == JobStatus.COMPLETED_WITH_ERRORS) {
      alerts.add(
          new Alert(
              "completed_with_errors",
              WARNING,
              "daily_automation completed with errors for "
                  + executionDate
                  + ": "
                  + errorMessage()));
    }
    if (failureRateHigh()) {
      alerts.add(
          new Alert(
              "high_failure_rate",
              WARNING,
              String.format(
                  Locale.ROOT,
                  "creator failure rate %.1f %% (%d failed / %d processed + failed) for %s is above 10 %%",
                  100 * failureRate(),
                  failed,
                  processed + failed,
                  executionDate)));
    }
    return alerts;
  }
}
