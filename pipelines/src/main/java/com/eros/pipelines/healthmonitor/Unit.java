package com.eros.pipelines.healthmonitor;

import java.util.Locale;

/**
 * The unit of a rule's measured value and threshold; decides how both are written in YAML and
 * messages.
 */
public enum Unit {
  /** Elapsed time, measured in hours; written as a duration in YAML (2h, 90m, 1d). */
  HOURS,
  /** Elapsed time, measured in seconds; written as a duration in YAML (600s, 10m). */
  SECONDS,
  /** A count or a mean of counts; written as a number. */
  COUNT,
  /** A percentage 0..100; written as 10% or 10. */
  PERCENT;

  public String format(double v) {
    return switch (this) {
      case HOURS -> trim(v) + " h";
      case SECONDS -> trim(v) + " s";
      case COUNT -> trim(v);
      case PERCENT -> trim(v) + " %";
    };
  }

  /**
   * At most one decimal, no trailing ".0", thousands unseparated (messages are parsed by people and
   * greps).
   */
  static String trim(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
