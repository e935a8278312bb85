-- caption_bandit_stats: Per (page, caption) bandit statistics, replaced atomically by caption_performance.
-- Generated from com.eros.common.table.Tables; TableDdlTest fails when they differ.
CREATE TABLE IF NOT EXISTS `${dataset}.caption_bandit_stats` (
  page_name STRING NOT NULL OPTIONS(description="Page"),
  caption_id INT64 NOT NULL OPTIONS(description="Caption"),
  successes INT64 NOT NULL OPTIONS(description="Sends with EMV above the page median"),
  failures INT64 NOT NULL OPTIONS(description="Sends with EMV at or below the page median"),
  total_observations INT64 NOT NULL OPTIONS(description="successes + failures"),
  effective_successes FLOAT64 NOT NULL OPTIONS(description="Decay-weighted successes"),
  effective_failures FLOAT64 NOT NULL OPTIONS(description="Decay-weighted failures"),
  confidence_lower_bound FLOAT64 NOT NULL OPTIONS(description="Wilson lower bound on effective counts"),
  confidence_upper_bound FLOAT64 NOT NULL OPTIONS(description="Wilson upper bound on effective counts"),
  posterior_alpha FLOAT64 NOT NULL OPTIONS(description="1 + effective_successes"),
  posterior_beta FLOAT64 NOT NULL OPTIONS(description="1 + effective_failures"),
  exploration_score FLOAT64 NOT NULL OPTIONS(description="1 / sqrt(n + 1)"),
  avg_emv FLOAT64 NOT NULL OPTIONS(description="Mean EMV (earnings / sent_count)"),
  last_emv_observed FLOAT64 NOT NULL OPTIONS(description="EMV of the latest send"),
  total_revenue FLOAT64 NOT NULL OPTIONS(description="Sum of earnings"),
  avg_conversion_rate FLOAT64 NOT NULL OPTIONS(description="Sum purchased / sum viewed, 0 when nothing viewed"),
  performance_percentile INT64 NOT NULL OPTIONS(description="floor(100 * percent_rank(avg_emv)) within the page"),
  last_used TIMESTAMP NOT NULL OPTIONS(description="Latest sending_time"),
  last_updated TIMESTAMP NOT NULL OPTIONS(description="asOf of the run that computed the row")
)
PARTITION BY DATE(last_updated)
CLUSTER BY page_name, caption_id;
