-- bandit_backtest_pages: Per-page detail of a backtest: one row per (backtest_id, page_name) with a scored caption.
-- Generated from com.eros.common.table.Tables; TableDdlTest fails when they differ.
CREATE TABLE IF NOT EXISTS `${dataset}.bandit_backtest_pages` (
  backtest_id STRING NOT NULL OPTIONS(description="Run id of the backtest (bandit_backtests.backtest_id)"),
  as_of TIMESTAMP NOT NULL OPTIONS(description="T"),
  horizon_days INT64 NOT NULL OPTIONS(description="H"),
  page_name STRING NOT NULL OPTIONS(description="Page"),
  captions_scored INT64 NOT NULL OPTIONS(description="Captions of the page scored"),
  horizon_sends INT64 NOT NULL OPTIONS(description="Horizon sends of the scored captions"),
  median_emv FLOAT64 NOT NULL OPTIONS(description="Page median EMV as of T: the success threshold of the horizon sends"),
  spearman_rank_correlation FLOAT64 OPTIONS(description="Posterior mean vs realised rate; NULL below two captions or without variation"),
  baseline_spearman_rank_correlation FLOAT64 OPTIONS(description="Raw success rate vs realised rate"),
  top_decile_success_rate FLOAT64 OPTIONS(description="Realised success rate of the page's top decile"),
  bottom_decile_success_rate FLOAT64 OPTIONS(description="Realised success rate of the page's bottom decile"),
  top_decile_mean_emv FLOAT64 OPTIONS(description="Mean EMV per horizon send of the top decile"),
  bottom_decile_mean_emv FLOAT64 OPTIONS(description="Mean EMV per horizon send of the bottom decile"),
  interval_coverage FLOAT64 NOT NULL OPTIONS(description="Share of the page's scored captions inside their Wilson interval"),
  brier_score FLOAT64 NOT NULL OPTIONS(description="Brier score of the page's horizon sends")
)
PARTITION BY DATE(as_of)
CLUSTER BY backtest_id, page_name;
