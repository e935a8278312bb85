package com.eros.common.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * America/Los_Angeles calendar helpers: every date boundary of the system is a Los Angeles
 * midnight.
 */
public final class LaTime {
  public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

  private LaTime() {}

  /** The Los Angeles date of an instant. */
  public static LocalDate dateOf(Instant instant) {
    return instant.atZone(ZONE).toLocalDate();
  }

  /** The instant at which a Los Angeles date starts (handles 23- and 25-hour DST days). */
  public static Instant startOf(LocalDate date) {
    return date.atStartOfDay(ZONE).toInstant();
  }

  /** Los Angeles hour of day (0-23) of an instant. */
  public static int hourOf(Instant instant) {
    return instant.atZone(ZONE).getHour();
  }

  /**
   * Parses an ISO-8601 instant such as {@code 2026-11-29T11:05:00Z}; the message names the option.
   */
  public static Instant parseInstant(String iso, String optionName) {
    try {
      return Instant.parse(iso.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--"
              + optionName
              + "="
              + iso
              + " is not an ISO-8601 instant; write it like 2026-11-29T11:05:00Z");
    }
  }

  /** Parses an ISO date such as {@code 2026-11-29}; the message names the option. */
  public static LocalDate parseDate(String iso, String optionName) {
    try {
      return LocalDate.parse(iso.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "--"
              + optionName
              + "="
              + iso
              + " is not a date; write it like 2026-11-29 (a Los Angeles date)");
    }
  }
}
