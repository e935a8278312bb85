package com.eros.pipelines.locksweep;

import com.eros.pipelines.support.RunSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Parameters of one sweep. {@code now} is the run's clock (decisions and {@code deactivated_at});
 * thresholds as in docs/lock-sweep.md. Invalid values throw {@link IllegalArgumentException}.
 */
public record SweepConfig(
    Instant now, int staleLockDays, long highVolumeThreshold, long bloatWarning, long bloatCritical)
    implements RunSettings {

  public static final int DEFAULT_STALE_LOCK_DAYS = 7;
  public static final long DEFAULT_HIGH_VOLUME = 1000;
  public static final long DEFAULT_BLOAT_WARNING = 5000;
  public static final long DEFAULT_BLOAT_CRITICAL = 10000;

  public SweepConfig {
    Objects.requireNonNull(now, "now");
    if (staleLockDays < 0) {
      throw new IllegalArgumentException("--staleLockDays must be 0 or more, got " + staleLockDays);
    }
    if (highVolumeThreshold < 0) {
      throw new IllegalArgumentException(
          "--highVolumeThreshold must be 0 or more, got " + highVolumeThreshold);
    }
    if (bloatWarning < 0) {
      throw new IllegalArgumentException("--bloatWarning must be 0 or more, got " + bloatWarning);
    }
    if (bloatCritical < 0) {
      throw new IllegalArgumentException("--bloatCritical must be 0 or more, got " + bloatCritical);
    }
    if (bloatWarning > bloatCritical) {
      throw new IllegalArgumentException(
          "--bloatWarning ("
              + bloatWarning
              + ") must not exceed --bloatCritical ("
              + bloatCritical
              + ")");
    }
  }

  /** Los Angeles today of the sweep. */
  @Override
  public LocalDate executionDate() {
    return LockRules.today(now);
  }

  /** The docs/lock-sweep.md defaults at {@code now}. */
  public static SweepConfig defaults(Instant now) {
    return new SweepConfig(
        now,
        DEFAULT_STALE_LOCK_DAYS,
        DEFAULT_HIGH_VOLUME,
        DEFAULT_BLOAT_WARNING,
        DEFAULT_BLOAT_CRITICAL);
  }
}
