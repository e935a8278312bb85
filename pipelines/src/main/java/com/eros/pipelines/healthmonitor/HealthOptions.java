package com.eros.pipelines.healthmonitor;

import com.eros.common.warehouse.WarehouseOptions;
import com.eros.pipelines.support.ClockOptions;

/** Options of {@code ./eros health} (the scorecard); the health monitor's options extend them. */
public interface HealthOptions extends WarehouseOptions, ClockOptions {}
