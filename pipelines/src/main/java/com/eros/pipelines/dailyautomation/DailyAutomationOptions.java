package com.eros.pipelines.dailyautomation;

import com.eros.common.warehouse.WarehouseOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of {@code ./eros daily-automation} (and of its Flex Template). */
public interface DailyAutomationOptions extends WarehouseOptions {
  @Description("Los Angeles date the run is for, YYYY-MM-DD. Every window is relative to its Los Angeles midnight, "
      + "so re-running or backfilling a date gives the same decisions. Default: today in Los Angeles (by --now).")
  String getExecutionDate();

  void setExecutionDate(String value);

  @Description("The run's clock, an ISO-8601 instant such as 2026-11-29T11:05:00Z: queued_at, job times, the "
      + "'not in the future' validity rule and the lock sweep use it. Default: the system clock.")
  String getNow();

  void setNow(String value);

  @Description("A creator is queued when its caption saturation_pct is below this (percent, 0-100).")
  @Default.Double(80.0)
  double getSaturationThreshold();

  void setSaturationThreshold(double value);

  @Description("The circuit breaker opens after this many CONSECUTIVE creator failures (page_name order); "
      + "later creators are skipped and the run is FAILED.")
  @Default.Integer(5)
  int getCircuitBreakerThreshold();

  void setCircuitBreakerThreshold(int value);

  @Description("A lock makes its caption unavailable when its scheduled_send_date is on or after D minus this many days.")
  @Default.Integer(7)
  int getCooldownDays();

  void setCooldownDays(int value);

  @Description("A page is an active creator with at least one valid message in the last this-many days before D.")
  @Default.Integer(30)
  int getActiveWindowDays();

  void setActiveWindowDays(int value);

  @Description("Days of messages before D that the creator analysis reads (at least the active window and 37, "
      + "the fatigue rule's recent week plus its 30-day baseline).")
  @Default.Integer(90)
  int getAnalysisWindowDays();

  void setAnalysisWindowDays(int value);

  @Description("Lock sweep: an active lock with no scheduled_send_date is STALE when assigned more than this many Los Angeles days before now.")
  @Default.Integer(7)
  int getStaleLockDays();

  void setStaleLockDays(int value);

  @Description("Lock sweep: WARNING alert (source lock_cleanup) when more locks than this are released in one sweep.")
  @Default.Long(1000)
  long getHighVolumeThreshold();

  void setHighVolumeThreshold(long value);

  @Description("Lock sweep: WARNING alert (lock_cleanup) when more than this many locks are active after the sweep.")
  @Default.Long(5000)
  long getBloatWarning();

  void setBloatWarning(long value);

  @Description("Lock sweep: CRITICAL alert (lock_cleanup) when more than this many locks are active after the sweep.")
  @Default.Long(10000)
  long getBloatCritical();

  void setBloatCritical(long value);
}
