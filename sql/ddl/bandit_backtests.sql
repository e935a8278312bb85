-- bandit_backtests: One row per backtest run (docs/backtest.md): the caption statistics as of as_of judged on the sends of [as_of, as_of + horizon_days). Appended by ./eros backtest.
-- Generated from com.eros.common.table.Tables; TableDdlTest fails when they differ.
CREATE TABLE IF NOT EXISTS `${dataset}.bandit_backtests` (
  backtest_id STRING NOT NULL OPTIONS(description="Run id of the backtest"),
  as_of TIMESTAMP NOT NULL OPTIONS(description="T: the instant the statistics were computed at"),
  horizon_days INT64 NOT NULL OPTIONS(description="H: days (of 24 h) after T whose sends judge the statistics"),
  computed_at TIMESTAMP NOT NULL OPTIONS(description="When the backtest ran"),
  captions_scored INT64 NOT NULL OPTIONS(description="Captions with statistics at T and at least minSends sends in the horizon"),
  spearman_rank_correlation FLOAT64 OPTIONS(description="Posterior mean at T vs realised success rate: Spearman per page (average ranks), weighted by captions scored"),
  top_decile_success_rate FLOAT64 OPTIONS(description="Pooled realised success rate of each page's top decile by posterior mean"),
  bottom_decile_success_rate FLOAT64 OPTIONS(description="Pooled realised success rate of each page's bottom decile"),
  interval_coverage FLOAT64 NOT NULL OPTIONS(description="Share of scored captions whose realised rate lies in the Wilson interval at T"),
  brier_score FLOAT64 NOT NULL OPTIONS(description="Mean (posterior mean - outcome)^2 over the horizon sends of the scored captions"),
  baseline_spearman_rank_correlation FLOAT64 OPTIONS(description="As spearman_rank_correlation, ranking by the raw rate successes / total_observations")
)
PARTITION BY DATE(as_of)
CLUSTER BY horizon_days, backtest_id;
