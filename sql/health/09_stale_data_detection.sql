-- 9. Stale data detection: active creators (a message with recipients in the last 30 Los Angeles
-- days) whose metrics are behind: no creator profile, a profile older than yesterday (Los Angeles),
-- or no caption statistics.
-- Run: sed 's/${dataset}/PROJECT.DATASET/g' sql/health/09_stale_data_detection.sql | bq query --use_legacy_sql=false
WITH active AS (
  SELECT page_name, MAX(sending_time) AS last_message, COUNT(*) AS messages_30d
  FROM `${dataset}.mass_messages`
  WHERE sending_time >= TIMESTAMP(DATE_SUB(CURRENT_DATE('America/Los_Angeles'), INTERVAL 30 DAY), 'America/Los_Angeles')
    AND sending_time < TIMESTAMP(CURRENT_DATE('America/Los_Angeles'), 'America/Los_Angeles')
    AND page_name IS NOT NULL AND page_name != ''
    AND sent_count >= 1
  GROUP BY page_name
),
profiles AS (
  SELECT page_name, MAX(execution_date) AS last_profile_date
  FROM `${dataset}.creator_performance_profiles`
  WHERE execution_date >= DATE_SUB(CURRENT_DATE('America/Los_Angeles'), INTERVAL 90 DAY)
  GROUP BY page_name
),
stats AS (
  SELECT page_name, COUNT(*) AS captions_tracked, MAX(last_used) AS last_caption_send
  FROM `${dataset}.caption_bandit_stats`
  GROUP BY page_name
)
SELECT
  a.page_name,
  a.messages_30d,
  a.last_message,
  p.last_profile_date,
  DATE_DIFF(CURRENT_DATE('America/Los_Angeles'), p.last_profile_date, DAY) AS profile_days_behind,
  IFNULL(s.captions_tracked, 0) AS captions_tracked,
  s.last_caption_send,
  ARRAY_TO_STRING([
    IF(p.last_profile_date IS NULL, 'no creator profile', NULL),
    IF(p.last_profile_date < DATE_SUB(CURRENT_DATE('America/Los_Angeles'), INTERVAL 1 DAY), 'profile older than yesterday', NULL),
    IF(s.captions_tracked IS NULL, 'no caption statistics', NULL)], '; ') AS problems
FROM active AS a
LEFT JOIN profiles AS p ON p.page_name = a.page_name
LEFT JOIN stats AS s ON s.page_name = a.page_name
WHERE p.last_profile_date IS NULL
  OR p.last_profile_date < DATE_SUB(CURRENT_DATE('America/Los_Angeles'), INTERVAL 1 DAY)
  OR s.captions_tracked IS NULL
ORDER BY a.messages_30d DESC, a.page_name;
