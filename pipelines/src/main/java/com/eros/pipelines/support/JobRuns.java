package com.eros.pipelines.support;

import com.eros.common.table.Timestamps;
import com.eros.common.table.Tables;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.beam.sdk.values.Row;

/** Builds {@code etl_job_runs} rows (one per pipeline run of any pipeline). */
public final class JobRuns {
  public static final String SUCCESS = "SUCCESS";
  public static final String COMPLETED_WITH_ERRORS = "COMPLETED_WITH_ERRORS";
  public static final String COMPLETED_NO_WORK = "COMPLETED_NO_WORK";
  public static final String FAILED = "FAILED";

  private JobRuns() {}

  /** A job row; counts may be null when they do not apply to the pipeline. */
  public static Row row(
      String jobId, String jobName, Instant start, Instant end, String status, LocalDate executionDate,
      Long creatorsProcessed, Long creatorsFailed, Long creatorsSkipped, Long rowsRead, Long rowsRejected,
      String errorMessage) {
    return Row.withSchema(Tables.ETL_JOB_RUNS.schema())
        .withFieldValue("job_id", jobId)
        .withFieldValue("job_name", jobName)
        .withFieldValue("job_start_time", Timestamps.truncate(start))
        .withFieldValue("job_end_time", end == null ? null : Timestamps.truncate(end))
        .withFieldValue("job_status", status)
        .withFieldValue("execution_date", executionDate)
        .withFieldValue("creators_processed", creatorsProcessed)
        .withFieldValue("creators_failed", creatorsFailed)
        .withFieldValue("creators_skipped", creatorsSkipped)
        .withFieldValue("rows_read", rowsRead)
        .withFieldValue("rows_rejected", rowsRejected)
        .withFieldValue("error_message", errorMessage)
        .withFieldValue("job_duration_seconds", end == null ? null : (Timestamps.micros(end) - Timestamps.micros(start)) / 1e6)
        .build();
  }
}
