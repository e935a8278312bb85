package com.eros.pipelines.healthmonitor;

import com.eros.pipelines.support.JobStatus;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * Accumulates the facts read from the tables into a {@link HealthSnapshot}. Mergeable (it is the
 * accumulator of a Beam {@code Combine}); every window is closed at both ends: [now - window, now].
 * Rows dated after {@code now} are ignored, so a run with an earlier {@code --now} measures the
 * past.
 */
public final class HealthMeasures implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String DAILY = "daily_automation";
  public static final String PERFORMANCE = "caption_performance";
  public static final String SWEEP = "lock_sweep";

  /** The windows the measures use, from the rules. */
  public record Config(
      Instant now,
      Duration lookback,
      Duration failureWindow,
      Duration failureRateWindow,
      Duration highVolumeWindow,
      Duration slowWindow,
      double queueStuckHours)
      implements Serializable {

    public static Config of(RuleSet rules, Instant now) {
      return new Config(
          now,
          rules.jobLookback(),
          rules.window(RuleKind.DAILY_AUTOMATION_FAILURE),
          rules.window(RuleKind.HIGH_CREATOR_FAILURE_RATE),
          rules.window(RuleKind.LOCK_CLEANUP_HIGH_VOLUME),
          rules.window(RuleKind.SLOW_AUTOMATION_EXECUTION),
          rules.lowestThreshold(RuleKind.QUEUE_STUCK));
    }

    boolean within(Instant t, Duration window) {
      return t != null && !t.isAfter(now) && !t.isBefore(now.minus(window));
    }
  }

  private final Config config;
  private Instant lastDailyStart;
  private long failedDailyRuns;
  private Instant lastPerformanceSuccess;
  private Instant lastSweep;
  private long activeLocks;
  private long creatorsProcessed;
  private long creatorsFailed;
  private long sweepsInWindow;
  private long locksSweptInWindow;
  private long dailyRunsTimed;
  private double dailySecondsTotal;
  private long pendingQueueRows;
  private long stuckQueueRows;
  private Instant oldestPending;
  private long rowsRead;

  public HealthMeasures(Config config) {
    this.config = config;
  }

  public Config config() {
    return config;
  }

  /** One etl_job_runs row. Counts and duration may be null. */
  public HealthMeasures addJobRun(
      String jobName,
      Instant start,
      String status,
      Long processed,
      Long failed,
      Double durationSeconds) {
    rowsRead++;
    if (jobName == null
        || start == null
        || start.isAfter(config.now())
        || start.isBefore(config.now().minus(config.lookback()))) {
      return this;
    }
    switch (jobName) {
      case DAILY -> {
        lastDailyStart = later(lastDailyStart, start);
        if (JobStatus.FAILED.name().equals(status)
            && config.within(start, config.failureWindow())) {
          failedDailyRuns++;
        }
        if (config.within(start, config.failureRateWindow())) {
          creatorsProcessed += processed == null ? 0 : processed;
          creatorsFailed += failed == null ? 0 : failed;
        }
        if (durationSeconds != null
            && Double.isFinite(durationSeconds)
            && config.within(start, config.slowWindow())) {
          dailyRunsTimed++;
          dailySecondsTotal += durationSeconds;
        }
      }
      case PERFORMANCE -> {
        if (JobStatus.SUCCESS.name().equals(status)) {
          lastPerformanceSuccess = later(lastPerformanceSuccess, start);
        }
      }
      case SWEEP -> {
        if (!JobStatus.FAILED.name().equals(status)) {
          lastSweep = later(lastSweep, start);
        }
      }
      default -> {
        // health_monitor and anything else: not measured
      }
    }
    return this;
  }

  /** Active locks (counted in the store or by the caller). */
  public HealthMeasures addActiveLocks(long n) {
    activeLocks += n;
    rowsRead += n;
    return this;
  }

  /**
   * One lock_sweep_log row (written by the hourly sweep and by the sweep inside daily_automation).
   */
  public HealthMeasures addSweep(Instant sweepTime, Long locksCleaned) {
    rowsRead++;
    if (sweepTime == null || sweepTime.isAfter(config.now())) {
      return this;
    }
    lastSweep = later(lastSweep, sweepTime);
    if (config.within(sweepTime, config.highVolumeWindow())) {
      sweepsInWindow++;
      locksSweptInWindow += locksCleaned == null ? 0 : locksCleaned;
    }
    return this;
  }

  /** One PENDING schedule_generation_queue row. */
  public HealthMeasures addPending(Instant queuedAt) {
    rowsRead++;
    if (queuedAt == null || queuedAt.isAfter(config.now())) {
      return this;
    }
    pendingQueueRows++;
    double ageHours = Duration.between(queuedAt, config.now()).toMillis() / 3_600_000.0;
    if (ageHours > config.queueStuckHours()) {
      stuckQueueRows++;
    }
    oldestPending =
        oldestPending == null || queuedAt.isBefore(oldestPending) ? queuedAt : oldestPending;
    return this;
  }

  public HealthMeasures merge(HealthMeasures o) {
    lastDailyStart = later(lastDailyStart, o.lastDailyStart);
    failedDailyRuns += o.failedDailyRuns;
    lastPerformanceSuccess = later(lastPerformanceSuccess, o.lastPerformanceSuccess);
    lastSweep = later(lastSweep, o.lastSweep);
    activeLocks += o.activeLocks;
    creatorsProcessed += o.creatorsProcessed;
    creatorsFailed += o.creatorsFailed;
    sweepsInWindow += o.sweepsInWindow;
    locksSweptInWindow += o.locksSweptInWindow;
    dailyRunsTimed += o.dailyRunsTimed;
    dailySecondsTotal += o.dailySecondsTotal;
    pendingQueueRows += o.pendingQueueRows;
    stuckQueueRows += o.stuckQueueRows;
    if (o.oldestPending != null
        && (oldestPending == null || o.oldestPending.isBefore(oldestPending))) {
      oldestPending = o.oldestPending;
    }
    rowsRead += o.rowsRead;
    return this;
  }

  public HealthSnapshot snapshot() {
    return new HealthSnapshot(
        config.now(),
        config.lookback(),
        lastDailyStart,
        failedDailyRuns,
        lastPerformanceSuccess,
        lastSweep,
        activeLocks,
        creatorsProcessed,
        creatorsFailed,
        sweepsInWindow,
        locksSweptInWindow,
        dailyRunsTimed,
        dailySecondsTotal,
        pendingQueueRows,
        stuckQueueRows,
        oldestPending,
        rowsRead);
  }

  /** Value equality (Beam compares encoded elements with it when checking for mutations). */
  @Override
  public boolean equals(Object o) {
    return o instanceof HealthMeasures m
        && m.config.equals(config)
        && m.snapshot().equals(snapshot());
  }

  @Override
  public int hashCode() {
    return snapshot().hashCode();
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
