-- 2. Performance feedback health: how fresh caption_performance is (its last successful run in
-- etl_job_runs, CRITICAL over 12 h, WARNING over 8 h) and, per creator, its caption statistics
-- against its latest message.
-- Corrected: freshness from etl_job_runs, not from caption_bandit_stats.last_updated.
-- Run: sed 's/${dataset}/PROJECT.DATASET/g' sql/health/02_performance_feedback_health.sql | bq query --use_legacy_sql=false
WITH last_success AS (
  SELECT MAX(job_start_time) AS last_success_time
  FROM `${dataset}.etl_job_runs`
  WHERE job_name = 'caption_performance' AND job_status = 'SUCCESS'
    AND job_start_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY)
),
stats AS (
  SELECT
    page_name,
    COUNT(*) AS captions_tracked,
    SUM(total_observations) AS observations,
    MAX(last_used) AS last_caption_send,
    MAX(last_updated) AS stats_as_of
  FROM `${dataset}.caption_bandit_stats`
  GROUP BY page_name
),
sends AS (
  SELECT page_name, MAX(sending_time) AS last_message
  FROM `${dataset}.mass_messages`
  WHERE sending_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY)
  GROUP BY page_name
)
SELECT
  COALESCE(s.page_name, m.page_name) AS page_name,
  l.last_success_time,
  ROUND(TIMESTAMP_DIFF(CURRENT_TIMESTAMP(), l.last_success_time, SECOND) / 3600, 1) AS hours_since_performance_success,
  CASE
    WHEN l.last_success_time IS NULL
      OR TIMESTAMP_DIFF(CURRENT_TIMESTAMP(), l.last_success_time, SECOND) > 12 * 3600 THEN 'CRITICAL'
    WHEN TIMESTAMP_DIFF(CURRENT_TIMESTAMP(), l.last_success_time, SECOND) > 8 * 3600 THEN 'WARNING'
    ELSE 'OK'
  END AS freshness,
  s.captions_tracked,
  s.observations,
  s.last_caption_send,
  s.stats_as_of,
  m.last_message,
  ROUND(TIMESTAMP_DIFF(CURRENT_TIMESTAMP(), m.last_message, SECOND) / 3600, 1) AS hours_since_last_message,
  m.last_message IS NOT NULL AND s.page_name IS NULL AS sends_without_statistics
FROM stats AS s
FULL OUTER JOIN sends AS m ON m.page_name = s.page_name
CROSS JOIN last_success AS l
ORDER BY sends_without_statistics DESC, page_name;
