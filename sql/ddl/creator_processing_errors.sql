-- creator_processing_errors: A creator whose processing failed in a run.
-- Generated from com.eros.common.table.Tables; TableDdlTest fails when they differ.
CREATE TABLE IF NOT EXISTS `${dataset}.creator_processing_errors` (
  job_id STRING NOT NULL OPTIONS(description="Run id"),
  page_name STRING NOT NULL OPTIONS(description="Page"),
  execution_date DATE OPTIONS(description="Los Angeles date of the run"),
  error_message STRING OPTIONS(description="What failed"),
  error_time TIMESTAMP NOT NULL OPTIONS(description="When")
)
PARTITION BY DATE(error_time)
CLUSTER BY job_id, page_name;
