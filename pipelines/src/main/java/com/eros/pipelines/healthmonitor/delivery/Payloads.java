package com.eros.pipelines.healthmonitor.delivery;

import com.eros.pipelines.healthmonitor.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON body each channel receives. */
public final class Payloads {
  public static final String SOURCE = "eros-health-monitor";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Payloads() {}

  /** Slack incoming webhook: a mrkdwn text. */
  public static String slack(AlertNotice a) {
    ObjectNode o = JSON.createObjectNode();
    String icon = switch (a.level()) {
      case CRITICAL -> ":rotating_light:";
      case WARNING -> ":warning:";
      case INFO -> ":information_source:";
    };
    o.put("text", icon + " *" + a.level() + "* `" + a.rule() + "`: " + a.message()
        + "\n_EROS health monitor, alert " + a.alertId() + ", run " + a.jobId() + "_");
    return o.toString();
  }

  /** PagerDuty Events API v2 trigger; the dedup key is the rule, so one incident per rule stays open. */
  public static String pagerDuty(AlertNotice a, String routingKey) {
    ObjectNode o = JSON.createObjectNode();
    o.put("routing_key", routingKey);
    o.put("event_action", "trigger");
    o.put("dedup_key", a.rule());
    ObjectNode p = o.putObject("payload");
    String summary = "[" + a.level() + "] " + a.rule() + ": " + a.message();
    p.put("summary", summary.length() > 1024 ? summary.substring(0, 1021) + "..." : summary);
    p.put("source", SOURCE);
    p.put("severity", severity(a.level()));
    if (a.alertTime() != null) {
      p.put("timestamp", a.alertTime().toString());
    }
    p.put("component", "eros-automation");
    p.put("group", "health_monitor");
    p.put("class", a.rule());
    ObjectNode d = p.putObject("custom_details");
    d.put("alert_id", a.alertId());
    d.put("job_id", a.jobId());
    d.put("message", a.message());
    return o.toString();
  }

  /** PagerDuty severities: critical, warning, info. */
  public static String severity(Level level) {
    return switch (level) {
      case CRITICAL -> "critical";
      case WARNING -> "warning";
      case INFO -> "info";
    };
  }

  /** Generic JSON webhook: the alert's fields. */
  public static String webhook(AlertNotice a) {
    ObjectNode o = JSON.createObjectNode();
    o.put("alert_id", a.alertId());
    o.put("alert_time", a.alertTime() == null ? null : a.alertTime().toString());
    o.put("level", a.level().name());
    o.put("rule", a.rule());
    o.put("message", a.message());
    o.put("job_id", a.jobId());
    o.put("source", SOURCE);
    return o.toString();
  }
}
