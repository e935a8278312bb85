package com.eros.pipelines.support;

import com.eros.common.table.Tables;
import com.eros.common.warehouse.WriteSpec;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes a run's {@code etl_job_runs} row, insert-if-absent by job_id: a job id names one run, so a
 * retried bundle, or a re-run of a killed run with the same id, leaves exactly one row.
 */
public final class WriteJobRun extends PTransform<PCollection<JobRun>, PCollection<Long>> {
  private final RunContext run;

  public WriteJobRun(RunContext run) {
    super("Write job row");
    this.run = run;
  }

  /** How the job row is written (also what the driver-side FAILED row respects). */
  public static WriteSpec spec() {
    return WriteSpec.insertIfAbsent("job_id");
  }

  @Override
  public PCollection<Long> expand(PCollection<JobRun> runs) {
    return runs.apply("Make job row", MapElements.into(TypeDescriptors.rows()).via(JobRun::toRow))
        .setRowSchema(Tables.ETL_JOB_RUNS.schema())
        .apply(
            "Write etl_job_runs",
            run.warehouse().write(Tables.ETL_JOB_RUNS, spec(), run.writeId(), "job_run"));
  }
}
