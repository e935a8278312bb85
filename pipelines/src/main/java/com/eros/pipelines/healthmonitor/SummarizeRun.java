package com.eros.pipelines.healthmonitor;

import com.eros.pipelines.support.AccumulateFn;
import com.eros.pipelines.support.JobRun;
import com.eros.pipelines.support.RunContext;
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
 * The health monitor's job row (job_name health_monitor), from the alert rows whose delivery
 * outcomes are already recorded: SUCCESS, or COMPLETED_WITH_ERRORS when a delivery failed.
 */
public final class SummarizeRun extends PTransform<PCollection<Row>, PCollection<JobRun>> {
  private final RunContext run;
  private final PCollection<HealthSnapshot> snapshot;

  public SummarizeRun(RunContext run, PCollection<HealthSnapshot> snapshot) {
    super("Summarize run");
    this.run = run;
    this.snapshot = snapshot;
  }

  @Override
  public PCollection<JobRun> expand(PCollection<Row> outcomes) {
    PCollectionView<HealthSnapshot> snap = snapshot.apply("View snapshot", View.asSingleton());
    return outcomes
        .apply("Summarize deliveries", Combine.globally(new SummarizeFn()))
        .setCoder(SerializableCoder.of(RunSummary.class))
        .apply("Make job run", ParDo.of(new JobRunFn(run, snap)).withSideInputs(snap))
        .setCoder(SerializableCoder.of(JobRun.class));
  }

  static final class SummarizeFn extends AccumulateFn<Row, RunSummary> {
    SummarizeFn() {
      super(RunSummary.class);
    }

    @Override
    public RunSummary createAccumulator() {
      return new RunSummary();
    }

    @Override
    public RunSummary addInput(RunSummary acc, Row r) {
      return acc.add(
          r.getString("alert_source"),
          r.getString("delivery_status"),
          r.getString("delivery_detail"));
    }

    @Override
    protected RunSummary merge(RunSummary into, RunSummary other) {
      return into.merge(other);
    }
  }

  static final class JobRunFn extends DoFn<RunSummary, JobRun> {
    private final RunContext run;
    private final PCollectionView<HealthSnapshot> snapshot;

    JobRunFn(RunContext run, PCollectionView<HealthSnapshot> snapshot) {
      this.run = run;
      this.snapshot = snapshot;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      RunSummary s = c.element();
      c.output(
          run.jobRun()
              .status(s.status())
              .executionDate(com.eros.common.time.LaTime.dateOf(run.start()))
              .rowsRead(c.sideInput(snapshot).rowsRead())
              .error(s.errorMessage())
              .build());
    }
  }
}
