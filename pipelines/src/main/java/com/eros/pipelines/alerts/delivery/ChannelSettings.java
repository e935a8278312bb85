package com.eros.pipelines.alerts.delivery;

import com.eros.pipelines.alerts.Channel;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where each channel's secret comes from: a Secret Manager resource name (option) or else an
 * environment variable; and the e-mail channel's settings. Holds names only, never values, so it
 * can travel inside a pipeline; the values are resolved on the worker ({@link #resolve}).
 *
 * <p>Every URL must be https; plain http is accepted only on a loopback host (127.0.0.1, ::1,
 * localhost), for tests. A bad URL given as an option ({@code --pagerDutyEventsUrl}) is refused
 * when the settings are built; one that comes from a secret is a failed delivery naming the
 * setting.
 *
 * @param pagerDutyEventsUrl the Events API v2 endpoint (overridable, e.g. for a regional endpoint
 *     or a test server)
 */
public record ChannelSettings(
    String slackWebhookSecret,
    String pagerDutyRoutingKeySecret,
    String webhookUrlSecret,
    String googleChatWebhookSecret,
    String smtpPasswordSecret,
    String pagerDutyEventsUrl,
    MailSettings mail,
    RetryPolicy retry)
    implements Serializable {

  public static final String ENV_SLACK = "EROS_SLACK_WEBHOOK_URL";
  public static final String ENV_PAGERDUTY = "EROS_PAGERDUTY_ROUTING_KEY";
  public static final String ENV_WEBHOOK = "EROS_WEBHOOK_URL";
  public static final String ENV_GOOGLE_CHAT = "EROS_GOOGLE_CHAT_WEBHOOK_URL";
  public static final String ENV_SMTP_PASSWORD = "EROS_SMTP_PASSWORD";
  public static final String DEFAULT_PAGERDUTY_EVENTS_URL =
      "https://events.pagerduty.com/v2/enqueue";

  public ChannelSettings {
    slackWebhookSecret = blankToNull(slackWebhookSecret);
    pagerDutyRoutingKeySecret = blankToNull(pagerDutyRoutingKeySecret);
    webhookUrlSecret = blankToNull(webhookUrlSecret);
    googleChatWebhookSecret = blankToNull(googleChatWebhookSecret);
    smtpPasswordSecret = blankToNull(smtpPasswordSecret);
    pagerDutyEventsUrl =
        blankToNull(pagerDutyEventsUrl) == null
            ? DEFAULT_PAGERDUTY_EVENTS_URL
            : pagerDutyEventsUrl.strip();
    mail = mail == null ? MailSettings.none() : mail;
    for (String s :
        new String[] {
          slackWebhookSecret,
          pagerDutyRoutingKeySecret,
          webhookUrlSecret,
          googleChatWebhookSecret,
          smtpPasswordSecret
        }) {
      if (s != null) {
        SecretManagerClient.normalize(s);
      }
    }
    if (smtpPasswordSecret != null && mail.user() == null) {
      throw new IllegalArgumentException(
          "--smtpPasswordSecret needs --smtpUser (the password is only sent to authenticate)");
    }
    httpsUrl(pagerDutyEventsUrl, "--pagerDutyEventsUrl=" + pagerDutyEventsUrl);
  }

  /**
   * The webhook channels only (Slack, PagerDuty, webhook, Google Chat from the environment), no
   * e-mail.
   */
  public static ChannelSettings webhooks(String pagerDutyEventsUrl, RetryPolicy retry) {
    return new ChannelSettings(
        null, null, null, null, null, pagerDutyEventsUrl, MailSettings.none(), retry);
  }

  /** The Secret Manager resource name configured for a channel's secret, or null. */
  public String secretName(Channel c) {
    return switch (c) {
      case SLACK -> slackWebhookSecret;
      case PAGERDUTY -> pagerDutyRoutingKeySecret;
      case WEBHOOK -> webhookUrlSecret;
      case GOOGLE_CHAT -> googleChatWebhookSecret;
      case EMAIL -> smtpPasswordSecret;
    };
  }

  /** The environment variable of a channel's secret (for e-mail: the SMTP password). */
  public static String envVar(Channel c) {
    return switch (c) {
      case SLACK -> ENV_SLACK;
      case PAGERDUTY -> ENV_PAGERDUTY;
      case WEBHOOK -> ENV_WEBHOOK;
      case GOOGLE_CHAT -> ENV_GOOGLE_CHAT;
      case EMAIL -> ENV_SMTP_PASSWORD;
    };
  }

  /** The option naming a channel's secret in Secret Manager. */
  public static String optionName(Channel c) {
    return switch (c) {
      case SLACK -> "slackWebhookSecret";
      case PAGERDUTY -> "pagerDutyRoutingKeySecret";
      case WEBHOOK -> "webhookUrlSecret";
      case GOOGLE_CHAT -> "googleChatWebhookSecret";
      case EMAIL -> "smtpPasswordSecret";
    };
  }

  /** One line per channel saying where its settings come from (no secret values). */
  public List<String> describe(Environment env) {
    List<String> out = new ArrayList<>();
    for (Channel c : Channel.values()) {
      String secret = secretName(c);
      String v = env.get(envVar(c));
      String origin =
          secret != null
              ? "Secret Manager " + secret
              : v != null && !v.isBlank() ? "environment variable " + envVar(c) : null;
      if (c == Channel.EMAIL) {
        out.add(
            c.id()
                + ": "
                + (!mail.configured()
                    ? "not configured (set --mailTo, --mailFrom and --smtpHost)"
                    : "to "
                        + String.join(", ", mail.to())
                        + " via "
                        + mail.host()
                        + ":"
                        + mail.effectivePort()
                        + " ("
                        + mail.tls()
                        + (mail.user() == null
                            ? ", no authentication"
                            : ", user "
                                + mail.user()
                                + ", password from "
                                + (origin == null
                                    ? "nowhere: set " + ENV_SMTP_PASSWORD + " or --" + optionName(c)
                                    : origin))
                        + ")"));
      } else {
        out.add(c.id() + ": " + (origin != null ? origin : notConfigured(c)));
      }
    }
    return out;
  }

  private static String notConfigured(Channel c) {
    return c == Channel.EMAIL
        ? "not configured (set --mailTo, --mailFrom and --smtpHost)"
        : "not configured (set " + envVar(c) + " or --" + optionName(c) + ")";
  }

  /**
   * Resolves every channel's secret. The Secret Manager client is only created when a secret name
   * is set.
   */
  public Endpoints resolve(Environment env, Supplier<SecretSource> secrets) {
    Map<Channel, Endpoints.Endpoint> map = new EnumMap<>(Channel.class);
    Redactor redactor = new Redactor();
    SecretSource source = null;
    for (Channel c : Channel.values()) {
      if (c == Channel.EMAIL && !mail.configured()) {
        map.put(c, Endpoints.Endpoint.notConfigured(notConfigured(c)));
        continue;
      }
      if (c == Channel.EMAIL && mail.user() == null) {
        map.put(c, Endpoints.Endpoint.of(null, null));
        continue;
      }
      String secretName = secretName(c);
      String value;
      String origin;
      if (secretName != null) {
        origin = "secret " + secretName;
        try {
          if (source == null) {
            source = secrets.get();
          }
          value = source.access(secretName);
        } catch (IOException | RuntimeException e) {
          map.put(c, Endpoints.Endpoint.error("cannot read " + origin + ": " + e.getMessage()));
          continue;
        }
      } else {
        origin = "environment variable " + envVar(c);
        value = env.get(envVar(c));
        if (value == null || value.isBlank()) {
          map.put(
              c,
              c == Channel.EMAIL
                  ? Endpoints.Endpoint.error(
                      "no SMTP password for user "
                          + mail.user()
                          + " (set "
                          + ENV_SMTP_PASSWORD
                          + " or --"
                          + optionName(c)
                          + ")")
                  : Endpoints.Endpoint.notConfigured(notConfigured(c)));
          continue;
        }
      }
      value = c == Channel.EMAIL ? value : value.strip();
      redactor.add(value);
      try {
        switch (c) {
          case PAGERDUTY ->
              map.put(
                  c,
                  Endpoints.Endpoint.of(
                      httpsUrl(pagerDutyEventsUrl, "--pagerDutyEventsUrl"), value));
          case EMAIL -> map.put(c, Endpoints.Endpoint.of(null, value));
          default ->
              map.put(c, Endpoints.Endpoint.of(httpsUrl(value, "the value of " + origin), null));
        }
      } catch (IllegalArgumentException e) {
        map.put(c, Endpoints.Endpoint.error(e.getMessage()));
      }
    }
    return new Endpoints(map, redactor);
  }

  /**
   * An https URL, or an http one on a loopback host; the message names the setting ({@code what}),
   * never a secret value.
   */
  public static URI httpsUrl(String value, String what) {
    URI u;
    try {
      u = new URI(value);
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException(what + " is not a URL");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (u.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException(what + " is not an https URL");
    }
    if (scheme.equals("http") && !loopback(u.getHost())) {
      throw new IllegalArgumentException(
          what
              + " is not an https URL (plain http is allowed only on 127.0.0.1, ::1 "
              + "or localhost, for tests)");
    }
    return u;
  }

  /** 127.0.0.1, ::1 (also as [::1]) or localhost. */
  public static boolean loopback(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    return h.equals("127.0.0.1") || h.equals("localhost") || h.equals("::1") || h.equals("[::1]");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
