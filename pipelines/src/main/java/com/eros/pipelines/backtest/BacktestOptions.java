package com.eros.pipelines.backtest;

import com.eros.pipelines.captionperformance.CaptionPerformanceOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of {@code ./eros backtest}. The §2 parameters ({@code --asOf}, which is T here and
 * required, {@code --medianWindowDays}, {@code --statsWindowDays}, {@code --halfLifeDays},
 * {@code --z}) are inherited from {@link CaptionPerformanceOptions}: one definition, so a backtest
 * judges exactly what caption-performance would compute with the same values.
 */
public interface BacktestOptions extends CaptionPerformanceOptions {
  @Description("H: days (of 24 h) after --asOf whose sends judge the statistics: [asOf, asOf + H). Required.")
  Integer getHorizonDays();

  void setHorizonDays(Integer value);

  @Description("A caption is scored when it has at least this many valid sends in the horizon.")
  @Default.Integer(BacktestConfig.DEFAULT_MIN_SENDS)
  Integer getMinSends();

  void setMinSends(Integer value);
}
