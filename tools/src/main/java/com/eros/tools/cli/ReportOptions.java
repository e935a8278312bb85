package com.eros.tools.cli;

import com.eros.pipelines.healthmonitor.HealthOptions;
import com.eros.pipelines.report.ReportWindow;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of {@code ./eros report} (with --warehouse and --now of the health scorecard). */
public interface ReportOptions extends HealthOptions {
  @Description("The HTML file to write: a local path or gs://BUCKET/OBJECT.")
  @Default.String("eros-report.html")
  String getOut();

  void setOut(String value);

  @Description("How many Los Angeles days the report covers, up to and including today (1-366).")
  @Default.Integer(ReportWindow.DEFAULT_DAYS)
  Integer getDays();

  void setDays(Integer value);
}
