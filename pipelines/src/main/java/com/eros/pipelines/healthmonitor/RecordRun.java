package com.eros.pipelines.healthmonitor;

import com.eros.common.table.Tables;
import com.eros.common.time.LaTime;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WriteSpec;
import com.eros.pipelines.support.JobRuns;
import java.time.Instant;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;

/**
 * Writes the run's etl_job_runs row (job_name health_monitor), last: its input is the alert rows
 * whose delivery outcomes are already recorded. Insert-if-absent by job_id, so a retry writes it once.
 */
public final class RecordRun extends PTransform<PCollection<Row>, PCollection<Long>> {
  public static final String JOB_NAME = "health_monitor";
  private final Warehouse warehouse;
  private final String jobId;
  private final Instant start;
  private final long wallStartMillis;
  private final PCollection<HealthSnapshot> snapshot;

  public RecordRun(Warehouse warehouse, String jobId, Instant start, long wallStartMillis, PCollection<HealthSnapshot> snapshot) {
    super("Record run");
    this.warehouse = warehouse;
    this.jobId = jobId;
    this.start = start;
    this.wallStartMillis = wallStartMillis;
    this.snapshot = snapshot;
  }

  @Override
  public PCollection<Long> expand(PCollection<Row> outcomes) {
    PCollectionView<HealthSnapshot> snap = snapshot.apply("View snapshot", View.asSingleton());
    return outcomes
        .apply("Summarize deliveries", Combine.globally(new SummarizeFn()))
        .setCoder(SerializableCoder.of(RunSummary.class))
        .apply("Make job row", ParDo.of(new JobRowFn(jobId, start, wallStartMillis, snap)).withSideInputs(snap))
        .setRowSchema(Tables.ETL_JOB_RUNS.schema())
        .apply("Write job row", warehouse.write(Tables.ETL_JOB_RUNS, WriteSpec.insertIfAbsent("job_id"), jobId, "job_run"));
  }

  static final class SummarizeFn extends Combine.CombineFn<Row, RunSummary, RunSummary> {
    @Override
    public RunSummary createAccumulator() {
      return new RunSummary();
    }

    @Override
    public RunSummary addInput(RunSummary acc, Row r) {
      return acc.add(r.getString("alert_source"), r.getString("delivery_status"), r.getString("delivery_detail"));
    }

    @Override
    public RunSummary mergeAccumulators(Iterable<RunSummary> accs) {
      RunSummary m = new RunSummary();
      for (RunSummary a : accs) {
        m.merge(a);
      }
      return m;
    }

    @Override
    public RunSummary extractOutput(RunSummary acc) {
      return acc;
    }

    @Override
    public Coder<RunSummary> getAccumulatorCoder(CoderRegistry registry, Coder<Row> inputCoder) {
      return SerializableCoder.of(RunSummary.class);
    }
  }

  static final class JobRowFn extends DoFn<RunSummary, Row> {
    private final String jobId;
    private final Instant start;
    private final long wallStartMillis;
    private final PCollectionView<HealthSnapshot> snapshot;

    JobRowFn(String jobId, Instant start, long wallStartMillis, PCollectionView<HealthSnapshot> snapshot) {
      this.jobId = jobId;
      this.start = start;
      this.wallStartMillis = wallStartMillis;
      this.snapshot = snapshot;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      RunSummary s = c.element();
      HealthSnapshot snap = c.sideInput(snapshot);
      // the end is the start plus the wall time elapsed, so a run with a fixed --now still records its duration
      Instant end = start.plusMillis(Math.max(0, System.currentTimeMillis() - wallStartMillis));
      c.output(JobRuns.row(jobId, JOB_NAME, start, end, s.status(), LaTime.dateOf(start), null, null, null,
          snap.rowsRead(), null, s.errorMessage()));
    }
  }
}
