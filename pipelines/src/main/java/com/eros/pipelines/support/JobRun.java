package com.eros.pipelines.support;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.apache.beam.sdk.values.Row;

/**
 * One {@code etl_job_runs} row: one run of one pipeline. Built with {@link #builder} and named
 * setters; counts that do not apply to a pipeline stay null.
 */
public record JobRun(
    String jobId,
    String jobName,
    Instant start,
    Instant end,
    JobStatus status,
    LocalDate executionDate,
    Long creatorsProcessed,
    Long creatorsFailed,
    Long creatorsSkipped,
    Long rowsRead,
    Long rowsRejected,
    String errorMessage)
    implements Serializable {

  public JobRun {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(status, "status");
  }

  public static Builder builder(String jobId, String jobName, Instant start) {
    return new Builder(jobId, jobName, start);
  }

  /** Seconds from start to end; null when the run has no end. */
  public Double durationSeconds() {
    return end == null ? null : (Timestamps.micros(end) - Timestamps.micros(start)) / 1e6;
  }

  /** The row of {@link Tables#ETL_JOB_RUNS}. */
  public Row toRow() {
    return Row.withSchema(Tables.ETL_JOB_RUNS.schema())
        .withFieldValue("job_id", jobId)
        .withFieldValue("job_name", jobName)
        .withFieldValue("job_start_time", Timestamps.truncate(start))
        .withFieldValue("job_end_time", end == null ? null : Timestamps.truncate(end))
        .withFieldValue("job_status", status.name())
        .withFieldValue("execution_date", executionDate)
        .withFieldValue("creators_processed", creatorsProcessed)
        .withFieldValue("creators_failed", creatorsFailed)
        .withFieldValue("error_message", errorMessage)
        .withFieldValue("job_duration_seconds", durationSeconds())
        .withFieldValue("rows_read", rowsRead)
        .withFieldValue("rows_rejected", rowsRejected)
        .withFieldValue("creators_skipped", creatorsSkipped)
        .build();
  }

  /** Named setters for a {@link JobRun}; status defaults to SUCCESS. */
  public static final class Builder {
    private final String jobId;
    private final String jobName;
    private final Instant start;
    private Instant end;
    private JobStatus status = JobStatus.SUCCESS;
    private LocalDate executionDate;
    private Long creatorsProcessed;
    private Long creatorsFailed;
    private Long creatorsSkipped;
    private Long rowsRead;
    private Long rowsRejected;
    private String errorMessage;

    private Builder(String jobId, String jobName, Instant start) {
      this.jobId = jobId;
      this.jobName = jobName;
      this.start = start;
    }

    public Builder end(Instant value) {
      this.end = value;
      return this;
    }

    public Builder status(JobStatus value) {
      this.status = value;
      return this;
    }

    public Builder executionDate(LocalDate value) {
      this.executionDate = value;
      return this;
    }

    public Builder creators(long processed, long failed, long skipped) {
      this.creatorsProcessed = processed;
      this.creatorsFailed = failed;
      this.creatorsSkipped = skipped;
      return this;
    }

    public Builder creatorsProcessed(Long value) {
      this.creatorsProcessed = value;
      return this;
    }

    public Builder creatorsFailed(Long value) {
      this.creatorsFailed = value;
      return this;
    }

    public Builder creatorsSkipped(Long value) {
      this.creatorsSkipped = value;
      return this;
    }

    public Builder rowsRead(Long value) {
      this.rowsRead = value;
      return this;
    }

    public Builder rowsRejected(Long value) {
      this.rowsRejected = value;
      return this;
    }

    public Builder error(String value) {
      this.errorMessage = value;
      return this;
    }

    public JobRun build() {
      return new JobRun(
          jobId,
          jobName,
          start,
          end,
          status,
          executionDate,
          creatorsProcessed,
          creatorsFailed,
          creatorsSkipped,
          rowsRead,
          rowsRejected,
          errorMessage);
    }
  }
}
