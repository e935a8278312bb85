package com.eros.pipelines.healthmonitor;

import com.eros.common.warehouse.WarehouseOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of {@code ./eros health} (the scorecard); the health monitor's options extend them. */
public interface HealthOptions extends WarehouseOptions {
  @Description("The instant to evaluate at, ISO-8601 (e.g. 2026-11-29T12:00:00Z); empty: the current time.")
  @Default.String("")
  String getNow();

  void setNow(String value);
}
