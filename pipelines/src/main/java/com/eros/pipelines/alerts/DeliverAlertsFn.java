package com.eros.pipelines.alerts;

import com.eros.common.table.Timestamps;
import com.eros.pipelines.alerts.delivery.AlertNotice;
import com.eros.pipelines.alerts.delivery.Deliverer;
import com.eros.pipelines.alerts.delivery.DeliveryReport;
import com.eros.pipelines.alerts.delivery.Endpoints;
import com.eros.pipelines.alerts.delivery.SecretManagerClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;

/**
 * Delivers each written alert (an automation_alerts row with delivery_status PENDING) to the
 * channels of its source and level, and emits the row with delivery_status, delivery_detail and
 * delivered_at set. With a cooldown (pipeline alerts), an alert that {@link PipelineCooldown}
 * suppresses is not sent and is emitted as SUPPRESSED. Secrets are resolved once per worker in
 * {@code @Setup}; they never enter the pipeline graph.
 *
 * <p>Beam may retry a bundle: a retried element is sent again (at-least-once toward the channel;
 * PagerDuty's dedup key and the e-mail's Message-ID, both derived from the alert, let the receiver
 * fold the repeat). Its outcome is still recorded once: the update of the row is guarded by
 * delivery_status = PENDING and committed idempotently per run and write.
 */
public final class DeliverAlertsFn extends DoFn<Row, Row> {
  public static final String METRICS = "alerts";
  private final AlertDelivery delivery;
  private final SerializableFunction<Row, String> kindOf;
  private final String cooldownSource;
  private final PCollectionView<List<Row>> recent;
  private final Counter delivered = Metrics.counter(METRICS, "alerts_delivered");
  private final Counter partial = Metrics.counter(METRICS, "alerts_partially_delivered");
  private final Counter failed = Metrics.counter(METRICS, "alerts_delivery_failed");
  private final Counter notRouted = Metrics.counter(METRICS, "alerts_not_routed");
  private final Counter suppressed = Metrics.counter(METRICS, "alerts_suppressed");
  private transient Deliverer deliverer;

  /**
   * @param kindOf the kind of an alert row (also of the projected rows of {@code recent})
   * @param cooldownSource the pipeline source whose cooldown applies, or null for none
   * @param recent recent alerts of that source (side input), or null for none
   */
  DeliverAlertsFn(
      AlertDelivery delivery,
      SerializableFunction<Row, String> kindOf,
      String cooldownSource,
      PCollectionView<List<Row>> recent) {
    this.delivery = delivery;
    this.kindOf = kindOf;
    this.cooldownSource = cooldownSource;
    this.recent = recent;
  }

  @Setup
  public void setup() {
    Endpoints endpoints =
        delivery
            .channels()
            .resolve(
                delivery.env(),
                () ->
                    SecretManagerClient.withDefaultCredentials(
                        delivery.channels().retry().requestTimeout().plus(Duration.ofSeconds(5))));
    deliverer = Deliverer.of(delivery.channels(), endpoints);
  }

  @ProcessElement
  public void process(ProcessContext c) {
    Row alert = c.element();
    AlertNotice notice = AlertNotice.of(alert, kindOf.apply(alert));
    DeliveryReport report = null;
    if (recent != null) {
      Duration cooldown = delivery.policy().cooldown(cooldownSource);
      List<PipelineCooldown.Prior> priors = new ArrayList<>();
      for (Row r : c.sideInput(recent)) {
        priors.add(prior(r));
      }
      PipelineCooldown.Prior by =
          PipelineCooldown.suppressor(
              notice.alertId(),
              notice.kind(),
              notice.level(),
              notice.alertTime(),
              priors,
              cooldown);
      if (by != null) {
        report =
            new DeliveryReport(
                DeliveryReport.SUPPRESSED,
                PipelineCooldown.reason(by, cooldown, notice.alertTime()));
      }
    }
    if (report == null) {
      report = deliverer.deliver(notice, delivery.policy().route(notice.source(), notice.level()));
    }
    switch (report.status()) {
      case DeliveryReport.DELIVERED -> delivered.inc();
      case DeliveryReport.PARTIAL -> partial.inc();
      case DeliveryReport.FAILED -> failed.inc();
      case DeliveryReport.SUPPRESSED -> suppressed.inc();
      default -> notRouted.inc();
    }
    c.output(DeliverAlerts.withOutcome(alert, report, delivery.clock().now()));
  }

  private PipelineCooldown.Prior prior(Row r) {
    String level = r.getString("alert_level");
    return new PipelineCooldown.Prior(
        r.getString("alert_id"),
        kindOf.apply(r),
        level == null ? null : Level.parse(level),
        Timestamps.get(r, "alert_time"),
        r.getBoolean("acknowledged"),
        r.getString("delivery_status"));
  }
}
