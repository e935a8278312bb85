package com.eros.pipelines.alerts;

import com.eros.common.template.Regexes;
import com.eros.common.template.TemplateParameter;
import com.eros.common.template.TemplateParameter.ParamType;
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
  @Description(
      "Rules file (YAML, local path or gs://) overriding the built-in default-rules.yaml part by part: "
          + "per-level routing, the health monitor's rules, the cooldowns of pipeline alerts; empty: the built-in file.")
  @Default.String("")
  @TemplateParameter(
      label = "Rules file",
      helpText =
          "A gs://BUCKET/PATH YAML file overriding the built-in default-rules.yaml part by part: per-level routing "
              + "(which channels get CRITICAL, WARNING, INFO), the health monitor's rules, the cooldowns of pipeline alerts; "
              + "empty: the built-in file (CRITICAL to every configured channel, WARNING to Slack and Google Chat, INFO nowhere).",
      regexes = "^(|gs://[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]/.+)$",
      paramType = ParamType.GCS_READ_FILE,
      example = "gs://my-bucket/eros/alert-rules.yaml")
  String getRules();

  void setRules(String value);

  @Description(
      "Secret Manager resource name holding the Slack incoming-webhook URL "
          + "(projects/P/secrets/S[/versions/V]); empty: the environment variable "
          + ChannelSettings.ENV_SLACK
          + ".")
  @Default.String("")
  @TemplateParameter(
      label = "Slack webhook secret",
      helpText =
          "Secret Manager resource name (projects/P/secrets/S[/versions/V]) holding the Slack incoming-webhook URL; "
              + "empty: no Slack delivery (Dataflow workers have no environment variables to read it from).",
      regexes = Regexes.SECRET_NAME_OR_EMPTY,
      example = "projects/my-project/secrets/eros-slack-webhook")
  String getSlackWebhookSecret();

  void setSlackWebhookSecret(String value);

  @Description(
      "Secret Manager resource name holding the Google Chat incoming-webhook URL; empty: the environment "
          + "variable "
          + ChannelSettings.ENV_GOOGLE_CHAT
          + ".")
  @Default.String("")
  @TemplateParameter(
      label = "Google Chat webhook secret",
      helpText =
          "Secret Manager resource name holding the Google Chat incoming-webhook URL; empty: no Google Chat delivery.",
      regexes = Regexes.SECRET_NAME_OR_EMPTY,
      example = "projects/my-project/secrets/eros-google-chat-webhook")
  String getGoogleChatWebhookSecret();

  void setGoogleChatWebhookSecret(String value);

  @Description(
      "Secret Manager resource name holding the PagerDuty Events API v2 routing key; empty: the "
          + "environment variable "
          + ChannelSettings.ENV_PAGERDUTY
          + ".")
  @Default.String("")
  @TemplateParameter(
      label = "PagerDuty routing key secret",
      helpText =
          "Secret Manager resource name holding the PagerDuty Events API v2 routing key; empty: no PagerDuty delivery.",
      regexes = Regexes.SECRET_NAME_OR_EMPTY,
      example = "projects/my-project/secrets/eros-pagerduty-routing-key/versions/latest")
  String getPagerDutyRoutingKeySecret();

  void setPagerDutyRoutingKeySecret(String value);

  @Description(
      "Secret Manager resource name holding the generic JSON webhook URL; empty: the environment "
          + "variable "
          + ChannelSettings.ENV_WEBHOOK
          + ".")
  @Default.String("")
  @TemplateParameter(
      label = "Webhook URL secret",
      helpText =
          "Secret Manager resource name holding a generic JSON webhook URL (https); empty: no webhook delivery.",
      regexes = Regexes.SECRET_NAME_OR_EMPTY,
      example = "projects/my-project/secrets/eros-webhook")
  String getWebhookUrlSecret();

  void setWebhookUrlSecret(String value);

  @Description(
      "PagerDuty Events API v2 endpoint (override for a regional endpoint); https only (http only on "
          + "127.0.0.1, ::1 or localhost, for tests).")
  @Default.String(ChannelSettings.DEFAULT_PAGERDUTY_EVENTS_URL)
  @TemplateParameter(
      label = "PagerDuty events endpoint",
      helpText = "PagerDuty Events API v2 endpoint, https only (override for a regional endpoint).",
      regexes = "^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[!-~]*)?$")
  String getPagerDutyEventsUrl();

  void setPagerDutyEventsUrl(String value);

  @Description(
      "E-mail recipients of alerts, comma-separated; empty: no e-mail. Needs --mailFrom and --smtpHost.")
  @Default.String("")
  @TemplateParameter(
      label = "Alert e-mail recipients",
      regexes = Regexes.EMAIL_LIST_OR_EMPTY,
      example = "oncall@example.com, ops@example.com")
  String getMailTo();

  void setMailTo(String value);

  @Description("Sender address of alert e-mails (also the SMTP envelope sender).")
  @Default.String("")
  @TemplateParameter(
      label = "Alert e-mail sender",
      regexes = Regexes.EMAIL_OR_EMPTY,
      example = "eros-alerts@example.com")
  String getMailFrom();

  void setMailFrom(String value);

  @Description("SMTP server of alert e-mails.")
  @Default.String("")
  @TemplateParameter(
      label = "SMTP server",
      regexes =
          "^(|[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)$",
      example = "smtp.example.com")
  String getSmtpHost();

  void setSmtpHost(String value);

  @Description("SMTP port; empty: 587 for STARTTLS, 465 for TLS, 25 for NONE.")
  @TemplateParameter(
      label = "SMTP port",
      regexes = "^[1-9][0-9]{0,4}$",
      paramType = ParamType.NUMBER,
      example = "587")
  Integer getSmtpPort();

  void setSmtpPort(Integer value);

  @Description(
      "How the SMTP connection is secured: STARTTLS (required upgrade), TLS (implicit TLS, \"SMTPS\") "
          + "or NONE (plain text, only for a server on 127.0.0.1, ::1 or localhost). The server's certificate and "
          + "host name are checked.")
  @Default.String("STARTTLS")
  @TemplateParameter(
      label = "SMTP security",
      helpText =
          "STARTTLS (required upgrade) or TLS (implicit TLS, usually port 465). The server's certificate and host name "
              + "are checked; plain text is not available on Dataflow.",
      regexes = "^(STARTTLS|TLS|starttls|tls)$")
  String getSmtpTls();

  void setSmtpTls(String value);

  @Description(
      "SMTP user to authenticate as; empty: no authentication. The password comes from the environment "
          + "variable "
          + ChannelSettings.ENV_SMTP_PASSWORD
          + " or --smtpPasswordSecret.")
  @Default.String("")
  @TemplateParameter(
      label = "SMTP user",
      helpText =
          "User to authenticate as; empty: no authentication. The password comes from smtpPasswordSecret.",
      regexes = "^(|[A-Za-z0-9._%+@-]{1,256})$",
      example = "eros-alerts@example.com")
  String getSmtpUser();

  void setSmtpUser(String value);

  @Description(
      "Secret Manager resource name holding the SMTP password; empty: the environment variable "
          + ChannelSettings.ENV_SMTP_PASSWORD
          + ".")
  @Default.String("")
  @TemplateParameter(
      label = "SMTP password secret",
      helpText = "Secret Manager resource name holding the SMTP password of smtpUser.",
      regexes = Regexes.SECRET_NAME_OR_EMPTY,
      example = "projects/my-project/secrets/eros-smtp-password")
  String getSmtpPasswordSecret();

  void setSmtpPasswordSecret(String value);

  @Description(
      "Tries per channel and alert (1-10): retried after HTTP 5xx, 429, SMTP 4xx, connection failures and "
          + "timeouts, with exponential backoff from 0.5 s (at most 8 s); other answers are final.")
  @Default.Integer(4)
  @TemplateParameter(
      label = "Delivery attempts",
      regexes = "^([1-9]|10)$",
      paramType = ParamType.NUMBER)
  Integer getDeliveryAttempts();

  void setDeliveryAttempts(Integer value);

  @Description(
      "Timeout of each delivery request (HTTP request, SMTP read or write), in seconds (1-120).")
  @Default.Integer(10)
  @TemplateParameter(
      label = "Delivery time-out (s)",
      regexes = "^([1-9]|[1-9][0-9]|1[01][0-9]|120)$",
      paramType = ParamType.NUMBER)
  Integer getDeliveryTimeoutSeconds();

  void setDeliveryTimeoutSeconds(Integer value);
}
