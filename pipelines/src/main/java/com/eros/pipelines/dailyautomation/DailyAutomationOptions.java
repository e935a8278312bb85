package com.eros.pipelines.dailyautomation;

import com.eros.common.template.Regexes;
import com.eros.common.template.TemplateParameter;
import com.eros.common.template.TemplateParameter.ParamType;
import com.eros.pipelines.locksweep.LockSweepOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of {@code ./eros daily-automation} (and of its Flex Template). The lock sweep runs inside
 * the job, so its options ({@code --now}, {@code --staleLockDays}, {@code --highVolumeThreshold},
 * {@code --bloatWarning}, {@code --bloatCritical}) are inherited from {@link LockSweepOptions}: one
 * definition, and Beam requires options of the same name to agree across every options interface of
 * the jar.
 */
public interface DailyAutomationOptions extends LockSweepOptions {
  @Description(
      "Los Angeles date the run is for, YYYY-MM-DD. Every window is relative to its Los Angeles midnight, "
          + "so re-running or backfilling a date gives the same decisions. Default: today in Los Angeles by --now "
          + "(the run's clock, which also sets queued_at, the job times and the lock sweep's today).")
  @TemplateParameter(
      label = "Execution date",
      helpText =
          "Los Angeles date the run is for, YYYY-MM-DD; every window is relative to its Los Angeles midnight. "
              + "Leave it out for today in Los Angeles (what the schedule does); set it to re-run or backfill a day.",
      regexes = Regexes.DATE,
      example = "2026-11-29")
  String getExecutionDate();

  void setExecutionDate(String value);

  /** The default of {@link #getSaturationThreshold}, percent. */
  double DEFAULT_SATURATION_THRESHOLD = 80.0;

  @Description(
      "A creator is queued when its caption saturation_pct is below this (percent, 0-100).")
  @Default.Double(DEFAULT_SATURATION_THRESHOLD)
  @TemplateParameter(
      label = "Saturation threshold (%)",
      regexes = "^(100(\\.0+)?|[0-9]{1,2}(\\.[0-9]{1,9})?)$",
      paramType = ParamType.NUMBER)
  double getSaturationThreshold();

  void setSaturationThreshold(double value);

  @Description(
      "The circuit breaker opens after this many CONSECUTIVE creator failures (page_name order); "
          + "later creators are skipped and the run is FAILED.")
  @Default.Integer(5)
  @TemplateParameter(
      label = "Circuit breaker",
      regexes = Regexes.DAYS,
      paramType = ParamType.NUMBER)
  int getCircuitBreakerThreshold();

  void setCircuitBreakerThreshold(int value);

  @Description(
      "A lock makes its caption unavailable when its scheduled_send_date is on or after D minus this many days.")
  @Default.Integer(7)
  @TemplateParameter(
      label = "Caption cooldown (days)",
      regexes = "^[0-9]{1,4}$",
      paramType = ParamType.NUMBER)
  int getCooldownDays();

  void setCooldownDays(int value);

  @Description(
      "A page is an active creator with at least one valid message in the last this-many days before D.")
  @Default.Integer(30)
  @TemplateParameter(
      label = "Active window (days)",
      regexes = Regexes.DAYS,
      paramType = ParamType.NUMBER)
  int getActiveWindowDays();

  void setActiveWindowDays(int value);

  @Description(
      "Days of messages before D that the creator analysis reads (at least the active window and 37, "
          + "the fatigue rule's recent week plus its 30-day baseline).")
  @Default.Integer(90)
  @TemplateParameter(
      label = "Analysis window (days)",
      regexes = Regexes.DAYS,
      paramType = ParamType.NUMBER)
  int getAnalysisWindowDays();

  void setAnalysisWindowDays(int value);
}
