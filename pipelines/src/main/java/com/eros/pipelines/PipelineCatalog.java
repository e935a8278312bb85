package com.eros.pipelines;

import com.eros.common.template.Template;
import com.eros.pipelines.backtest.BacktestPipeline;
import com.eros.pipelines.captionperformance.CaptionPerformancePipeline;
import com.eros.pipelines.dailyautomation.DailyAutomationPipeline;
import com.eros.pipelines.healthmonitor.HealthMonitorPipeline;
import com.eros.pipelines.locksweep.LockSweepPipeline;
import com.eros.pipelines.support.EtlPipeline;
import java.util.List;

/**
 * The pipelines this module ships, in the order {@code ./eros --help} lists them, and among them
 * the ones deployed as Flex Templates (those annotated {@link Template}).
 */
public final class PipelineCatalog {
  private PipelineCatalog() {}

  /**
   * Every pipeline (the four scheduled ones, then the on-demand backtest), with its production
   * channels (the environment of the process).
   */
  public static List<EtlPipeline<?, ?>> all() {
    return List.of(
        new CaptionPerformancePipeline(),
        new LockSweepPipeline(),
        new DailyAutomationPipeline(),
        new HealthMonitorPipeline(),
        new BacktestPipeline());
  }

  /** The pipelines with a Flex Template ({@code templates/<command>/metadata.json}). */
  public static List<EtlPipeline<?, ?>> templated() {
    return all().stream().filter(p -> p.getClass().isAnnotationPresent(Template.class)).toList();
  }
}
