package com.eros.pipelines.captionperformance;

import com.eros.common.template.Regexes;
import com.eros.common.template.TemplateParameter;
import com.eros.common.template.TemplateParameter.ParamType;
import com.eros.common.warehouse.WarehouseOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * The docs/caption-performance.md parameters, defined once for every command that computes the
 * caption statistics: {@code ./eros caption-performance} and {@code ./eros backtest} (Beam requires
 * options of the same name to agree across the jar's options interfaces).
 */
public interface CaptionStatsOptions extends WarehouseOptions {
  @Description(
      "The run's 'now' as an ISO-8601 instant, e.g. 2026-11-29T12:00:00Z. Every window ends here "
          + "(exclusive); a re-run with the same value yields the same rows. Default: the current time.")
  @TemplateParameter(
      label = "As of",
      helpText =
          "The run's 'now', ISO-8601 in UTC; every window ends here. Leave it out for the current time "
              + "(what the schedule does); set it to re-run or backfill.",
      regexes = Regexes.INSTANT_UTC,
      example = "2026-11-29T12:00:00Z")
  String getAsOf();

  void setAsOf(String value);

  @Description(
      "Days (of 24 h) back from asOf over which the page median EMV is taken: [asOf - days, asOf).")
  @Default.Integer(CaptionPerformanceConfig.DEFAULT_MEDIAN_WINDOW_DAYS)
  @TemplateParameter(
      label = "Median window (days)",
      regexes = Regexes.DAYS,
      paramType = ParamType.NUMBER)
  Integer getMedianWindowDays();

  void setMedianWindowDays(Integer value);

  @Description(
      "Days (of 24 h) back from asOf over which caption statistics are computed: [asOf - days, asOf).")
  @Default.Integer(CaptionPerformanceConfig.DEFAULT_STATS_WINDOW_DAYS)
  @TemplateParameter(
      label = "Statistics window (days)",
      regexes = Regexes.DAYS,
      paramType = ParamType.NUMBER)
  Integer getStatsWindowDays();

  void setStatsWindowDays(Integer value);

  @Description("Half-life in days of the decay weight 0.5^(age_days / halfLifeDays) of each send.")
  @Default.Double(CaptionPerformanceConfig.DEFAULT_HALF_LIFE_DAYS)
  @TemplateParameter(
      label = "Decay half-life (days)",
      regexes = Regexes.DECIMAL,
      paramType = ParamType.NUMBER)
  Double getHalfLifeDays();

  void setHalfLifeDays(Double value);

  @Description("Standard normal quantile of the Wilson interval (1.96 for 95 %).")
  @Default.Double(CaptionPerformanceConfig.DEFAULT_Z)
  @TemplateParameter(label = "Wilson z", regexes = Regexes.DECIMAL, paramType = ParamType.NUMBER)
  Double getZ();

  void setZ(Double value);
}
