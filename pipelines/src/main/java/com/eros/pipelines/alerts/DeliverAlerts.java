package com.eros.pipelines.alerts;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WriteSpec;
import com.eros.pipelines.alerts.delivery.DeliveryReport;
import com.eros.pipelines.support.AfterAll;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;

/**
 * Write alert rows, then deliver them, then record the outcome; the one way every pipeline raises
 * alerts (health monitor, daily automation, lock sweep).
 *
 * <ol>
 *   <li>Writes the rows (automation_alerts schema) with delivery_status PENDING, insert-if-absent
 *       by alert_id: the alert exists before anything is sent, so a failed delivery loses nothing;
 *   <li>once they are committed, delivers each to the channels of its source and level ({@link
 *       DeliverAlertsFn}; with {@link #withCooldown} a pipeline alert within its cooldown is not
 *       sent but SUPPRESSED);
 *   <li>records each outcome on its row: an update guarded by delivery_status = PENDING, so an
 *       outcome is recorded once even when a bundle is retried (delivery itself is at-least-once).
 * </ol>
 *
 * Emits the outcome rows once they are recorded, so a caller can order later writes after them.
 */
public final class DeliverAlerts extends PTransform<PCollection<Row>, PCollection<Row>> {
  static final List<String> OUTCOME_COLUMNS =
      List.of("delivery_status", "delivery_detail", "delivered_at");
  private final Warehouse warehouse;
  private final String jobId;
  private final String writeName;
  private final AlertDelivery delivery;
  private final String cooldownSource;
  private final SerializableFunction<Row, String> kindOf;
  private final Instant now;

  /**
   * Without a cooldown (the health monitor applies its rules' cooldowns before it raises an alert).
   *
   * @param writeName distinct per composite within a run (the port's writes are idempotent per run
   *     and name); the outcome update is {@code writeName + "_delivery"}
   */
  public DeliverAlerts(
      Warehouse warehouse, String jobId, String writeName, AlertDelivery delivery) {
    this(warehouse, jobId, writeName, delivery, null, DeliverAlerts::sourceOf, null);
  }

  private DeliverAlerts(
      Warehouse warehouse,
      String jobId,
      String writeName,
      AlertDelivery delivery,
      String cooldownSource,
      SerializableFunction<Row, String> kindOf,
      Instant now) {
    super("Deliver alerts");
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.jobId = Objects.requireNonNull(jobId, "jobId");
    this.writeName = Objects.requireNonNull(writeName, "writeName");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.cooldownSource = cooldownSource;
    this.kindOf = kindOf;
    this.now = now;
  }

  /**
   * With the cooldown of a pipeline alert source ({@link AlertPolicy#cooldown}): the alerts of
   * {@code source} raised since {@code now} minus the cooldown are read, and a new alert is not
   * sent while a delivered one of the same kind is within it ({@link PipelineCooldown}).
   *
   * @param kindOf the kind of an alert row from its alert_id and alert_source (what fired within
   *     the source)
   * @param now the run's clock; every alert of the run is raised at or after it
   */
  public DeliverAlerts withCooldown(
      String source, SerializableFunction<Row, String> kindOf, Instant now) {
    delivery.policy().cooldown(source); // a known pipeline source
    return new DeliverAlerts(warehouse, jobId, writeName, delivery, source, kindOf, now);
  }

  @Override
  public PCollection<Row> expand(PCollection<Row> alerts) {
    PCollection<Row> pending =
        alerts
            .apply("Mark pending", ParDo.of(new MarkPendingFn()))
            .setRowSchema(Tables.AUTOMATION_ALERTS.schema());
    PCollection<Long> written =
        pending.apply(
            "Write alerts",
            warehouse.write(
                Tables.AUTOMATION_ALERTS, WriteSpec.insertIfAbsent("alert_id"), jobId, writeName));
    PCollectionView<List<Row>> recent = null;
    if (cooldownSource != null) {
      Duration cooldown = delivery.policy().cooldown(cooldownSource);
      recent =
          alerts
              .getPipeline()
              .begin()
              .apply(
                  "Read recent alerts",
                  warehouse.read(
                      Tables.AUTOMATION_ALERTS, recentAlerts(cooldownSource, now, cooldown)))
              .apply("View recent alerts", View.asList());
    }
    DeliverAlertsFn fn = new DeliverAlertsFn(delivery, kindOf, cooldownSource, recent);
    PCollection<Row> outcomes =
        pending
            .apply("Wait for alert rows", AfterAll.of(written))
            .apply(
                "Deliver to channels",
                recent == null ? ParDo.of(fn) : ParDo.of(fn).withSideInputs(recent))
            .setRowSchema(Tables.AUTOMATION_ALERTS.schema());
    PCollection<Long> recorded =
        outcomes.apply(
            "Record outcomes",
            warehouse.write(
                Tables.AUTOMATION_ALERTS,
                WriteSpec.update(
                    List.of("alert_id"),
                    OUTCOME_COLUMNS,
                    "delivery_status",
                    DeliveryReport.PENDING),
                jobId,
                writeName + "_delivery"));
    return outcomes.apply("Wait for recorded outcomes", AfterAll.of(recorded));
  }

  /**
   * For alerts raised outside a pipeline (a launcher recording a run that broke): applies this
   * composite to them in a small pipeline of its own on the DirectRunner and waits for it.
   */
  public void runLocally(List<Row> alerts) {
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setRunner(DirectRunner.class);
    Pipeline p = Pipeline.create(options);
    p.apply("Raised alerts", Create.of(alerts).withRowSchema(Tables.AUTOMATION_ALERTS.schema()))
        .apply(this);
    p.run().waitUntilFinish();
  }

  /**
   * The alerts of {@code source} that can suppress one raised at or after {@code now}: raised
   * within the cooldown before it (and up to a week after it, for a run that lasts long).
   */
  static ReadSpec recentAlerts(String source, Instant now, Duration cooldown) {
    return ReadSpec.columns(
            "alert_id",
            "alert_source",
            "alert_level",
            "alert_time",
            "acknowledged",
            "delivery_status")
        .where(Filter.eq("alert_source", source))
        .where(Filter.between("alert_time", now.minus(cooldown), now.plus(Duration.ofDays(7))));
  }

  /** The row with its delivery outcome. */
  static Row withOutcome(Row alert, DeliveryReport report, Instant at) {
    return Row.fromRow(alert)
        .withFieldValue("delivery_status", report.status())
        .withFieldValue("delivery_detail", report.detail())
        .withFieldValue("delivered_at", Timestamps.truncate(at))
        .build();
  }

  private static String sourceOf(Row alert) {
    return alert.getString("alert_source");
  }

  /** Sets delivery_status to PENDING (the guard of the outcome update) on rows that have none. */
  static final class MarkPendingFn extends DoFn<Row, Row> {
    @ProcessElement
    public void process(@Element Row alert, OutputReceiver<Row> out) {
      out.output(
          alert.getString("delivery_status") != null
              ? alert
              : Row.fromRow(alert)
                  .withFieldValue("delivery_status", DeliveryReport.PENDING)
                  .build());
    }
  }
}
