package com.eros.pipelines.support;

/** {@code etl_job_runs.job_status}. */
public enum JobStatus {
  SUCCESS,
  COMPLETED_WITH_ERRORS,
  COMPLETED_NO_WORK,
  FAILED
}
