package com.eros.pipelines.healthmonitor;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * What the health monitor measured at {@code now}, from etl_job_runs, active_caption_assignments,
 * lock_sweep_log and schedule_generation_queue. Instants are null when nothing was found within
 * {@code lookback}; aggregates over windows are the windows of the rules (see {@link
 * HealthMeasures}).
 *
 * @param lastDailyStart start of the latest daily_automation run (any status)
 * @param failedDailyRuns FAILED daily_automation runs in the daily_automation_failure window
 * @param lastPerformanceSuccess start of the latest caption_performance run with status SUCCESS
 * @param lastSweep the latest lock sweep: a lock_sweep run that did not fail, or a lock_sweep_log
 *     row
 * @param creatorsProcessed creators processed by daily_automation runs in the failure-rate window
 * @param creatorsFailed creators failed in those runs
 * @param sweepsInWindow lock_sweep_log rows in the high-volume window
 * @param locksSweptInWindow locks swept by those sweeps
 * @param dailyRunsTimed daily_automation runs with a duration in the slow-execution window
 * @param dailySecondsTotal their total duration
 * @param pendingQueueRows PENDING schedule_generation_queue rows queued before now
 * @param stuckQueueRows those queued longer ago than the queue_stuck threshold
 * @param oldestPending queued_at of the oldest PENDING row
 * @param rowsRead rows read from the tables
 */
public record HealthSnapshot(
    Instant now,
    Duration lookback,
    Instant lastDailyStart,
    long failedDailyRuns,
    Instant lastPerformanceSuccess,
    Instant lastSweep,
    long activeLocks,
    long creatorsProcessed,
    long creatorsFailed,
    long sweepsInWindow,
    long locksSweptInWindow,
    long dailyRunsTimed,
    double dailySecondsTotal,
    long pendingQueueRows,
    long stuckQueueRows,
    Instant oldestPending,
    long rowsRead)
    implements Serializable {

  /** Hours from {@code then} to now; null when {@code then} is null (nothing in the lookback). */
  public Double hoursSince(Instant then) {
    return then == null ? null : Duration.between(then, now).toMillis() / 3_600_000.0;
  }

  /**
   * failed / (processed + failed) in percent; 100 when every creator failed; null when there were
   * none.
   */
  public Double creatorFailurePct() {
    long total = creatorsProcessed + creatorsFailed;
    return total == 0 ? null : 100.0 * creatorsFailed / total;
  }

  /** Mean locks swept per sweep in the window; null without sweeps. */
  public Double meanLocksSwept() {
    return sweepsInWindow == 0 ? null : (double) locksSweptInWindow / sweepsInWindow;
  }

  /** Mean daily_automation duration in seconds over the window; null without timed runs. */
  public Double meanDailySeconds() {
    return dailyRunsTimed == 0 ? null : dailySecondsTotal / dailyRunsTimed;
  }
}
