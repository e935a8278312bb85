package com.eros.pipelines.captionperformance;

import com.eros.common.warehouse.WarehouseOptions;
import com.eros.pipelines.alerts.AlertOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of {@code ./eros caption-performance} (REFERENCE §2 parameters, the shrink guard), with where
 * its alerts go ({@link AlertOptions}).
 */
public interface CaptionPerformanceOptions extends WarehouseOptions, AlertOptions {
  @Description("The run's 'now' as an ISO-8601 instant, e.g. 2026-11-29T12:00:00Z. Every window ends here "
      + "(exclusive); a re-run with the same value yields the same rows. Default: the current time.")
  String getAsOf();

  void setAsOf(String value);

  @Description("Days (of 24 h) back from asOf over which the page median EMV is taken: [asOf - days, asOf).")
  @Default.Integer(CaptionPerformanceConfig.DEFAULT_MEDIAN_WINDOW_DAYS)
  Integer getMedianWindowDays();

  void setMedianWindowDays(Integer value);

  @Description("Days (of 24 h) back from asOf over which caption statistics are computed: [asOf - days, asOf).")
  @Default.Integer(CaptionPerformanceConfig.DEFAULT_STATS_WINDOW_DAYS)
  Integer getStatsWindowDays();

  void setStatsWindowDays(Integer value);

  @Description("Half-life in days of the decay weight 0.5^(age_days / halfLifeDays) of each send.")
  @Default.Double(CaptionPerformanceConfig.DEFAULT_HALF_LIFE_DAYS)
  Double getHalfLifeDays();

  void setHalfLifeDays(Double value);

  @Description("Shrink guard: the run is FAILED, with a CRITICAL alert and caption_bandit_stats unchanged, when its "
      + "result covers more than this percentage fewer pages than the table does now (0-100).")
  @Default.Integer(ShrinkGuard.DEFAULT_MAX_PAGE_LOSS_PERCENT)
  Integer getMaxPageLossPercent();

  void setMaxPageLossPercent(Integer value);

  @Description("Replace caption_bandit_stats even when the shrink guard would refuse (after an intended cleanup).")
  @Default.Boolean(false)
  Boolean getAllowShrink();

  void setAllowShrink(Boolean value);

  @Description("Standard normal quantile of the Wilson interval (1.96 for 95 %).")
  @Default.Double(CaptionPerformanceConfig.DEFAULT_Z)
  Double getZ();

  void setZ(Double value);
}
