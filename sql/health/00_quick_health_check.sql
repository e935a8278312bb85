-- Quick health check: the six checks of `./eros health`, as one row of ✓/✗ with the measured values.
-- Corrected from the original guide: freshness comes from etl_job_runs (the last successful
-- caption_performance run), not from caption_bandit_stats.last_updated; the sweep and failure checks
-- are added.
-- Run: sed 's/${dataset}/PROJECT.DATASET/g' sql/health/00_quick_health_check.sql | bq query --use_legacy_sql=false
WITH runs AS (
  SELECT job_name, job_start_time, job_status
  FROM `${dataset}.etl_job_runs`
  WHERE job_start_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 8 DAY)
    AND job_start_time <= CURRENT_TIMESTAMP()
),
sweep_times AS (
  SELECT job_start_time AS swept_at FROM runs WHERE job_name = 'lock_sweep' AND job_status != 'FAILED'
  UNION ALL
  SELECT sweep_time AS swept_at
  FROM `${dataset}.lock_sweep_log`
  WHERE sweep_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 8 DAY)
    AND sweep_time <= CURRENT_TIMESTAMP()
),
metrics AS (
  SELECT
    TIMESTAMP_DIFF(CURRENT_TIMESTAMP(),
      (SELECT MAX(job_start_time) FROM runs WHERE job_name = 'daily_automation'), SECOND) / 3600 AS hours_since_automation,
    TIMESTAMP_DIFF(CURRENT_TIMESTAMP(),
      (SELECT MAX(job_start_time) FROM runs WHERE job_name = 'caption_performance' AND job_status = 'SUCCESS'),
      SECOND) / 3600 AS hours_since_performance,
    TIMESTAMP_DIFF(CURRENT_TIMESTAMP(), (SELECT MAX(swept_at) FROM sweep_times), SECOND) / 3600 AS hours_since_sweep,
    (SELECT COUNT(*) FROM `${dataset}.active_caption_assignments` WHERE is_active = TRUE) AS active_locks,
    (SELECT COUNT(*) FROM runs
      WHERE job_name = 'daily_automation' AND job_status = 'FAILED'
        AND job_start_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 7 DAY)) AS failed_daily_runs_7d,
    (SELECT COUNT(*) FROM `${dataset}.automation_alerts`
      WHERE alert_level = 'CRITICAL' AND IFNULL(acknowledged, FALSE) = FALSE
        AND alert_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 24 HOUR)
        AND alert_time <= CURRENT_TIMESTAMP()) AS unacknowledged_critical_24h
)
SELECT
  IF(IFNULL(hours_since_automation <= 28, FALSE), '✓', '✗') AS daily_automation,
  IF(IFNULL(hours_since_performance <= 8, FALSE), '✓', '✗') AS performance_updates,
  IF(IFNULL(hours_since_sweep <= 2, FALSE), '✓', '✗') AS lock_sweep,
  IF(active_locks <= 10000, '✓', '✗') AS lock_table,
  IF(failed_daily_runs_7d = 0, '✓', '✗') AS no_failed_daily_run,
  IF(unacknowledged_critical_24h = 0, '✓', '✗') AS no_unacknowledged_critical,
  ROUND(hours_since_automation, 1) AS hours_since_automation,
  ROUND(hours_since_performance, 1) AS hours_since_performance,
  ROUND(hours_since_sweep, 1) AS hours_since_sweep,
  active_locks,
  failed_daily_runs_7d,
  unacknowledged_critical_24h
FROM metrics;
