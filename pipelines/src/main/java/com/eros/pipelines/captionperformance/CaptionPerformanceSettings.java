package com.eros.pipelines.captionperformance;

import com.eros.common.time.LaTime;
import com.eros.pipelines.support.RunSettings;
import java.time.Instant;
import java.time.LocalDate;

/** The settings of one caption-performance run: the §2 parameters and the shrink guard. */
public record CaptionPerformanceSettings(CaptionPerformanceConfig stats, ShrinkGuard guard) implements RunSettings {
  @Override
  public Instant now() {
    return stats.asOf();
  }

  @Override
  public LocalDate executionDate() {
    return LaTime.dateOf(stats.asOf());
  }
}
