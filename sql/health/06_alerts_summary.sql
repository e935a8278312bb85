-- 6. Alerts summary: alerts of the last 7 Los Angeles days by level and source, unacknowledged ones,
-- and how their delivery went (DELIVERED, PARTIAL/FAILED, NOT_ROUTED, SUPPRESSED by a pipeline alert's cooldown).
-- Run: sed 's/${dataset}/PROJECT.DATASET/g' sql/health/06_alerts_summary.sql | bq query --use_legacy_sql=false
SELECT
  alert_level,
  alert_source,
  COUNT(*) AS alerts,
  COUNTIF(IFNULL(acknowledged, FALSE) = FALSE) AS unacknowledged,
  COUNTIF(delivery_status = 'DELIVERED') AS delivered,
  COUNTIF(delivery_status IN ('FAILED', 'PARTIAL')) AS delivery_failed,
  COUNTIF(delivery_status = 'NOT_ROUTED') AS not_routed,
  COUNTIF(delivery_status = 'SUPPRESSED') AS suppressed_by_cooldown,
  COUNTIF(delivery_status = 'PENDING') AS delivery_pending,
  MIN(alert_time) AS first_alert,
  MAX(alert_time) AS last_alert,
  ARRAY_AGG(alert_message IGNORE NULLS ORDER BY alert_time DESC LIMIT 1)[SAFE_OFFSET(0)] AS last_message
FROM `${dataset}.automation_alerts`
WHERE alert_time >= TIMESTAMP(DATE_SUB(CURRENT_DATE('America/Los_Angeles'), INTERVAL 6 DAY), 'America/Los_Angeles')
GROUP BY alert_level, alert_source
ORDER BY CASE alert_level WHEN 'CRITICAL' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, alerts DESC;
