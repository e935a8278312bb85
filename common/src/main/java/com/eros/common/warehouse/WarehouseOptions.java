package com.eros.common.warehouse;

import com.eros.common.template.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The option every pipeline shares: where the tables live. */
public interface WarehouseOptions extends PipelineOptions {
  @Description(
      "Where the tables live: duckdb:PATH (an embedded DuckDB file, created when absent; the folder must exist) "
          + "or bigquery:PROJECT.DATASET (production).")
  @Default.String(Warehouses.DEFAULT_SPEC)
  @TemplateParameter(
      label = "Warehouse (BigQuery dataset)",
      helpText =
          "The BigQuery dataset that holds the EROS tables, as bigquery:PROJECT.DATASET. Required on Dataflow: "
              + "the local default (an embedded DuckDB file) would be a separate file on each worker.",
      regexes =
          "^bigquery:([a-z][a-z0-9.-]*[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]\\.[A-Za-z0-9_]{1,1024}$",
      optional = false,
      example = "bigquery:my-project.eros_scheduling_brain")
  String getWarehouse();

  void setWarehouse(String value);

  @Description(
      "Run id written to etl_job_runs and used to name staging tables; default: a new random id.")
  @TemplateParameter(
      label = "Run id",
      helpText =
          "Id of this run, written to etl_job_runs and used to name staging tables (letters, digits, '.', '_', '-'; "
              + "up to 128 characters). Default: a new random id per run; leave it out in schedules.",
      regexes = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$",
      example = "2026-11-29_daily-automation_backfill")
  String getJobId();

  void setJobId(String value);
}
