package com.eros.pipelines.captionperformance;

import com.eros.common.time.LaTime;
import com.eros.pipelines.alerts.AlertDelivery;
import com.eros.pipelines.support.RunSettings;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The settings of one caption-performance run: the §2 parameters, the shrink guard and where alerts
 * go.
 */
public record CaptionPerformanceSettings(
    CaptionPerformanceConfig stats, ShrinkGuard guard, AlertDelivery alerts)
    implements RunSettings {
  @Override
  public Instant now() {
    return stats.asOf();
  }

  @Override
  public LocalDate executionDate() {
    return LaTime.dateOf(stats.asOf());
  }
}
