package com.eros.pipelines.alerts;

/** Severity of an alert, most severe first. */
public enum Level {
  CRITICAL,
  WARNING,
  INFO;

  /** True when this level is at least as severe as {@code other}. */
  public boolean atLeast(Level other) {
    return ordinal() <= other.ordinal();
  }

  /** Parses a level name (case-insensitive); null when it is not one. */
  public static Level parse(String s) {
    for (Level l : values()) {
      if (l.name().equalsIgnoreCase(s.strip())) {
        return l;
      }
    }
    return null;
  }
}
