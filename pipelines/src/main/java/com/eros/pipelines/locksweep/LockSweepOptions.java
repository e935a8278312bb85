package com.eros.pipelines.locksweep;

import com.eros.common.template.Regexes;
import com.eros.common.template.TemplateParameter;
import com.eros.common.template.TemplateParameter.ParamType;
import com.eros.common.warehouse.WarehouseOptions;
import com.eros.pipelines.alerts.AlertOptions;
import com.eros.pipelines.support.ClockOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of {@code ./eros lock-sweep} (and of its Flex Template), with where its alerts go ({@link
 * AlertOptions}).
 */
public interface LockSweepOptions extends WarehouseOptions, ClockOptions, AlertOptions {
  @Description(
      "A lock with no scheduled_send_date is STALE when its assigned_at is earlier than now minus this many days of 24 h (elapsed time).")
  @Default.Integer(SweepConfig.DEFAULT_STALE_LOCK_DAYS)
  @TemplateParameter(
      label = "Stale lock after (days)",
      regexes = Regexes.DAYS,
      paramType = ParamType.NUMBER)
  Integer getStaleLockDays();

  void setStaleLockDays(Integer value);

  @Description(
      "WARNING alert (lock_cleanup_high_volume) when a sweep releases more than this many locks.")
  @Default.Long(SweepConfig.DEFAULT_HIGH_VOLUME)
  @TemplateParameter(
      label = "High-volume alert threshold",
      regexes = Regexes.COUNT,
      paramType = ParamType.NUMBER)
  Long getHighVolumeThreshold();

  void setHighVolumeThreshold(Long value);

  @Description(
      "WARNING alert (lock_table_bloat) when more than this many locks are active after the sweep.")
  @Default.Long(SweepConfig.DEFAULT_BLOAT_WARNING)
  @TemplateParameter(
      label = "Lock-table bloat warning",
      regexes = Regexes.COUNT,
      paramType = ParamType.NUMBER)
  Long getBloatWarning();

  void setBloatWarning(Long value);

  @Description(
      "CRITICAL alert (lock_table_bloat) when more than this many locks are active after the sweep; "
          + "must be at least --bloatWarning.")
  @Default.Long(SweepConfig.DEFAULT_BLOAT_CRITICAL)
  @TemplateParameter(
      label = "Lock-table bloat critical",
      regexes = Regexes.COUNT,
      paramType = ParamType.NUMBER)
  Long getBloatCritical();

  void setBloatCritical(Long value);
}
