package com.eros.pipelines.healthmonitor;

import com.eros.common.warehouse.WarehouseOptions;
import com.eros.pipelines.support.ClockOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of {@code ./eros health} (the scorecard); the health monitor's options extend them. */
public interface HealthOptions extends WarehouseOptions, ClockOptions {
}
