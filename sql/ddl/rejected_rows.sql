-- rejected_rows: Dead letters: input rows that failed validation, with the rule that failed.
-- Generated from com.eros.common.table.Tables; TableDdlTest fails when they differ.
CREATE TABLE IF NOT EXISTS `${dataset}.rejected_rows` (
  job_id STRING NOT NULL OPTIONS(description="Run that first rejected the row"),
  job_name STRING NOT NULL OPTIONS(description="Pipeline"),
  source_table STRING NOT NULL OPTIONS(description="Table the row came from"),
  row_key STRING OPTIONS(description="Key of the row in its table (message_id), when it has one"),
  page_name STRING OPTIONS(description="Page of the row, when it has one"),
  row_fingerprint STRING OPTIONS(description="SHA-256 of the row's JSON and its occurrence among identical rows: one dead letter per bad row"),
  reason STRING NOT NULL OPTIONS(description="The validity rule that failed"),
  payload STRING OPTIONS(description="The row as JSON"),
  rejected_at TIMESTAMP NOT NULL OPTIONS(description="When")
)
PARTITION BY DATE(rejected_at)
CLUSTER BY job_name, source_table;
