-- 4. Active lock table status: active locks per page and in total (the total row has page
-- '(all pages)' and the bloat status: CRITICAL over 10000, WARNING over 5000), with locks the
-- sweep should already have released (send date before today in Los Angeles, or no send date and
-- assigned more than 7 days ago).
-- Run: sed 's/${dataset}/PROJECT.DATASET/g' sql/health/04_active_lock_table_status.sql | bq query --use_legacy_sql=false
WITH active AS (
  SELECT page_name, scheduled_send_date, assigned_at
  FROM `${dataset}.active_caption_assignments`
  WHERE is_active = TRUE
)
SELECT
  IFNULL(page_name, '(all pages)') AS page,
  COUNT(*) AS active_locks,
  COUNTIF(scheduled_send_date IS NULL) AS without_send_date,
  COUNTIF(scheduled_send_date < CURRENT_DATE('America/Los_Angeles')) AS past_send_date_not_swept,
  COUNTIF(scheduled_send_date IS NULL
    AND assigned_at < TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 7 DAY)) AS stale_not_swept,
  MIN(scheduled_send_date) AS earliest_send_date,
  MAX(scheduled_send_date) AS latest_send_date,
  IF(GROUPING(page_name) = 1,
    CASE WHEN COUNT(*) > 10000 THEN 'CRITICAL' WHEN COUNT(*) > 5000 THEN 'WARNING' ELSE 'OK' END,
    NULL) AS table_status
FROM active
GROUP BY ROLLUP (page_name)
ORDER BY GROUPING(page_name) DESC, active_locks DESC;
