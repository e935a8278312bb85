-- 5. Creator failure analysis: creators whose processing failed in the last 7 Los Angeles days,
-- how often, in how many of the daily runs, and the latest error.
-- Run: sed 's/${dataset}/PROJECT.DATASET/g' sql/health/05_creator_failure_analysis.sql | bq query --use_legacy_sql=false
SELECT
  e.page_name,
  COUNT(*) AS failures,
  COUNT(DISTINCT e.job_id) AS failed_runs,
  ANY_VALUE(r.daily_runs) AS daily_runs,
  ROUND(100 * SAFE_DIVIDE(COUNT(DISTINCT e.job_id), ANY_VALUE(r.daily_runs)), 1) AS failed_in_pct_of_runs,
  COUNT(DISTINCT e.execution_date) AS failed_days,
  MIN(e.error_time) AS first_failure,
  MAX(e.error_time) AS last_failure,
  ARRAY_AGG(e.error_message IGNORE NULLS ORDER BY e.error_time DESC LIMIT 1)[SAFE_OFFSET(0)] AS last_error
FROM `${dataset}.creator_processing_errors` AS e
CROSS JOIN (
  SELECT COUNT(*) AS daily_runs
  FROM `${dataset}.etl_job_runs`
  WHERE job_name = 'daily_automation'
    AND job_start_time >= TIMESTAMP(DATE_SUB(CURRENT_DATE('America/Los_Angeles'), INTERVAL 6 DAY), 'America/Los_Angeles')
) AS r
WHERE e.error_time >= TIMESTAMP(DATE_SUB(CURRENT_DATE('America/Los_Angeles'), INTERVAL 6 DAY), 'America/Los_Angeles')
GROUP BY e.page_name
ORDER BY failures DESC, e.page_name;
