package com.eros.pipelines.support;

import com.eros.common.warehouse.Warehouse;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * What every step of a run needs to know about the run itself.
 *
 * @param jobId the run's id (etl_job_runs.job_id, the rows' job_id)
 * @param writeId names the run's writes (staging tables, commit markers): the job id plus this
 *     attempt's suffix, so that a re-run of a killed run with the same job id never mixes its
 *     staged rows with the dead attempt's; Beam's retries within the attempt share it
 * @param start the run's clock (job_start_time; decisions use the pipeline's own settings)
 * @param startWallMillis wall-clock millis when the run began, for the job's real duration
 */
public record RunContext(
    String jobId,
    String writeId,
    String jobName,
    Warehouse warehouse,
    Instant start,
    long startWallMillis)
    implements Serializable {

  public RunContext {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(writeId, "writeId");
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(warehouse, "warehouse");
    Objects.requireNonNull(start, "start");
  }

  /**
   * The run's end as of now: its start plus the wall time elapsed (a fixed --now still records a
   * real duration).
   */
  public Instant elapsedEnd() {
    return start.plusMillis(Math.max(0, System.currentTimeMillis() - startWallMillis));
  }

  /** A job row of this run, ended now; the caller sets status and counts. */
  public JobRun.Builder jobRun() {
    return JobRun.builder(jobId, jobName, start).end(elapsedEnd());
  }
}
