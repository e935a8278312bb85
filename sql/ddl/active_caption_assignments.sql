-- active_caption_assignments: Caption locks. Written by the schedule builder; the lock sweep updates only the last four columns.
-- Generated from com.eros.common.table.Tables; TableDdlTest fails when they differ.
CREATE TABLE IF NOT EXISTS `${dataset}.active_caption_assignments` (
  assignment_key STRING OPTIONS(description="Hex SHA-256 of page|caption_id|date|hour"),
  page_name STRING OPTIONS(description="Page holding the lock"),
  caption_id INT64 OPTIONS(description="Locked caption"),
  caption_text STRING OPTIONS(description="Text of the locked caption"),
  assigned_date DATE OPTIONS(description="Los Angeles date of the assignment"),
  assigned_at TIMESTAMP OPTIONS(description="When the lock was taken"),
  scheduled_send_date DATE OPTIONS(description="Planned Los Angeles send date, NULL when not planned yet"),
  scheduled_send_hour INT64 OPTIONS(description="Planned Los Angeles send hour"),
  price_tier STRING OPTIONS(description="Price tier"),
  schedule_id STRING OPTIONS(description="Schedule that took the lock"),
  is_active BOOL OPTIONS(description="True while the lock holds"),
  deactivated_at TIMESTAMP OPTIONS(description="When the sweep released it"),
  deactivation_reason STRING OPTIONS(description="PAST_SEND_DATE or STALE"),
  released_by STRING OPTIONS(description="Job id of the sweep that released the lock (the sweep adds this column)")
)
CLUSTER BY page_name, is_active;
