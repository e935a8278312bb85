package com.eros.common.warehouse;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The option every pipeline shares: where the tables live. */
public interface WarehouseOptions extends PipelineOptions {
  @Description(
      "Where the tables live: duckdb:PATH (an embedded DuckDB file, created when absent; the folder must exist) "
          + "or bigquery:PROJECT.DATASET (production).")
  @Default.String(Warehouses.DEFAULT_SPEC)
  String getWarehouse();

  void setWarehouse(String value);

  @Description("Run id written to etl_job_runs and used to name staging tables; default: a new random id.")
  String getJobId();

  void setJobId(String value);
}
