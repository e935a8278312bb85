package com.eros.pipelines.support;

import com.eros.common.time.Clock;
import com.eros.common.time.LaTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The clock options of a run ({@code --now}, {@code --asOf}, {@code --executionDate}), parsed and
 * bounded before anything is read (docs/operating-guarantees.md): absent means the wall clock (or
 * the date of the run's clock); an empty value is a mistake, not "use the wall clock"; a value more
 * than one day after the wall clock, or before 2000-01-01, is refused — a sweep at 2999-01-01 would
 * release every lock and stamp them 2999.
 */
public final class RunClock {
  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  public static final Duration MAX_AHEAD = Duration.ofDays(1);

  private RunClock() {}

  /** The instant of an option value; {@code wall} when the option is absent (null). */
  public static Instant instant(String value, String option, Instant wall) {
    if (value == null) {
      return wall;
    }
    if (value.isBlank()) {
      throw new UsageException(
          "--"
              + option
              + " is empty; give an ISO-8601 instant such as 2026-11-29T11:05:00Z, "
              + "or leave the option out to use the current time");
    }
    Instant t;
    try {
      t = LaTime.parseInstant(value, option);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    check(t, "--" + option + "=" + value.strip(), wall);
    return t;
  }

  /**
   * The Los Angeles date of an option value; {@code byDefault} when the option is absent (null).
   */
  public static LocalDate date(String value, String option, LocalDate byDefault, Instant wall) {
    if (value == null) {
      return byDefault;
    }
    if (value.isBlank()) {
      throw new UsageException(
          "--"
              + option
              + " is empty; give a Los Angeles date such as 2026-11-29, or leave the "
              + "option out");
    }
    LocalDate d;
    try {
      d = LaTime.parseDate(value, option);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    check(LaTime.startOf(d), "--" + option + "=" + value.strip(), wall);
    return d;
  }

  /**
   * The clock that stamps what a run records as it goes (delivered_at): the run's fixed instant
   * when the clock option was given (backfills, tests), else the wall clock.
   */
  public static Clock stamps(String option, Instant runNow) {
    return option == null ? Clock.system() : Clock.fixed(runNow);
  }

  private static void check(Instant t, String what, Instant wall) {
    if (t.isBefore(EARLIEST)) {
      throw new UsageException(what + " is before 2000-01-01; give a real date");
    }
    if (t.isAfter(wall.plus(MAX_AHEAD))) {
      throw new UsageException(
          what
              + " is more than a day after the current time ("
              + wall.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
              + "); a run cannot be for the future");
    }
  }
}
