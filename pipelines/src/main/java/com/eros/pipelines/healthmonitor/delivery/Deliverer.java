package com.eros.pipelines.healthmonitor.delivery;

import com.eros.pipelines.healthmonitor.Channel;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends one alert to its channels and says what happened, with every secret redacted. */
public final class Deliverer {
  private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);
  private final Endpoints endpoints;
  private final HttpPoster poster;

  public Deliverer(Endpoints endpoints, HttpPoster poster) {
    this.endpoints = endpoints;
    this.poster = poster;
  }

  public DeliveryReport deliver(AlertNotice alert, List<Channel> route) {
    if (route.isEmpty()) {
      return log(alert, new DeliveryReport(DeliveryReport.NOT_ROUTED, "no channel for " + alert.level()));
    }
    List<String> clauses = new ArrayList<>();
    int tried = 0;
    int delivered = 0;
    for (Channel c : route) {
      Endpoints.Endpoint e = endpoints.get(c);
      if (!e.configured()) {
        clauses.add(c.id() + ": " + e.problem());
        continue;
      }
      tried++;
      if (!e.usable()) {
        clauses.add(c.id() + ": failed: " + e.problem());
        continue;
      }
      String body = switch (c) {
        case SLACK -> Payloads.slack(alert);
        case PAGERDUTY -> Payloads.pagerDuty(alert, e.key());
        case WEBHOOK -> Payloads.webhook(alert);
      };
      PostResult r = poster.post(e.url(), body);
      if (r.delivered()) {
        delivered++;
      }
      clauses.add(c.id() + ": " + r.describe());
    }
    String status = tried == 0 ? DeliveryReport.NOT_ROUTED
        : delivered == tried ? DeliveryReport.DELIVERED
        : delivered == 0 ? DeliveryReport.FAILED
        : DeliveryReport.PARTIAL;
    return log(alert, new DeliveryReport(status, endpoints.redactor().redact(String.join("; ", clauses))));
  }

  private static DeliveryReport log(AlertNotice alert, DeliveryReport report) {
    String line = "alert " + alert.alertId() + " (" + alert.level() + " " + alert.rule() + "): " + report.status() + ": "
        + report.detail();
    if (DeliveryReport.FAILED.equals(report.status()) || DeliveryReport.PARTIAL.equals(report.status())) {
      LOG.warn(line);
    } else {
      LOG.info(line);
    }
    return report;
  }
}
