package com.eros.pipelines.dailyautomation;

import com.eros.pipelines.alerts.AlertDelivery;
import com.eros.pipelines.support.RunSettings;
import java.time.Instant;
import java.time.LocalDate;

/** The settings of one daily run: its parameters and where its (and its lock sweep's) alerts go. */
public record DailyAutomationSettings(DailyAutomationConfig config, AlertDelivery alerts)
    implements RunSettings {
  @Override
  public Instant now() {
    return config.now();
  }

  @Override
  public LocalDate executionDate() {
    return config.executionDate();
  }
}
