package com.eros.pipelines.healthmonitor.delivery;

import com.eros.common.table.Timestamps;
import com.eros.common.time.Clock;
import com.eros.pipelines.healthmonitor.Channel;
import com.eros.pipelines.healthmonitor.Level;
import com.eros.pipelines.healthmonitor.Rule;
import com.eros.pipelines.healthmonitor.RuleSet;
import java.time.Duration;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.Row;

/**
 * Delivers each written alert (an automation_alerts row with delivery_status PENDING) to the
 * channels of its rule and level, and emits the row with delivery_status, delivery_detail and
 * delivered_at set. Secrets are resolved once per worker in {@code @Setup}; they never enter the
 * pipeline graph.
 */
public final class DeliverAlertsFn extends DoFn<Row, Row> {
  private final ChannelSettings settings;
  private final Environment env;
  private final RuleSet rules;
  private final Clock clock;
  private final Counter delivered = Metrics.counter("health_monitor", "alerts_delivered");
  private final Counter partial = Metrics.counter("health_monitor", "alerts_partially_delivered");
  private final Counter failed = Metrics.counter("health_monitor", "alerts_delivery_failed");
  private final Counter notRouted = Metrics.counter("health_monitor", "alerts_not_routed");
  private transient Deliverer deliverer;

  public DeliverAlertsFn(ChannelSettings settings, Environment env, RuleSet rules, Clock clock) {
    this.settings = settings;
    this.env = env;
    this.rules = rules;
    this.clock = clock;
  }

  @Setup
  public void setup() {
    Endpoints endpoints = settings.resolve(env,
        () -> SecretManagerClient.withDefaultCredentials(settings.retry().requestTimeout().plus(Duration.ofSeconds(5))));
    deliverer = new Deliverer(endpoints, new HttpPoster(settings.retry()));
  }

  @ProcessElement
  public void process(@Element Row alert, OutputReceiver<Row> out) {
    AlertNotice notice = AlertNotice.of(alert);
    Rule rule = rules.rule(notice.rule());
    List<Channel> route = rule == null ? routeByLevel(notice.level()) : rule.channelsFor(notice.level());
    DeliveryReport report = deliverer.deliver(notice, route);
    switch (report.status()) {
      case DeliveryReport.DELIVERED -> delivered.inc();
      case DeliveryReport.PARTIAL -> partial.inc();
      case DeliveryReport.FAILED -> failed.inc();
      default -> notRouted.inc();
    }
    out.output(Row.fromRow(alert)
        .withFieldValue("delivery_status", report.status())
        .withFieldValue("delivery_detail", report.detail())
        .withFieldValue("delivered_at", Timestamps.truncate(clock.now()))
        .build());
  }

  private static List<Channel> routeByLevel(Level level) {
    return switch (level) {
      case CRITICAL -> List.of(Channel.values());
      case WARNING -> List.of(Channel.SLACK);
      case INFO -> List.of();
    };
  }
}
