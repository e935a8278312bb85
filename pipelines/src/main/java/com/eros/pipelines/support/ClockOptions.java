package com.eros.pipelines.support;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The run's clock, for backfills and tests; every options interface with a {@code --now} extends this one. */
public interface ClockOptions extends PipelineOptions {
  @Description("The run's clock as an ISO-8601 instant, e.g. 2026-11-29T11:05:00Z (for backfills and tests); "
      + "default: the current time. Refused when empty, before 2000-01-01 or more than a day after the current time.")
  String getNow();

  void setNow(String value);
}
