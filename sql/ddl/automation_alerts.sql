-- automation_alerts: Alerts raised by the pipelines and the health monitor, with their delivery outcome.
-- Generated from com.eros.common.table.Tables; TableDdlTest fails when they differ.
CREATE TABLE IF NOT EXISTS `${dataset}.automation_alerts` (
  alert_id STRING NOT NULL OPTIONS(description="Alert id"),
  alert_time TIMESTAMP NOT NULL OPTIONS(description="When raised"),
  alert_level STRING NOT NULL OPTIONS(description="CRITICAL | WARNING | INFO"),
  alert_source STRING NOT NULL OPTIONS(description="Pipeline or rule that raised it"),
  alert_message STRING OPTIONS(description="Measured value and threshold"),
  job_id STRING OPTIONS(description="Run that raised it"),
  acknowledged BOOL OPTIONS(description="Set by an operator"),
  acknowledged_at TIMESTAMP OPTIONS(description="Set by an operator"),
  acknowledged_by STRING OPTIONS(description="Set by an operator"),
  delivery_status STRING OPTIONS(description="PENDING | NOT_ROUTED | DELIVERED | PARTIAL | FAILED | SUPPRESSED"),
  delivery_detail STRING OPTIONS(description="Per-channel outcome, without secrets"),
  delivered_at TIMESTAMP OPTIONS(description="When delivery finished")
)
PARTITION BY DATE(alert_time)
CLUSTER BY alert_level, alert_source, acknowledged;
