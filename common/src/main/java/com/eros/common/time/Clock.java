package com.eros.common.time;

import java.io.Serializable;
import java.time.Instant;

/**
 * Where "now" comes from. Pipelines take it from options so tests and backfills are deterministic.
 */
@FunctionalInterface
public interface Clock extends Serializable {
  Instant now();

  static Clock system() {
    return Instant::now;
  }

  static Clock fixed(Instant instant) {
    return () -> instant;
  }

  /**
   * A fixed clock at {@code iso} (ISO-8601 instant), or the system clock when {@code iso} is blank.
   */
  static Clock fromOption(String iso) {
    return iso == null || iso.isBlank() ? system() : fixed(LaTime.parseInstant(iso, "now"));
  }
}
