-- 3. Lock cleanup efficiency: sweeps per Los Angeles day over 7 days, locks swept by rule, mean per
-- sweep, high-volume sweeps (> 1000) and the longest gap between two sweeps.
-- Run: sed 's/${dataset}/PROJECT.DATASET/g' sql/health/03_lock_cleanup_efficiency.sql | bq query --use_legacy_sql=false
WITH sweeps AS (
  SELECT
    sweep_time,
    DATE(sweep_time, 'America/Los_Angeles') AS la_date,
    IFNULL(locks_expired_stale, 0) AS stale,
    IFNULL(locks_expired_past_date, 0) AS past_send_date,
    IFNULL(total_locks_cleaned, 0) AS swept,
    sweep_duration_seconds,
    active_locks_after,
    TIMESTAMP_DIFF(sweep_time, LAG(sweep_time) OVER (ORDER BY sweep_time), SECOND) / 3600 AS hours_since_previous
  FROM `${dataset}.lock_sweep_log`
  WHERE sweep_time >= TIMESTAMP(DATE_SUB(CURRENT_DATE('America/Los_Angeles'), INTERVAL 6 DAY), 'America/Los_Angeles')
)
SELECT
  la_date,
  COUNT(*) AS sweeps,
  SUM(swept) AS locks_swept,
  SUM(past_send_date) AS past_send_date,
  SUM(stale) AS stale,
  ROUND(AVG(swept), 1) AS mean_swept_per_sweep,
  MAX(swept) AS max_swept_in_one_sweep,
  COUNTIF(swept > 1000) AS high_volume_sweeps,
  ROUND(AVG(sweep_duration_seconds), 2) AS avg_duration_seconds,
  MAX(active_locks_after) AS max_active_locks_after,
  ROUND(MAX(hours_since_previous), 1) AS longest_gap_hours
FROM sweeps
GROUP BY la_date
ORDER BY la_date DESC;
