package com.eros.pipelines.captionperformance;

import com.eros.common.table.Timestamps;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The parameters of one caption-performance run (docs/caption-performance.md), resolved and
 * checked.
 *
 * <p>Windows are measured back from {@code asOf} in whole 24-hour days (86 400 000 000 µs): they
 * are relative to an instant, not to Los Angeles calendar dates, so a DST change inside a window
 * does not move its start. Every window is half-open: {@code [asOf − days, asOf)}.
 */
public record CaptionPerformanceConfig(
    Instant asOf, int medianWindowDays, int statsWindowDays, double halfLifeDays, double z)
    implements Serializable {

  /** Microseconds in one window day. */
  public static final long DAY_MICROS = Timestamps.DAY_MICROS;

  public static final int DEFAULT_MEDIAN_WINDOW_DAYS = 30;
  public static final int DEFAULT_STATS_WINDOW_DAYS = 90;
  public static final double DEFAULT_HALF_LIFE_DAYS = 14.0;
  public static final double DEFAULT_Z = 1.96;

  /** Checks every value; the message names the option and says what is allowed. */
  public CaptionPerformanceConfig {
    Objects.requireNonNull(asOf, "asOf");
    if (medianWindowDays <= 0) {
      throw new IllegalArgumentException(
          "--medianWindowDays=" + medianWindowDays + " must be a positive number of days");
    }
    if (statsWindowDays <= 0) {
      throw new IllegalArgumentException(
          "--statsWindowDays=" + statsWindowDays + " must be a positive number of days");
    }
    if (!(halfLifeDays > 0) || Double.isInfinite(halfLifeDays)) {
      throw new IllegalArgumentException(
          "--halfLifeDays=" + halfLifeDays + " must be a finite number of days > 0");
    }
    if (!(z > 0) || Double.isInfinite(z)) {
      throw new IllegalArgumentException(
          "--z=" + z + " must be a finite number > 0 (e.g. 1.96 for 95 %)");
    }
  }

  /**
   * The §2 parameters of the options at {@code asOf} (caption-performance and the backtest resolve
   * them the same way); an {@link IllegalArgumentException} names the bad option.
   */
  public static CaptionPerformanceConfig of(CaptionStatsOptions o, Instant asOf) {
    return new CaptionPerformanceConfig(
        asOf, o.getMedianWindowDays(), o.getStatsWindowDays(), o.getHalfLifeDays(), o.getZ());
  }

  /** The defaults of docs/caption-performance.md at {@code asOf}. */
  public static CaptionPerformanceConfig defaults(Instant asOf) {
    return new CaptionPerformanceConfig(
        asOf,
        DEFAULT_MEDIAN_WINDOW_DAYS,
        DEFAULT_STATS_WINDOW_DAYS,
        DEFAULT_HALF_LIFE_DAYS,
        DEFAULT_Z);
  }

  public long asOfMicros() {
    return Timestamps.micros(asOf);
  }

  /** Inclusive start of the median window. */
  public long medianFromMicros() {
    return asOfMicros() - medianWindowDays * DAY_MICROS;
  }

  /** Inclusive start of the statistics window. */
  public long statsFromMicros() {
    return asOfMicros() - statsWindowDays * DAY_MICROS;
  }

  /** Inclusive start of what must be read: the earlier of the two window starts. */
  public Instant readFrom() {
    return Timestamps.ofMicros(Math.min(medianFromMicros(), statsFromMicros()));
  }
}
