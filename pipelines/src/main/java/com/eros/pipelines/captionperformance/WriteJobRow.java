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
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.Row;

/**
 * Sums the per-page tallies together with the commit signals of the table writes and writes the
 * run's SUCCESS row to {@code etl_job_runs}. Each write emits one element once committed; those
 * elements are inputs of the sum, so the sum (and the job row) exists only after every write is
 * committed, on any runner. The signals also make the input of the sum never empty.
 */
final class WriteJobRow extends PTransform<PCollection<RunTally>, PCollection<Long>> {
  private final Warehouse warehouse;
  private final String jobId;
  private final Instant start;
  private final Instant asOf;
  private final Clock clock;
  private final List<PCollection<Long>> signals;

  WriteJobRow(Warehouse warehouse, String jobId, Instant start, Instant asOf, Clock clock, List<PCollection<Long>> signals) {
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
    PCollectionList<RunTally> all = PCollectionList.of(tallies);
    for (int i = 0; i < signals.size(); i++) {
      all = all.and(signals.get(i).apply("Count commit " + (i + 1),
          MapElements.into(TypeDescriptor.of(RunTally.class)).via((Long committed) -> RunTally.committedWrite()))
          .setCoder(SerializableCoder.of(RunTally.class)));
    }
    return all
        .apply("Join commits and tallies", Flatten.pCollections())
        .apply("Sum tallies", Combine.globally(new SumTalliesFn()).withoutDefaults())
        .apply("Build job row", ParDo.of(new JobRowFn(jobId, start, asOf, clock, signals.size())))
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
    private final int writes;

    JobRowFn(String jobId, Instant start, Instant asOf, Clock clock, int writes) {
      this.jobId = jobId;
      this.start = start;
      this.asOf = asOf;
      this.clock = clock;
      this.writes = writes;
    }

    @ProcessElement
    public void process(@Element RunTally t, OutputReceiver<Row> out) {
      if (t.writesCommitted() != writes) {
        throw new IllegalStateException("expected " + writes + " committed writes before the job row, saw " + t.writesCommitted());
      }
      out.output(JobRuns.row(jobId, CaptionPerformancePipeline.JOB_NAME, start, clock.now(), JobRuns.SUCCESS,
          LaTime.dateOf(asOf), t.pagesWithStats(), null, null, t.rowsRead(), t.rejected(), null));
    }
  }
}
