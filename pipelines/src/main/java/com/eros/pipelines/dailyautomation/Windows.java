package com.eros.pipelines.dailyautomation;

import com.eros.common.table.Timestamps;
import com.eros.common.time.LaTime;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The time windows of one daily run, all relative to the Los Angeles midnight that starts the
 * execution date D (never to the wall clock), so a re-run or a backfill of D sees the same data.
 *
 * <pre>
 *   analysis  [D − analysisDays, D)    messages analyzed and persisted in the profile
 *   active    [D − activeDays, D)      a page with ≥ 1 valid message here is an active creator
 *   baseline  [D − 37, D − 7)          fatigue baseline (the 30 days before the recent week)
 *   recent    [D − 7, D)               fatigue recent week
 *   day k     [D − k, D − k + 1)       k = 1, 2, 3: the last three days of the fatigue rule
 * </pre>
 *
 * Each bound is {@link LaTime#startOf} of a Los Angeles date, so 23- and 25-hour DST days are
 * handled by the calendar, not by subtracting 24 h.
 */
public record Windows(LocalDate executionDate, int analysisDays, int activeDays)
    implements Serializable {
  public static final int RECENT_DAYS = 7;
  public static final int BASELINE_DAYS = 30;

  /** How far back the fatigue rule looks: recent week plus its baseline. */
  public static final int FATIGUE_DAYS = RECENT_DAYS + BASELINE_DAYS;

  public Windows {
    if (executionDate == null) {
      throw new IllegalArgumentException("executionDate is required");
    }
    if (activeDays < 1 || analysisDays < Math.max(activeDays, FATIGUE_DAYS)) {
      throw new IllegalArgumentException(
          "need 1 <= activeDays and analysisDays >= max(activeDays, "
              + FATIGUE_DAYS
              + "); got activeDays="
              + activeDays
              + ", analysisDays="
              + analysisDays);
    }
  }

  /** Start of the Los Angeles date {@code daysBefore} days before D (0 = D itself). */
  public Instant startOf(int daysBefore) {
    return LaTime.startOf(executionDate.minusDays(daysBefore));
  }

  /** Epoch microseconds of {@link #startOf(int)}. */
  public long startMicros(int daysBefore) {
    return Timestamps.micros(startOf(daysBefore));
  }

  /** Exclusive end of every window: D's Los Angeles midnight. */
  public Instant end() {
    return startOf(0);
  }

  public Instant analysisStart() {
    return startOf(analysisDays);
  }
}
