package com.eros.pipelines.support;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** The validated parameters of one run of a pipeline: at least its clock and the date it is for. */
public interface RunSettings extends Serializable {
  /** The run's "now" (job_start_time; the instant its decisions are made at). */
  Instant now();

  /** The Los Angeles date the run is for (etl_job_runs.execution_date). */
  LocalDate executionDate();
}
