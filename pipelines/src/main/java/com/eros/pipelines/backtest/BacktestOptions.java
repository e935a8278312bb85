package com.eros.pipelines.backtest;

import com.eros.pipelines.alerts.AlertOptions;
import com.eros.pipelines.captionperformance.CaptionStatsOptions;
import com.eros.pipelines.support.ClockOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of {@code ./eros backtest}. The §2 parameters ({@code --asOf}, which is T here and
 * required, {@code --medianWindowDays}, {@code --statsWindowDays}, {@code --halfLifeDays}, {@code
 * --z}) are caption-performance's own ({@link CaptionStatsOptions}): one definition, so a backtest
 * judges exactly what caption-performance computes with the same values. {@code --now} (the run's
 * clock: computed_at, and T + H may not be after it) defaults to the current time. The alert
 * channels ({@link AlertOptions}) receive the CRITICAL alert of a run that breaks, as for every
 * pipeline.
 */
public interface BacktestOptions extends CaptionStatsOptions, ClockOptions, AlertOptions {
  @Description(
      "H: days (of 24 h) after --asOf whose sends judge the statistics: [asOf, asOf + H). Required.")
  Integer getHorizonDays();

  void setHorizonDays(Integer value);

  @Description("A caption is scored when it has at least this many valid sends in the horizon.")
  @Default.Integer(BacktestConfig.DEFAULT_MIN_SENDS)
  Integer getMinSends();

  void setMinSends(Integer value);
}
