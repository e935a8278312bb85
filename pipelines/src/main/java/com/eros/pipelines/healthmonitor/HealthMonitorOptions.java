package com.eros.pipelines.healthmonitor;

import com.eros.common.template.TemplateParameter;
import com.eros.common.template.TemplateParameter.ParamType;
import com.eros.pipelines.alerts.AlertOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of the health-monitor pipeline: the scorecard's ({@link HealthOptions}) and where alerts
 * go ({@link AlertOptions}: the rules file, the channels, delivery attempts and timeouts).
 */
public interface HealthMonitorOptions extends HealthOptions, AlertOptions {
  @Description(
      "Where to publish the operations report (./eros report) after each run: gs://BUCKET/OBJECT "
          + "(or a local path); empty: no report.")
  @Default.String("")
  @TemplateParameter(
      label = "Operations report location",
      helpText =
          "A gs://BUCKET/OBJECT (e.g. gs://my-bucket/reports/eros-report.html) where the run writes the "
              + "operations report of ./eros report after its job row: one self-contained HTML file (text/html). The "
              + "worker account must be able to write there. Empty: no report.",
      regexes = "^(|gs://[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]/.*[^/])$",
      paramType = ParamType.GCS_WRITE_FILE,
      example = "gs://my-bucket/reports/eros-report.html")
  String getReportLocation();

  void setReportLocation(String value);
}
