package com.eros.pipelines.alerts.delivery;

import com.eros.pipelines.alerts.Channel;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends one alert to its channels and says what happened, with every secret redacted. */
public final class Deliverer {
  private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);
  private final Endpoints endpoints;
  private final HttpPoster poster;
  private final SmtpMailer mailer;

  /** Without e-mail. */
  public Deliverer(Endpoints endpoints, HttpPoster poster) {
    this(endpoints, poster, null);
  }

  /**
   * @param mailer the e-mail channel, or null when it is not configured
   */
  public Deliverer(Endpoints endpoints, HttpPoster poster, SmtpMailer mailer) {
    this.endpoints = endpoints;
    this.poster = poster;
    this.mailer = mailer;
  }

  /**
   * The production deliverer of the settings: resolved endpoints, the HTTP client and, when
   * configured, the mailer.
   */
  public static Deliverer of(ChannelSettings settings, Endpoints endpoints) {
    return new Deliverer(
        endpoints,
        new HttpPoster(settings.retry()),
        settings.mail().configured() ? new SmtpMailer(settings.mail(), settings.retry()) : null);
  }

  public DeliveryReport deliver(AlertNotice alert, List<Channel> route) {
    if (route.isEmpty()) {
      return log(
          alert, new DeliveryReport(DeliveryReport.NOT_ROUTED, "no channel for " + alert.level()));
    }
    List<String> clauses = new ArrayList<>();
    int tried = 0;
    int delivered = 0;
    for (Channel c : route) {
      Endpoints.Endpoint e = endpoints.get(c);
      if (!e.configured() || (c == Channel.EMAIL && mailer == null)) {
        clauses.add(c.id() + ": " + (e.configured() ? "not configured" : e.problem()));
        continue;
      }
      tried++;
      if (!e.usable()) {
        clauses.add(c.id() + ": failed: " + e.problem());
        continue;
      }
      SendResult r =
          switch (c) {
            case SLACK -> poster.post(e.url(), Payloads.slack(alert));
            case GOOGLE_CHAT -> poster.post(e.url(), Payloads.googleChat(alert));
            case PAGERDUTY -> poster.post(e.url(), Payloads.pagerDuty(alert, e.key()));
            case WEBHOOK -> poster.post(e.url(), Payloads.webhook(alert));
            case EMAIL -> mailer.send(alert, e.key());
          };
      if (r.delivered()) {
        delivered++;
      }
      clauses.add(c.id() + ": " + r.describe());
    }
    String status =
        tried == 0
            ? DeliveryReport.NOT_ROUTED
            : delivered == tried
                ? DeliveryReport.DELIVERED
                : delivered == 0 ? DeliveryReport.FAILED : DeliveryReport.PARTIAL;
    return log(
        alert, new DeliveryReport(status, endpoints.redactor().redact(String.join("; ", clauses))));
  }

  private static DeliveryReport log(AlertNotice alert, DeliveryReport report) {
    String line =
        "alert "
            + alert.alertId()
            + " ("
            + alert.level()
            + " "
            + alert.name()
            + "): "
            + report.status()
            + ": "
            + report.detail();
    if (DeliveryReport.FAILED.equals(report.status())
        || DeliveryReport.PARTIAL.equals(report.status())) {
      LOG.warn(line);
    } else {
      LOG.info(line);
    }
    return report;
  }
}
