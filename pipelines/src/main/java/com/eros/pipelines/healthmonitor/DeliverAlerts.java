package com.eros.pipelines.healthmonitor;

import com.eros.common.table.Tables;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WriteSpec;
import com.eros.pipelines.healthmonitor.delivery.DeliverAlertsFn;
import com.eros.pipelines.healthmonitor.delivery.DeliveryReport;
import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Writes the alert rows first (insert-if-absent by alert_id), then, once they are committed,
 * delivers them and records each outcome on its row (update guarded by delivery_status = PENDING,
 * so an outcome is recorded once). Emits the outcome rows after they are recorded.
 */
public final class DeliverAlerts extends PTransform<PCollection<Row>, PCollection<Row>> {
  static final List<String> OUTCOME_COLUMNS = List.of("delivery_status", "delivery_detail", "delivered_at");
  private final Warehouse warehouse;
  private final String jobId;
  private final DeliverAlertsFn deliverFn;

  public DeliverAlerts(Warehouse warehouse, String jobId, DeliverAlertsFn deliverFn) {
    super("Deliver alerts");
    this.warehouse = warehouse;
    this.jobId = jobId;
    this.deliverFn = deliverFn;
  }

  @Override
  public PCollection<Row> expand(PCollection<Row> alerts) {
    PCollection<Long> written = alerts.apply("Write alerts",
        warehouse.write(Tables.AUTOMATION_ALERTS, WriteSpec.insertIfAbsent("alert_id"), jobId, "alerts"));
    PCollection<Row> outcomes = alerts
        .apply("Wait for alert rows", Wait.on(written))
        .setRowSchema(Tables.AUTOMATION_ALERTS.schema())
        .apply("Deliver to channels", ParDo.of(deliverFn))
        .setRowSchema(Tables.AUTOMATION_ALERTS.schema());
    PCollection<Long> recorded = outcomes.apply("Record outcomes",
        warehouse.write(Tables.AUTOMATION_ALERTS,
            WriteSpec.update(List.of("alert_id"), OUTCOME_COLUMNS, "delivery_status", DeliveryReport.PENDING),
            jobId, "delivery"));
    return outcomes
        .apply("Wait for recorded outcomes", Wait.on(recorded))
        .setRowSchema(Tables.AUTOMATION_ALERTS.schema());
  }
}
