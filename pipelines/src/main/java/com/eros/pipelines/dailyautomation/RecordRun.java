package com.eros.pipelines.dailyautomation;

import com.eros.common.table.Tables;
import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.alerts.AlertDelivery;
import com.eros.pipelines.alerts.DeliverAlerts;
import com.eros.common.warehouse.WriteSpec;
import com.eros.pipelines.support.JobRuns;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * The end of the run: once every earlier write has committed ({@code Wait.on} the signals), writes
 * the run's alerts (insert-if-absent on their deterministic alert_id), delivers them and records
 * the outcome ({@link DeliverAlerts}, with the daily_automation cooldown), and then writes its
 * etl_job_runs row, last. Job times: start = the run's clock; end = start + the wall time elapsed since the
 * pipeline was built, so the duration is real even with a fixed {@code --now}.
 */
public final class RecordRun extends PTransform<PCollection<RunReport>, PCollection<Long>> {
  private final Warehouse warehouse;
  private final String jobId;
  private final Instant start;
  private final long startWallMs;
  private final List<PCollection<?>> signals;
  private final AlertDelivery alerts;

  /** @param alerts where the run's alerts are delivered (channels, routing, the daily_automation cooldown) */
  public RecordRun(Warehouse warehouse, String jobId, Instant start, long startWallMs, List<PCollection<?>> signals,
      AlertDelivery alerts) {
    this.warehouse = warehouse;
    this.jobId = jobId;
    this.start = start;
    this.startWallMs = startWallMs;
    this.signals = signals;
    this.alerts = alerts;
  }

  @Override
  public PCollection<Long> expand(PCollection<RunReport> report) {
    PCollection<RunReport> afterWrites =
        report.apply("Wait for the writes", Wait.on(signals.toArray(new PCollection<?>[0])))
            .setCoder(report.getCoder());
    PCollection<Row> alertsWritten = afterWrites
        .apply("Raise alerts", ParDo.of(new AlertRowsFn(jobId, start, startWallMs)))
        .setRowSchema(Tables.AUTOMATION_ALERTS.schema())
        .apply("Write and deliver alerts", new DeliverAlerts(warehouse, jobId, "daily_automation_alerts", alerts)
            .withCooldown(OutputRows.ALERT_SOURCE, OutputRows::kindOf, start));
    return afterWrites
        .apply("Wait for the alerts", Wait.on(alertsWritten))
        .setCoder(report.getCoder())
        .apply("Make job row", ParDo.of(new JobRowFn(jobId, start, startWallMs)))
        .setRowSchema(Tables.ETL_JOB_RUNS.schema())
        .apply("Write job row", warehouse.write(Tables.ETL_JOB_RUNS, WriteSpec.append(), jobId, "daily_automation_job"));
  }

  static Instant endOf(Instant start, long startWallMs) {
    return start.plusMillis(Math.max(0, System.currentTimeMillis() - startWallMs));
  }

  static final class AlertRowsFn extends DoFn<RunReport, Row> {
    private final String jobId;
    private final Instant start;
    private final long startWallMs;

    AlertRowsFn(String jobId, Instant start, long startWallMs) {
      this.jobId = jobId;
      this.start = start;
      this.startWallMs = startWallMs;
    }

    @ProcessElement
    public void process(@Element RunReport report, OutputReceiver<Row> out) {
      Instant at = endOf(start, startWallMs);
      for (RunReport.Alert a : report.alerts()) {
        out.output(OutputRows.alert(a, jobId, at));
      }
    }
  }

  static final class JobRowFn extends DoFn<RunReport, Row> {
    private final String jobId;
    private final Instant start;
    private final long startWallMs;

    JobRowFn(String jobId, Instant start, long startWallMs) {
      this.jobId = jobId;
      this.start = start;
      this.startWallMs = startWallMs;
    }

    @ProcessElement
    public void process(@Element RunReport r, OutputReceiver<Row> out) {
      out.output(JobRuns.row(jobId, OutputRows.JOB_NAME, start, endOf(start, startWallMs), r.status(), r.executionDate(),
          r.processed(), r.failed(), r.skipped(), r.rowsRead(), r.rowsRejected(), r.errorMessage()));
    }
  }
}
