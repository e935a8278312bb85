package com.eros.pipelines.backtest;

import com.eros.common.time.LaTime;
import com.eros.pipelines.alerts.AlertDelivery;
import com.eros.pipelines.support.RunSettings;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The settings of one backtest run.
 *
 * @param now the run's clock: computed_at of its row and job_start_time (not T: a backtest of an
 *     old T is run now)
 * @param alerts where the CRITICAL alert of a run that breaks is delivered
 */
public record BacktestSettings(BacktestConfig config, Instant now, AlertDelivery alerts)
    implements RunSettings {
  /** The Los Angeles date of T, the instant the judged statistics are for. */
  @Override
  public LocalDate executionDate() {
    return LaTime.dateOf(config.asOf());
  }
}
