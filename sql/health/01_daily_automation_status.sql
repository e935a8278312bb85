-- 1. Daily automation status: runs, outcomes and creator failure rate per Los Angeles day, last 7 days.
-- Corrected: Los Angeles dates; the failure rate is failed / (processed + failed), so it is 100 %
-- (not NULL) when every creator failed.
-- Run: sed 's/${dataset}/PROJECT.DATASET/g' sql/health/01_daily_automation_status.sql | bq query --use_legacy_sql=false
SELECT
  DATE(job_start_time, 'America/Los_Angeles') AS la_date,
  COUNT(*) AS runs,
  COUNTIF(job_status = 'SUCCESS') AS succeeded,
  COUNTIF(job_status = 'COMPLETED_WITH_ERRORS') AS completed_with_errors,
  COUNTIF(job_status = 'COMPLETED_NO_WORK') AS no_work,
  COUNTIF(job_status = 'FAILED') AS failed,
  ROUND(100 * SAFE_DIVIDE(COUNTIF(job_status IN ('SUCCESS', 'COMPLETED_NO_WORK')), COUNT(*)), 1) AS success_rate_pct,
  SUM(IFNULL(creators_processed, 0)) AS creators_processed,
  SUM(IFNULL(creators_failed, 0)) AS creators_failed,
  SUM(IFNULL(creators_skipped, 0)) AS creators_skipped,
  ROUND(100 * IFNULL(SAFE_DIVIDE(SUM(IFNULL(creators_failed, 0)),
    SUM(IFNULL(creators_processed, 0)) + SUM(IFNULL(creators_failed, 0))), 0), 1) AS creator_failure_rate_pct,
  ROUND(AVG(job_duration_seconds), 1) AS avg_duration_seconds,
  ARRAY_AGG(error_message IGNORE NULLS ORDER BY job_start_time DESC LIMIT 1)[SAFE_OFFSET(0)] AS last_error
FROM `${dataset}.etl_job_runs`
WHERE job_name = 'daily_automation'
  AND job_start_time >= TIMESTAMP(DATE_SUB(CURRENT_DATE('America/Los_Angeles'), INTERVAL 6 DAY), 'America/Los_Angeles')
GROUP BY la_date
ORDER BY la_date DESC;
