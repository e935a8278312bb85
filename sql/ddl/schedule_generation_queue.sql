-- schedule_generation_queue: Creators due a new schedule; at most one row per (page_name, execution_date).
-- Generated from com.eros.common.table.Tables; TableDdlTest fails when they differ.
CREATE TABLE IF NOT EXISTS `${dataset}.schedule_generation_queue` (
  page_name STRING NOT NULL OPTIONS(description="Page"),
  execution_date DATE NOT NULL OPTIONS(description="Los Angeles date of the run"),
  saturation_pct FLOAT64 OPTIONS(description="Caption saturation when queued"),
  volume_factor FLOAT64 OPTIONS(description="Fatigue volume factor"),
  job_id STRING OPTIONS(description="Run that queued it"),
  queued_at TIMESTAMP NOT NULL OPTIONS(description="When it was queued"),
  processed_at TIMESTAMP OPTIONS(description="Set by the schedule builder"),
  status STRING NOT NULL OPTIONS(description="PENDING -> PROCESSING -> COMPLETED | FAILED"),
  schedule_id STRING OPTIONS(description="Set by the schedule builder"),
  error_message STRING OPTIONS(description="Set by the schedule builder")
)
PARTITION BY execution_date
CLUSTER BY status, page_name;
