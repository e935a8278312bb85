package com.eros.pipelines.dailyautomation;

import com.eros.common.table.Tables;
import com.eros.pipelines.alerts.AlertDelivery;
import com.eros.pipelines.alerts.DeliverAlerts;
import com.eros.pipelines.support.AfterAll;
import com.eros.pipelines.support.JobRun;
import com.eros.pipelines.support.RunContext;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;

/**
 * The end of the run: once every earlier write has committed ({@link AfterAll} the signals), writes
 * the run's alerts (insert-if-absent on their deterministic alert_id), delivers them and records
 * the outcome ({@link DeliverAlerts}, with the daily_automation cooldown), then emits the run's job
 * row (written last by the lifecycle). Its rows_rejected is what the dead-letter write committed.
 */
public final class RecordRun extends PTransform<PCollection<RunReport>, PCollection<JobRun>> {
  private final RunContext run;
  private final PCollection<Long> rejectedWritten;
  private final PCollection<Long> futureRead;
  private final List<PCollection<?>> signals;
  private final AlertDelivery alerts;
  private final Instant now;

  /**
   * @param futureRead the messages read because they were sent later than now + 1 h (counted in
   *     rows_read)
   * @param alerts where the run's alerts are delivered (channels, routing, the daily_automation
   *     cooldown)
   * @param now the run's clock (the cooldown looks back from it)
   */
  public RecordRun(
      RunContext run,
      PCollection<Long> rejectedWritten,
      PCollection<Long> futureRead,
      List<PCollection<?>> signals,
      AlertDelivery alerts,
      Instant now) {
    this.run = run;
    this.rejectedWritten = rejectedWritten;
    this.futureRead = futureRead;
    this.signals = signals;
    this.alerts = alerts;
    this.now = now;
  }

  @Override
  public PCollection<JobRun> expand(PCollection<RunReport> report) {
    PCollection<RunReport> afterWrites =
        report.apply("Wait for the writes", AfterAll.of(signals.toArray(new PCollection<?>[0])));
    PCollection<Row> alertsWritten =
        afterWrites
            .apply("Raise alerts", ParDo.of(new AlertRowsFn(run)))
            .setRowSchema(Tables.AUTOMATION_ALERTS.schema())
            .apply(
                "Write and deliver alerts",
                new DeliverAlerts(run.warehouse(), run.writeId(), "daily_automation_alerts", alerts)
                    .withCooldown(OutputRows.ALERT_SOURCE, OutputRows::kindOf, now));
    PCollectionView<Long> rejected =
        rejectedWritten.apply("As dead letters written", View.asSingleton());
    PCollectionView<Long> future = futureRead.apply("As future messages read", View.asSingleton());
    return afterWrites
        .apply("Wait for the alerts", AfterAll.of(alertsWritten))
        .apply(
            "Make job run",
            ParDo.of(new JobRunFn(run, rejected, future)).withSideInputs(rejected, future))
        .setCoder(SerializableCoder.of(JobRun.class));
  }

  static final class AlertRowsFn extends DoFn<RunReport, Row> {
    private final RunContext run;

    AlertRowsFn(RunContext run) {
      this.run = run;
    }

    @ProcessElement
    public void process(@Element RunReport report, OutputReceiver<Row> out) {
      for (RunReport.Alert a : report.alerts()) {
        out.output(OutputRows.alert(a, run.jobId(), run.elapsedEnd()));
      }
    }
  }

  static final class JobRunFn extends DoFn<RunReport, JobRun> {
    private final RunContext run;
    private final PCollectionView<Long> rejected;
    private final PCollectionView<Long> future;

    JobRunFn(RunContext run, PCollectionView<Long> rejected, PCollectionView<Long> future) {
      this.run = run;
      this.rejected = rejected;
      this.future = future;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      RunReport r = c.element();
      c.output(
          run.jobRun()
              .status(r.status())
              .executionDate(r.executionDate())
              .creators(r.processed(), r.failed(), r.skipped())
              .rowsRead(r.rowsRead() + c.sideInput(future))
              .rowsRejected(c.sideInput(rejected))
              .error(r.errorMessage())
              .build());
    }
  }
}
