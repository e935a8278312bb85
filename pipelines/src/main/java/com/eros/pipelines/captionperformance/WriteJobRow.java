package com.eros.pipelines.captionperformance;

import com.eros.common.table.Tables;
import com.eros.common.time.Clock;
import com.eros.common.time.LaTime;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WriteSpec;
import com.eros.pipelines.support.JobRuns;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Sums the per-page tallies and, once every write signal has fired (Wait.on), writes the run's
 * SUCCESS row to {@code etl_job_runs}: last, so the row exists only when the tables are written.
 */
final class WriteJobRow extends PTransform<PCollection<RunTally>, PCollection<Long>> {
  private final Warehouse warehouse;
  private final String jobId;
  private final Instant start;
  private final Instant asOf;
  private final Clock clock;
  private final List<PCollection<?>> signals;

  WriteJobRow(Warehouse warehouse, String jobId, Instant start, Instant asOf, Clock clock, List<PCollection<?>> signals) {
    super("Write job row");
    this.warehouse = warehouse;
    this.jobId = jobId;
    this.start = start;
    this.asOf = asOf;
    this.clock = clock;
    this.signals = signals;
  }

  @Override
  public PCollection<Long> expand(PCollection<RunTally> tallies) {
    return tallies
        .apply("Sum tallies", Combine.globally(new SumTalliesFn()))
        .apply("Wait for table writes", Wait.on(signals))
        .apply("Build job row", ParDo.of(new JobRowFn(jobId, start, asOf, clock)))
        .setRowSchema(Tables.ETL_JOB_RUNS.schema())
        .apply("Write etl_job_runs", warehouse.write(Tables.ETL_JOB_RUNS, WriteSpec.append(), jobId, "job"));
  }

  /** Sums tallies; the sum of none is an empty tally. */
  static final class SumTalliesFn extends Combine.CombineFn<RunTally, RunTally, RunTally> {
    @Override
    public RunTally createAccumulator() {
      return new RunTally();
    }

    @Override
    public RunTally addInput(RunTally acc, RunTally input) {
      return acc.add(input);
    }

    @Override
    public RunTally mergeAccumulators(Iterable<RunTally> accs) {
      RunTally sum = new RunTally();
      for (RunTally a : accs) {
        sum.add(a);
      }
      return sum;
    }

    @Override
    public RunTally extractOutput(RunTally acc) {
      return acc;
    }

    @Override
    public Coder<RunTally> getAccumulatorCoder(CoderRegistry registry, Coder<RunTally> inputCoder) {
      return SerializableCoder.of(RunTally.class);
    }

    @Override
    public Coder<RunTally> getDefaultOutputCoder(CoderRegistry registry, Coder<RunTally> inputCoder) {
      return SerializableCoder.of(RunTally.class);
    }
  }

  static final class JobRowFn extends DoFn<RunTally, Row> {
    private final String jobId;
    private final Instant start;
    private final Instant asOf;
    private final Clock clock;

    JobRowFn(String jobId, Instant start, Instant asOf, Clock clock) {
      this.jobId = jobId;
      this.start = start;
      this.asOf = asOf;
      this.clock = clock;
    }

    @ProcessElement
    public void process(@Element RunTally t, OutputReceiver<Row> out) {
      out.output(JobRuns.row(jobId, CaptionPerformancePipeline.JOB_NAME, start, clock.now(), JobRuns.SUCCESS,
          LaTime.dateOf(asOf), t.pagesWithStats(), null, null, t.rowsRead(), t.rejected(), null));
    }
  }
}
