-- 8. Execution time trends: per pipeline and Los Angeles day over 30 days: runs, mean and longest
-- duration, rows read and creators processed; daily runs slower than 600 s are counted.
-- Run: sed 's/${dataset}/PROJECT.DATASET/g' sql/health/08_execution_time_trends.sql | bq query --use_legacy_sql=false
SELECT
  DATE(job_start_time, 'America/Los_Angeles') AS la_date,
  job_name,
  COUNT(*) AS runs,
  ROUND(AVG(job_duration_seconds), 1) AS avg_duration_seconds,
  ROUND(MAX(job_duration_seconds), 1) AS max_duration_seconds,
  SUM(IFNULL(rows_read, 0)) AS rows_read,
  SUM(IFNULL(rows_rejected, 0)) AS rows_rejected,
  SUM(IFNULL(creators_processed, 0)) AS creators_processed,
  COUNTIF(job_name = 'daily_automation' AND job_duration_seconds > 600) AS slow_daily_runs
FROM `${dataset}.etl_job_runs`
WHERE job_start_time >= TIMESTAMP(DATE_SUB(CURRENT_DATE('America/Los_Angeles'), INTERVAL 29 DAY), 'America/Los_Angeles')
GROUP BY la_date, job_name
ORDER BY la_date DESC, job_name;
