package com.eros.pipelines.report;

import com.eros.common.time.LaTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The time the report covers: the last {@code days} Los Angeles days up to and including {@code
 * now} (from the start of the first of those days). Rows later than {@code now} are left out, so a
 * report with {@code --now} in the past shows the system as it was then.
 */
public record ReportWindow(Instant now, int days) {
  public static final int DEFAULT_DAYS = 14;
  public static final int MAX_DAYS = 366;

  public ReportWindow {
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("--days=" + days + " must be between 1 and " + MAX_DAYS);
    }
  }

  /** The Los Angeles date of {@code now}. */
  public LocalDate today() {
    return LaTime.dateOf(now);
  }

  /** The first day of the window. */
  public LocalDate firstDay() {
    return today().minusDays(days - 1L);
  }

  /** The instant the window starts (a Los Angeles midnight). */
  public Instant from() {
    return LaTime.startOf(firstDay());
  }

  /** The exclusive upper bound of reads: one microsecond after {@code now}. */
  public Instant toExclusive() {
    return now.plusNanos(1_000);
  }

  /** Every day of the window, oldest first. */
  public List<LocalDate> dates() {
    List<LocalDate> d = new ArrayList<>(days);
    for (LocalDate x = firstDay(); !x.isAfter(today()); x = x.plusDays(1)) {
      d.add(x);
    }
    return d;
  }

  /** Whether an instant lies in the window. */
  public boolean contains(Instant t) {
    return t != null && !t.isBefore(from()) && t.isBefore(toExclusive());
  }
}
