package com.eros.pipelines.locksweep;

import com.eros.pipelines.alerts.AlertDelivery;
import com.eros.pipelines.support.RunSettings;
import java.time.Instant;
import java.time.LocalDate;

/** The settings of one lock-sweep run: the sweep's parameters and where its alerts go. */
public record LockSweepSettings(SweepConfig sweep, AlertDelivery alerts) implements RunSettings {
  @Override
  public Instant now() {
    return sweep.now();
  }

  @Override
  public LocalDate executionDate() {
    return sweep.executionDate();
  }
}
