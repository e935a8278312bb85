package com.eros.pipelines.healthmonitor;

import com.eros.pipelines.alerts.AlertOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of the health-monitor pipeline: the scorecard's ({@link HealthOptions}) and where alerts go
 * ({@link AlertOptions}: the rules file, the channels, delivery attempts and timeouts).
 */
public interface HealthMonitorOptions extends HealthOptions, AlertOptions {
  @Description("Where to publish the operations report (./eros report) after each run: gs://BUCKET/OBJECT "
      + "(or a local path); empty: no report.")
  @Default.String("")
  String getReportLocation();

  void setReportLocation(String value);
}
