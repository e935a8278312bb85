package com.eros.pipelines.captionperformance;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of {@code ./eros caption-performance}: the §2 parameters ({@link CaptionStatsOptions}) and the shrink guard. */
public interface CaptionPerformanceOptions extends CaptionStatsOptions {
  @Description("Shrink guard: the run is FAILED, with a CRITICAL alert and caption_bandit_stats unchanged, when its "
      + "result covers more than this percentage fewer pages than the table does now (0-100).")
  @Default.Integer(ShrinkGuard.DEFAULT_MAX_PAGE_LOSS_PERCENT)
  Integer getMaxPageLossPercent();

  void setMaxPageLossPercent(Integer value);

  @Description("Replace caption_bandit_stats even when the shrink guard would refuse (after an intended cleanup).")
  @Default.Boolean(false)
  Boolean getAllowShrink();

  void setAllowShrink(Boolean value);
}
