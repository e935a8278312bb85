package com.eros.pipelines.alerts;

import com.eros.common.time.Clock;
import com.eros.pipelines.alerts.delivery.ChannelSettings;
import com.eros.pipelines.alerts.delivery.Environment;
import com.eros.pipelines.alerts.delivery.MailSettings;
import com.eros.pipelines.alerts.delivery.RetryPolicy;
import com.eros.pipelines.support.UsageException;
import java.io.Serializable;
import java.time.Duration;

/**
 * Everything a pipeline needs to deliver its alerts, validated before the pipeline is built: the
 * channel settings (secret names, never values), the routing and cooldowns of the rules file, where
 * environment variables come from, and the clock that stamps delivered_at.
 */
public record AlertDelivery(
    ChannelSettings channels, AlertPolicy policy, Environment env, Clock clock)
    implements Serializable {

  /**
   * From the options, with the policy of {@code --rules} (the built-in file when empty); a bad
   * option or rules file is a {@link UsageException} naming it.
   */
  public static AlertDelivery from(AlertOptions o, Environment env, Clock clock) {
    AlertPolicy policy;
    try {
      policy = AlertsFile.load(o.getRules(), o);
    } catch (RuleFileException e) {
      throw new UsageException(e.getMessage(), e);
    }
    return new AlertDelivery(channels(o), policy, env, clock);
  }

  /**
   * The channel settings of the options; a bad value is a {@link UsageException} naming the option.
   */
  public static ChannelSettings channels(AlertOptions o) {
    Integer attempts = o.getDeliveryAttempts();
    Integer timeout = o.getDeliveryTimeoutSeconds();
    if (attempts == null || attempts < 1 || attempts > 10) {
      throw new UsageException("--deliveryAttempts=" + attempts + " must be between 1 and 10");
    }
    if (timeout == null || timeout < 1 || timeout > 120) {
      throw new UsageException(
          "--deliveryTimeoutSeconds=" + timeout + " must be between 1 and 120");
    }
    try {
      MailSettings mail =
          MailSettings.of(
              o.getMailTo(),
              o.getMailFrom(),
              o.getSmtpHost(),
              o.getSmtpPort(),
              o.getSmtpTls(),
              o.getSmtpUser());
      return new ChannelSettings(
          o.getSlackWebhookSecret(),
          o.getPagerDutyRoutingKeySecret(),
          o.getWebhookUrlSecret(),
          o.getGoogleChatWebhookSecret(),
          o.getSmtpPasswordSecret(),
          o.getPagerDutyEventsUrl(),
          mail,
          RetryPolicy.of(attempts, Duration.ofSeconds(timeout)));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }
}
