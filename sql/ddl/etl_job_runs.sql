-- etl_job_runs: One row per pipeline run of any pipeline.
-- Generated from com.eros.common.table.Tables; TableDdlTest fails when they differ.
CREATE TABLE IF NOT EXISTS `${dataset}.etl_job_runs` (
  job_id STRING NOT NULL OPTIONS(description="Run id"),
  job_name STRING NOT NULL OPTIONS(description="caption_performance | daily_automation | lock_sweep | health_monitor | backtest"),
  job_start_time TIMESTAMP NOT NULL OPTIONS(description="Start"),
  job_end_time TIMESTAMP OPTIONS(description="End"),
  job_status STRING NOT NULL OPTIONS(description="SUCCESS | COMPLETED_WITH_ERRORS | COMPLETED_NO_WORK | FAILED"),
  execution_date DATE OPTIONS(description="Los Angeles date the run is for"),
  creators_processed INT64 OPTIONS(description="Creators processed"),
  creators_failed INT64 OPTIONS(description="Creators whose processing failed"),
  error_message STRING OPTIONS(description="Why it failed"),
  job_duration_seconds FLOAT64 OPTIONS(description="Duration"),
  rows_read INT64 OPTIONS(description="Input rows read"),
  rows_rejected INT64 OPTIONS(description="Input rows routed to rejected_rows"),
  creators_skipped INT64 OPTIONS(description="Creators skipped after the circuit breaker opened")
)
PARTITION BY DATE(job_start_time)
CLUSTER BY job_name, job_status;
