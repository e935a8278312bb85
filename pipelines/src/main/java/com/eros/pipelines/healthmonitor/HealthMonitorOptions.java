package com.eros.pipelines.healthmonitor;

import com.eros.pipelines.alerts.AlertOptions;

/**
 * Options of the health-monitor pipeline: the scorecard's ({@link HealthOptions}) and where alerts go
 * ({@link AlertOptions}: the rules file, the channels, delivery attempts and timeouts).
 */
public interface HealthMonitorOptions extends HealthOptions, AlertOptions {}
