package com.eros.pipelines.backtest;

import com.eros.common.table.Timestamps;
import com.eros.pipelines.captionperformance.CaptionPerformanceConfig;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The parameters of one backtest (docs/backtest.md), resolved and checked: the §2 parameters at T
 * ({@code stats.asOf()}), the horizon H in days of 24 h, and the minimum number of horizon sends a
 * caption needs to be scored.
 *
 * <p>The statistics are computed over {@code [T − window, T)} exactly as caption-performance would
 * at T; they are judged on the sends in {@code [T, T + H)}.
 */
public record BacktestConfig(CaptionPerformanceConfig stats, int horizonDays, int minSends)
    implements Serializable {
  public static final int DEFAULT_MIN_SENDS = 10;

  /** Checks every value; the message names the option. */
  public BacktestConfig {
    Objects.requireNonNull(stats, "stats");
    if (horizonDays <= 0) {
      throw new IllegalArgumentException(
          "--horizonDays=" + horizonDays + " must be a positive number of days");
    }
    if (minSends < 1) {
      throw new IllegalArgumentException("--minSends=" + minSends + " must be at least 1");
    }
  }

  /** T, the instant the statistics are computed at. */
  public Instant asOf() {
    return stats.asOf();
  }

  public long asOfMicros() {
    return stats.asOfMicros();
  }

  /** T + H (exclusive end of the horizon), in epoch microseconds. */
  public long horizonEndMicros() {
    return Math.addExact(
        asOfMicros(), Math.multiplyExact(horizonDays, CaptionPerformanceConfig.DAY_MICROS));
  }

  public Instant horizonEnd() {
    return Timestamps.ofMicros(horizonEndMicros());
  }

  /** Inclusive start of what must be read: the start of the §2 windows at T. */
  public Instant readFrom() {
    return stats.readFrom();
  }
}
