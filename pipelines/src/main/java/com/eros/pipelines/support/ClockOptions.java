package com.eros.pipelines.support;

import com.eros.common.template.Regexes;
import com.eros.common.template.TemplateParameter;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The run's clock, for backfills and tests; every options interface with a {@code --now} extends
 * this one.
 */
public interface ClockOptions extends PipelineOptions {
  @Description(
      "The run's clock as an ISO-8601 instant, e.g. 2026-11-29T11:05:00Z (for backfills and tests); "
          + "default: the current time. Refused when empty, before 2000-01-01 or more than a day after the current time.")
  @TemplateParameter(
      label = "Run clock",
      helpText =
          "The run's clock, ISO-8601 in UTC (for backfills and re-runs); Los Angeles dates are taken from it. "
              + "Leave it out for the current time (what the schedule does).",
      regexes = Regexes.INSTANT_UTC,
      example = "2026-11-29T11:05:00Z")
  String getNow();

  void setNow(String value);
}
