package com.eros.pipelines.captionperformance;

import com.eros.common.template.Regexes;
import com.eros.common.template.TemplateParameter;
import com.eros.common.template.TemplateParameter.ParamType;
import com.eros.pipelines.alerts.AlertOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of {@code ./eros caption-performance}: the docs/caption-performance.md parameters ({@link
 * CaptionStatsOptions}, shared with the backtest), the shrink guard, and where its alerts go
 * ({@link AlertOptions}).
 */
public interface CaptionPerformanceOptions extends CaptionStatsOptions, AlertOptions {
  @Description(
      "Shrink guard: the run is FAILED, with a CRITICAL alert and caption_bandit_stats unchanged, when its "
          + "result covers more than this percentage fewer pages than the table does now (0-100).")
  @Default.Integer(ShrinkGuard.DEFAULT_MAX_PAGE_LOSS_PERCENT)
  @TemplateParameter(
      label = "Shrink guard: largest page loss (%)",
      regexes = "^(100|[1-9]?[0-9])$",
      paramType = ParamType.NUMBER)
  Integer getMaxPageLossPercent();

  void setMaxPageLossPercent(Integer value);

  @Description(
      "Replace caption_bandit_stats even when the shrink guard would refuse (after an intended cleanup).")
  @Default.Boolean(false)
  @TemplateParameter(
      label = "Allow the shrink",
      regexes = Regexes.BOOLEAN,
      paramType = ParamType.BOOLEAN)
  Boolean getAllowShrink();

  void setAllowShrink(Boolean value);
}
