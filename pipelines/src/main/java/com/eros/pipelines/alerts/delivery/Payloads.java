package com.eros.pipelines.alerts.delivery;

import com.eros.common.text.HtmlText;
import com.eros.common.time.LaTime;
import com.eros.pipelines.alerts.AlertPolicy;
import com.eros.pipelines.alerts.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each channel receives: the JSON bodies of the webhooks and the e-mail's subject and parts.
 */
public final class Payloads {
  public static final String SOURCE = "eros-automation";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter LA = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private Payloads() {}

  /** Slack incoming webhook: a mrkdwn text. */
  public static String slack(AlertNotice a) {
    ObjectNode o = JSON.createObjectNode();
    String icon =
        switch (a.level()) {
          case CRITICAL -> ":rotating_light:";
          case WARNING -> ":warning:";
          case INFO -> ":information_source:";
        };
    o.put(
        "text",
        icon
            + " *"
            + a.level()
            + "* `"
            + a.name()
            + "`: "
            + a.message()
            + "\n_Runbook: "
            + a.runbook()
            + "_"
            + "\n_EROS alert "
            + a.alertId()
            + ", run "
            + a.jobId()
            + "_");
    return o.toString();
  }

  /**
   * Google Chat incoming webhook: a text message with the level, the source, the measured value and
   * threshold (the alert's message) and the runbook hint.
   */
  public static String googleChat(AlertNotice a) {
    ObjectNode o = JSON.createObjectNode();
    StringBuilder t = new StringBuilder();
    for (Map.Entry<String, String> line : lines(a)) {
      t.append(t.length() == 0 ? "" : "\n")
          .append('*')
          .append(line.getKey())
          .append(":* ")
          .append(line.getValue());
    }
    o.put("text", t.toString());
    return o.toString();
  }

  /**
   * PagerDuty Events API v2 trigger; the dedup key is the source (and kind), so one incident per
   * condition stays open.
   */
  public static String pagerDuty(AlertNotice a, String routingKey) {
    ObjectNode o = JSON.createObjectNode();
    o.put("routing_key", routingKey);
    o.put("event_action", "trigger");
    o.put("dedup_key", a.name());
    ObjectNode p = o.putObject("payload");
    String summary = "[" + a.level() + "] " + a.name() + ": " + a.message();
    p.put("summary", summary.length() > 1024 ? summary.substring(0, 1021) + "..." : summary);
    p.put("source", SOURCE);
    p.put("severity", severity(a.level()));
    if (a.alertTime() != null) {
      p.put("timestamp", a.alertTime().toString());
    }
    p.put("component", "eros-automation");
    p.put("group", group(a));
    p.put("class", a.kind());
    ObjectNode d = p.putObject("custom_details");
    d.put("alert_id", a.alertId());
    d.put("job_id", a.jobId());
    d.put("message", a.message());
    d.put("runbook", a.runbook());
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
    o.put("rule", a.source());
    o.put("kind", a.kind());
    o.put("message", a.message());
    o.put("runbook", a.runbook());
    o.put("job_id", a.jobId());
    o.put("source", SOURCE);
    return o.toString();
  }

  /** The e-mail's subject: level, source and message, on one line of at most 160 characters. */
  public static String mailSubject(AlertNotice a) {
    String s =
        ("[EROS " + a.level() + "] " + a.name() + ": " + a.message())
            .replaceAll("\\s+", " ")
            .strip();
    return s.length() > 160 ? s.substring(0, 157) + "..." : s;
  }

  /** The e-mail's plain-text part. */
  public static String mailText(AlertNotice a) {
    StringBuilder t = new StringBuilder("EROS alert\n\n");
    for (Map.Entry<String, String> line : lines(a)) {
      t.append(line.getKey()).append(": ").append(line.getValue()).append('\n');
    }
    return t.toString();
  }

  /** The e-mail's HTML part: the same lines as a table, every value escaped. */
  public static String mailHtml(AlertNotice a) {
    String color =
        switch (a.level()) {
          case CRITICAL -> "#b00020";
          case WARNING -> "#b26a00";
          case INFO -> "#1a73e8";
        };
    StringBuilder h =
        new StringBuilder("<!DOCTYPE html><html><body>")
            .append("<h2 style=\"color:")
            .append(color)
            .append("\">EROS ")
            .append(HtmlText.escape(a.level().name()))
            .append(": ")
            .append(HtmlText.escape(a.name()))
            .append("</h2><table>");
    for (Map.Entry<String, String> line : lines(a)) {
      h.append("<tr><th align=\"left\" valign=\"top\">")
          .append(HtmlText.escape(line.getKey()))
          .append("</th><td>")
          .append(HtmlText.escape(line.getValue()))
          .append("</td></tr>");
    }
    return h.append("</table></body></html>").toString();
  }

  /** The labelled lines Google Chat and e-mail carry, in order. */
  static List<Map.Entry<String, String>> lines(AlertNotice a) {
    List<Map.Entry<String, String>> l = new ArrayList<>();
    l.add(Map.entry("Level", a.level().name()));
    l.add(Map.entry("Source", a.name()));
    l.add(Map.entry("Value and threshold", String.valueOf(a.message())));
    l.add(Map.entry("Runbook", a.runbook()));
    if (a.alertTime() != null) {
      l.add(
          Map.entry(
              "Raised",
              a.alertTime()
                  + " ("
                  + LA.format(a.alertTime().atZone(LaTime.ZONE))
                  + " "
                  + LaTime.ZONE
                  + ")"));
    }
    l.add(Map.entry("Alert", a.alertId() + ", run " + a.jobId()));
    return l;
  }

  private static String group(AlertNotice a) {
    return AlertPolicy.PIPELINE_SOURCES.contains(a.source()) ? a.source() : "health_monitor";
  }
}
