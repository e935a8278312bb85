-- creator_performance_profiles: Per (page, execution_date) creator analysis written by daily_automation.
-- Generated from com.eros.common.table.Tables; TableDdlTest fails when they differ.
CREATE TABLE IF NOT EXISTS `${dataset}.creator_performance_profiles` (
  page_name STRING NOT NULL OPTIONS(description="Page"),
  execution_date DATE NOT NULL OPTIONS(description="Los Angeles date of the run"),
  job_id STRING OPTIONS(description="Run that wrote the row"),
  message_count INT64 OPTIONS(description="Valid messages in the analysis window"),
  total_revenue FLOAT64 OPTIONS(description="Sum of earnings"),
  rpr FLOAT64 OPTIONS(description="Revenue per recipient: sum earnings / sum sent"),
  view_rate FLOAT64 OPTIONS(description="Sum viewed / sum sent"),
  conversion_rate FLOAT64 OPTIONS(description="Sum purchased / sum viewed"),
  size_tier STRING OPTIONS(description="MICRO | SMALL | MEDIUM | LARGE | MEGA"),
  segment STRING OPTIONS(description="EXPLORATORY | BUDGET | STANDARD | PREMIUM | LUXURY"),
  best_hour_1 INT64 OPTIONS(description="Best Los Angeles send hour by RPR"),
  best_hour_2 INT64 OPTIONS(description="Second best hour"),
  best_hour_3 INT64 OPTIONS(description="Third best hour"),
  best_weekday STRING OPTIONS(description="Best Los Angeles weekday by RPR"),
  recent_view_rate FLOAT64 OPTIONS(description="View rate over the last 7 days"),
  baseline_view_rate FLOAT64 OPTIONS(description="View rate over the 30 days before those"),
  recent_rpr FLOAT64 OPTIONS(description="RPR over the last 7 days"),
  baseline_rpr FLOAT64 OPTIONS(description="RPR over the 30 days before those"),
  last_3_days_below_baseline BOOL OPTIONS(description="Each of D-1, D-2, D-3 had messages with RPR below baseline_rpr"),
  fatigue_score FLOAT64 OPTIONS(description="0..1"),
  fatigue_risk STRING OPTIONS(description="LOW | MEDIUM | HIGH"),
  volume_factor FLOAT64 OPTIONS(description="1.0 | 0.85 | 0.70"),
  caption_pool_size INT64 OPTIONS(description="Active captions visible to the page"),
  captions_unavailable INT64 OPTIONS(description="Pool captions locked within the cooldown"),
  saturation_pct FLOAT64 OPTIONS(description="100 * unavailable / pool"),
  computed_at TIMESTAMP OPTIONS(description="When the row was computed")
)
PARTITION BY execution_date
CLUSTER BY page_name;
