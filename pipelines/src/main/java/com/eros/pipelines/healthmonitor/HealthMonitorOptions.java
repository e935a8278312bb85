package com.eros.pipelines.healthmonitor;

import com.eros.pipelines.healthmonitor.delivery.ChannelSettings;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of the health-monitor pipeline. Webhook URLs and keys are never options: they come from
 * the environment variables EROS_SLACK_WEBHOOK_URL, EROS_PAGERDUTY_ROUTING_KEY and EROS_WEBHOOK_URL
 * or from the Secret Manager secrets named here.
 */
public interface HealthMonitorOptions extends HealthOptions {
  @Description("Alert rules YAML (local path or gs://...) overriding the built-in rules rule by rule; "
      + "empty: the built-in rules (default-rules.yaml in the jar).")
  @Default.String("")
  String getRules();

  void setRules(String value);

  @Description("Secret Manager resource name holding the Slack incoming-webhook URL "
      + "(projects/P/secrets/S[/versions/V]); empty: the environment variable " + ChannelSettings.ENV_SLACK + ".")
  @Default.String("")
  String getSlackWebhookSecret();

  void setSlackWebhookSecret(String value);

  @Description("Secret Manager resource name holding the PagerDuty Events API v2 routing key; empty: the "
      + "environment variable " + ChannelSettings.ENV_PAGERDUTY + ".")
  @Default.String("")
  String getPagerDutyRoutingKeySecret();

  void setPagerDutyRoutingKeySecret(String value);

  @Description("Secret Manager resource name holding the generic JSON webhook URL; empty: the environment "
      + "variable " + ChannelSettings.ENV_WEBHOOK + ".")
  @Default.String("")
  String getWebhookUrlSecret();

  void setWebhookUrlSecret(String value);

  @Description("PagerDuty Events API v2 endpoint (override for a regional endpoint or a test server).")
  @Default.String(ChannelSettings.DEFAULT_PAGERDUTY_EVENTS_URL)
  String getPagerDutyEventsUrl();

  void setPagerDutyEventsUrl(String value);

  @Description("Requests per channel and alert (1-10): retried after HTTP 5xx, 429 and timeouts, with "
      + "exponential backoff from 0.5 s (at most 8 s); other 4xx answers are final.")
  @Default.Integer(4)
  Integer getDeliveryAttempts();

  void setDeliveryAttempts(Integer value);

  @Description("Timeout of each delivery request, in seconds (1-120).")
  @Default.Integer(10)
  Integer getDeliveryTimeoutSeconds();

  void setDeliveryTimeoutSeconds(Integer value);

  @Description("Where to publish the operations report (./eros report) after each run: gs://BUCKET/OBJECT "
      + "(or a local path); empty: no report.")
  @Default.String("")
  String getReportLocation();

  void setReportLocation(String value);
}
