package com.eros.pipelines.alerts.delivery;

import java.io.Serializable;

/** Where environment variables come from (the process environment in production). */
@FunctionalInterface
public interface Environment extends Serializable {
  /** The variable's value, or null when unset. */
  String get(String name);

  static Environment system() {
    return System::getenv;
  }
}
