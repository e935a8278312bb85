-- 10. Queue status: schedule_generation_queue by Los Angeles execution date and status over the
-- last 7 days (and every PENDING row, however old), with stuck rows (PENDING for more than 24 h)
-- and the time the schedule builder takes.
-- Run: sed 's/${dataset}/PROJECT.DATASET/g' sql/health/10_queue_status.sql | bq query --use_legacy_sql=false
SELECT
  execution_date,
  status,
  COUNT(*) AS queue_rows,
  ROUND(AVG(saturation_pct), 1) AS avg_saturation_pct,
  ROUND(AVG(volume_factor), 2) AS avg_volume_factor,
  MIN(queued_at) AS first_queued,
  MAX(processed_at) AS last_processed,
  COUNTIF(status = 'PENDING' AND queued_at < TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 24 HOUR)) AS stuck_pending,
  ROUND(MAX(IF(status = 'PENDING', TIMESTAMP_DIFF(CURRENT_TIMESTAMP(), queued_at, SECOND) / 3600, NULL)), 1)
    AS oldest_pending_hours,
  ROUND(AVG(IF(processed_at IS NOT NULL, TIMESTAMP_DIFF(processed_at, queued_at, SECOND) / 60, NULL)), 1)
    AS avg_minutes_to_process,
  COUNTIF(error_message IS NOT NULL) AS with_errors
FROM `${dataset}.schedule_generation_queue`
WHERE execution_date >= DATE_SUB(CURRENT_DATE('America/Los_Angeles'), INTERVAL 6 DAY)
  OR status = 'PENDING'
GROUP BY execution_date, status
ORDER BY execution_date DESC, status;
