package com.eros.pipelines.alerts;

import com.eros.pipelines.alerts.delivery.ChannelSettings;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Where the alerts of a pipeline go: the options of every pipeline that raises alerts (health
 * monitor, daily automation, lock sweep). Webhook URLs, the PagerDuty routing key and the SMTP
 * password are never options: they come from the environment variables EROS_SLACK_WEBHOOK_URL,
 * EROS_PAGERDUTY_ROUTING_KEY, EROS_WEBHOOK_URL, EROS_GOOGLE_CHAT_WEBHOOK_URL and EROS_SMTP_PASSWORD
 * or from the Secret Manager secrets named here.
 */
public interface AlertOptions extends PipelineOptions {
  @Description("Rules file (YAML, local path or gs://) overriding the built-in default-rules.yaml part by part: "
      + "per-level routing, the health monitor's rules, the cooldowns of pipeline alerts; empty: the built-in file.")
  @Default.String("")
  String getRules();

  void setRules(String value);

  @Description("Secret Manager resource name holding the Slack incoming-webhook URL "
      + "(projects/P/secrets/S[/versions/V]); empty: the environment variable " + ChannelSettings.ENV_SLACK + ".")
  @Default.String("")
  String getSlackWebhookSecret();

  void setSlackWebhookSecret(String value);

  @Description("Secret Manager resource name holding the Google Chat incoming-webhook URL; empty: the environment "
      + "variable " + ChannelSettings.ENV_GOOGLE_CHAT + ".")
  @Default.String("")
  String getGoogleChatWebhookSecret();

  void setGoogleChatWebhookSecret(String value);

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

  @Description("PagerDuty Events API v2 endpoint (override for a regional endpoint); https only (http only on "
      + "127.0.0.1, ::1 or localhost, for tests).")
  @Default.String(ChannelSettings.DEFAULT_PAGERDUTY_EVENTS_URL)
  String getPagerDutyEventsUrl();

  void setPagerDutyEventsUrl(String value);

  @Description("E-mail recipients of alerts, comma-separated; empty: no e-mail. Needs --mailFrom and --smtpHost.")
  @Default.String("")
  String getMailTo();

  void setMailTo(String value);

  @Description("Sender address of alert e-mails (also the SMTP envelope sender).")
  @Default.String("")
  String getMailFrom();

  void setMailFrom(String value);

  @Description("SMTP server of alert e-mails.")
  @Default.String("")
  String getSmtpHost();

  void setSmtpHost(String value);

  @Description("SMTP port; empty: 587 for STARTTLS, 465 for TLS, 25 for NONE.")
  Integer getSmtpPort();

  void setSmtpPort(Integer value);

  @Description("How the SMTP connection is secured: STARTTLS (required upgrade), TLS (implicit TLS, \"SMTPS\") "
      + "or NONE (plain text, only for a server on 127.0.0.1, ::1 or localhost). The server's certificate and "
      + "host name are checked.")
  @Default.String("STARTTLS")
  String getSmtpTls();

  void setSmtpTls(String value);

  @Description("SMTP user to authenticate as; empty: no authentication. The password comes from the environment "
      + "variable " + ChannelSettings.ENV_SMTP_PASSWORD + " or --smtpPasswordSecret.")
  @Default.String("")
  String getSmtpUser();

  void setSmtpUser(String value);

  @Description("Secret Manager resource name holding the SMTP password; empty: the environment variable "
      + ChannelSettings.ENV_SMTP_PASSWORD + ".")
  @Default.String("")
  String getSmtpPasswordSecret();

  void setSmtpPasswordSecret(String value);

  @Description("Tries per channel and alert (1-10): retried after HTTP 5xx, 429, SMTP 4xx, connection failures and "
      + "timeouts, with exponential backoff from 0.5 s (at most 8 s); other answers are final.")
  @Default.Integer(4)
  Integer getDeliveryAttempts();

  void setDeliveryAttempts(Integer value);

  @Description("Timeout of each delivery request (HTTP request, SMTP read or write), in seconds (1-120).")
  @Default.Integer(10)
  Integer getDeliveryTimeoutSeconds();

  void setDeliveryTimeoutSeconds(Integer value);
}
