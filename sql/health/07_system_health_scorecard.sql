-- 7. System health scorecard: every alert rule of docs/health-and-alerts.md with its measured value, the
-- default threshold of the built-in rules and the level it is at (the health-monitor pipeline
-- evaluates the configured rules and raises the alerts; this is the read-only view).
-- Corrected: freshness from etl_job_runs; failure rate over processed + failed (100 % when every
-- creator failed); "never ran" counts as not run.
-- Run: sed 's/${dataset}/PROJECT.DATASET/g' sql/health/07_system_health_scorecard.sql | bq query --use_legacy_sql=false
WITH runs AS (
  SELECT job_name, job_start_time, job_status, creators_processed, creators_failed, job_duration_seconds
  FROM `${dataset}.etl_job_runs`
  WHERE job_start_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 8 DAY)
    AND job_start_time <= CURRENT_TIMESTAMP()
),
sweeps AS (
  SELECT sweep_time, total_locks_cleaned
  FROM `${dataset}.lock_sweep_log`
  WHERE sweep_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 8 DAY)
    AND sweep_time <= CURRENT_TIMESTAMP()
),
sweep_times AS (
  SELECT job_start_time AS swept_at FROM runs WHERE job_name = 'lock_sweep' AND job_status != 'FAILED'
  UNION ALL
  SELECT sweep_time AS swept_at FROM sweeps
),
daily_24h AS (
  SELECT
    COUNTIF(job_status = 'FAILED') AS failed_runs,
    SUM(IFNULL(creators_processed, 0)) AS processed,
    SUM(IFNULL(creators_failed, 0)) AS failed,
    AVG(job_duration_seconds) AS mean_duration_seconds
  FROM runs
  WHERE job_name = 'daily_automation' AND job_start_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 24 HOUR)
),
m AS (
  SELECT
    d.failed_runs AS failed_daily_runs,
    TIMESTAMP_DIFF(CURRENT_TIMESTAMP(),
      (SELECT MAX(job_start_time) FROM runs WHERE job_name = 'daily_automation'), SECOND) / 3600 AS hours_since_daily_run,
    TIMESTAMP_DIFF(CURRENT_TIMESTAMP(),
      (SELECT MAX(job_start_time) FROM runs WHERE job_name = 'caption_performance' AND job_status = 'SUCCESS'),
      SECOND) / 3600 AS hours_since_performance_success,
    TIMESTAMP_DIFF(CURRENT_TIMESTAMP(), (SELECT MAX(swept_at) FROM sweep_times), SECOND) / 3600 AS hours_since_lock_sweep,
    (SELECT COUNT(*) FROM `${dataset}.active_caption_assignments` WHERE is_active = TRUE) AS active_locks,
    100 * SAFE_DIVIDE(d.failed, d.processed + d.failed) AS creator_failure_pct,
    (SELECT AVG(IFNULL(total_locks_cleaned, 0)) FROM sweeps
      WHERE sweep_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 6 HOUR)) AS mean_locks_swept_per_sweep,
    d.mean_duration_seconds AS mean_daily_duration_seconds,
    (SELECT TIMESTAMP_DIFF(CURRENT_TIMESTAMP(), MIN(queued_at), SECOND) / 3600
      FROM `${dataset}.schedule_generation_queue`
      WHERE status = 'PENDING' AND queued_at <= CURRENT_TIMESTAMP()) AS oldest_pending_queue_hours
  FROM daily_24h AS d
),
checks AS (
  SELECT 'daily_automation_failure' AS rule, CAST(failed_daily_runs AS FLOAT64) AS measured,
    'CRITICAL > 0 FAILED runs in 24 h' AS threshold,
    IF(failed_daily_runs > 0, 'CRITICAL', 'OK') AS level
  FROM m
  UNION ALL
  SELECT 'daily_automation_not_run', hours_since_daily_run, 'CRITICAL > 28 h (or none in 8 days)',
    IF(hours_since_daily_run IS NULL OR hours_since_daily_run > 28, 'CRITICAL', 'OK')
  FROM m
  UNION ALL
  SELECT 'performance_feedback_stale', hours_since_performance_success, 'CRITICAL > 12 h, WARNING > 8 h',
    CASE
      WHEN hours_since_performance_success IS NULL OR hours_since_performance_success > 12 THEN 'CRITICAL'
      WHEN hours_since_performance_success > 8 THEN 'WARNING'
      ELSE 'OK'
    END
  FROM m
  UNION ALL
  SELECT 'lock_sweep_not_run', hours_since_lock_sweep, 'WARNING > 2 h',
    IF(hours_since_lock_sweep IS NULL OR hours_since_lock_sweep > 2, 'WARNING', 'OK')
  FROM m
  UNION ALL
  SELECT 'lock_table_bloat', CAST(active_locks AS FLOAT64), 'CRITICAL > 10000, WARNING > 5000',
    CASE WHEN active_locks > 10000 THEN 'CRITICAL' WHEN active_locks > 5000 THEN 'WARNING' ELSE 'OK' END
  FROM m
  UNION ALL
  SELECT 'high_creator_failure_rate', creator_failure_pct, 'WARNING > 10 % of processed + failed in 24 h',
    IF(IFNULL(creator_failure_pct > 10, FALSE), 'WARNING', 'OK')
  FROM m
  UNION ALL
  SELECT 'lock_cleanup_high_volume', mean_locks_swept_per_sweep, 'WARNING > 100 per sweep over 6 h',
    IF(IFNULL(mean_locks_swept_per_sweep > 100, FALSE), 'WARNING', 'OK')
  FROM m
  UNION ALL
  SELECT 'slow_automation_execution', mean_daily_duration_seconds, 'WARNING > 600 s mean over 24 h',
    IF(IFNULL(mean_daily_duration_seconds > 600, FALSE), 'WARNING', 'OK')
  FROM m
  UNION ALL
  SELECT 'queue_stuck', oldest_pending_queue_hours, 'WARNING > 24 h for the oldest PENDING row',
    IF(IFNULL(oldest_pending_queue_hours > 24, FALSE), 'WARNING', 'OK')
  FROM m
)
SELECT rule, ROUND(measured, 1) AS measured, threshold, level
FROM checks
ORDER BY CASE level WHEN 'CRITICAL' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, rule;
