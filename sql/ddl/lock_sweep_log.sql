-- lock_sweep_log: One row per lock sweep.
-- Generated from com.eros.common.table.Tables; TableDdlTest fails when they differ.
CREATE TABLE IF NOT EXISTS `${dataset}.lock_sweep_log` (
  sweep_id STRING NOT NULL OPTIONS(description="Sweep id (the run's job_id)"),
  sweep_time TIMESTAMP NOT NULL OPTIONS(description="When the sweep ran"),
  locks_expired_stale INT64 OPTIONS(description="Locks swept by the STALE rule"),
  locks_expired_past_date INT64 OPTIONS(description="Locks swept by the PAST_SEND_DATE rule"),
  total_locks_cleaned INT64 OPTIONS(description="Total swept"),
  sweep_duration_seconds FLOAT64 OPTIONS(description="Duration"),
  active_locks_after INT64 OPTIONS(description="Active locks left after the sweep"),
  recovered_by STRING OPTIONS(description="Sweep that wrote this row for an earlier sweep that released locks but died before logging them; NULL when the sweep logged itself")
)
PARTITION BY DATE(sweep_time)
CLUSTER BY sweep_time;
