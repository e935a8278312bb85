package com.eros.pipelines.alerts;

import java.util.Map;

/** The first thing to look at for each kind of alert: one line that every channel carries. */
public final class Runbook {
  private static final String DAILY_FAILED =
      "read error_message of the run's etl_job_runs row and its "
          + "creator_processing_errors; fix the cause, then re-run ./eros daily-automation --executionDate=D (a re-run "
          + "never duplicates queue rows)";
  private static final String FAILURE_RATE =
      "read creator_processing_errors for the date (empty caption pools, "
          + "bad input rows in rejected_rows); the run went on for the other creators";
  private static final String BLOAT =
      "check lock_sweep_log (is the sweep releasing locks?) and whether the schedule "
          + "builder creates locks without a send date";
  private static final String HIGH_VOLUME =
      "the schedule builder may assign captions it never sends: compare "
          + "lock_sweep_log counts per rule (past send date, stale)";
  private static final Map<String, String> HINTS =
      Map.ofEntries(
          Map.entry("daily_automation_failure", DAILY_FAILED),
          Map.entry(
              "daily_automation_not_run",
              "no daily run started: check the Cloud Scheduler job eros-daily-automation "
                  + "and the Dataflow jobs; launch it by hand (README, 'Run one pipeline by hand')"),
          Map.entry(
              "performance_feedback_stale",
              "caption_performance has not succeeded: read its last etl_job_runs rows "
                  + "and the eros-caption-performance Dataflow job"),
          Map.entry(
              "lock_sweep_not_run",
              "the hourly sweep did not run: check the eros-lock-sweep schedule and job; "
                  + "./eros lock-sweep catches up and is safe to repeat"),
          Map.entry("lock_table_bloat", BLOAT),
          Map.entry("high_creator_failure_rate", FAILURE_RATE),
          Map.entry("lock_cleanup_high_volume", HIGH_VOLUME),
          Map.entry(
              "slow_automation_execution",
              "compare job_duration_seconds with rows_read in etl_job_runs; give the "
                  + "daily job more Dataflow workers (schedules.yaml maxWorkers)"),
          Map.entry(
              "queue_stuck",
              "PENDING schedule_generation_queue rows are not picked up: check the schedule builder "
                  + "that consumes the queue"),
          Map.entry("job_failed", DAILY_FAILED),
          Map.entry("completed_with_errors", FAILURE_RATE),
          Map.entry("high_failure_rate", FAILURE_RATE));

  private Runbook() {}

  /**
   * The hint for an alert of {@code source} and {@code kind} (the kind's hint first, then the
   * source's).
   */
  public static String hint(String source, String kind) {
    String h = kind == null ? null : HINTS.get(kind);
    if (h == null && source != null) {
      h = HINTS.get(source);
    }
    return h != null ? h : "see the README's 'Health' section and the run's etl_job_runs row";
  }
}
