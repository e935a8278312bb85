package com.eros.pipelines.healthmonitor.delivery;

import com.eros.pipelines.healthmonitor.Channel;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where each channel's secret comes from: a Secret Manager resource name (option) or else an
 * environment variable. Holds names only, never values, so it can travel inside a pipeline; the
 * values are resolved on the worker ({@link #resolve}).
 *
 * @param pagerDutyEventsUrl the Events API v2 endpoint (overridable, e.g. for a regional endpoint or a test server)
 */
public record ChannelSettings(
    String slackWebhookSecret, String pagerDutyRoutingKeySecret, String webhookUrlSecret, String pagerDutyEventsUrl,
    RetryPolicy retry) implements Serializable {

  public static final String ENV_SLACK = "EROS_SLACK_WEBHOOK_URL";
  public static final String ENV_PAGERDUTY = "EROS_PAGERDUTY_ROUTING_KEY";
  public static final String ENV_WEBHOOK = "EROS_WEBHOOK_URL";
  public static final String DEFAULT_PAGERDUTY_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";

  public ChannelSettings {
    slackWebhookSecret = blankToNull(slackWebhookSecret);
    pagerDutyRoutingKeySecret = blankToNull(pagerDutyRoutingKeySecret);
    webhookUrlSecret = blankToNull(webhookUrlSecret);
    pagerDutyEventsUrl = blankToNull(pagerDutyEventsUrl) == null ? DEFAULT_PAGERDUTY_EVENTS_URL : pagerDutyEventsUrl.strip();
    for (String s : new String[] {slackWebhookSecret, pagerDutyRoutingKeySecret, webhookUrlSecret}) {
      if (s != null) {
        SecretManagerClient.normalize(s);
      }
    }
    httpUrl(pagerDutyEventsUrl, "the PagerDuty events URL");
  }

  /** The Secret Manager resource name configured for a channel, or null. */
  public String secretName(Channel c) {
    return switch (c) {
      case SLACK -> slackWebhookSecret;
      case PAGERDUTY -> pagerDutyRoutingKeySecret;
      case WEBHOOK -> webhookUrlSecret;
    };
  }

  public static String envVar(Channel c) {
    return switch (c) {
      case SLACK -> ENV_SLACK;
      case PAGERDUTY -> ENV_PAGERDUTY;
      case WEBHOOK -> ENV_WEBHOOK;
    };
  }

  /** One line per channel saying where its secret comes from (no values). */
  public List<String> describe(Environment env) {
    List<String> out = new ArrayList<>();
    for (Channel c : Channel.values()) {
      String secret = secretName(c);
      String v = env.get(envVar(c));
      out.add(c.id() + ": " + (secret != null ? "Secret Manager " + secret
          : v != null && !v.isBlank() ? "environment variable " + envVar(c) : "not configured (set " + envVar(c)
              + " or --" + optionName(c) + ")"));
    }
    return out;
  }

  static String optionName(Channel c) {
    return switch (c) {
      case SLACK -> "slackWebhookSecret";
      case PAGERDUTY -> "pagerDutyRoutingKeySecret";
      case WEBHOOK -> "webhookUrlSecret";
    };
  }

  /** Resolves every channel's secret. The Secret Manager client is only created when a secret name is set. */
  public Endpoints resolve(Environment env, Supplier<SecretSource> secrets) {
    Map<Channel, Endpoints.Endpoint> map = new EnumMap<>(Channel.class);
    Redactor redactor = new Redactor();
    SecretSource source = null;
    for (Channel c : Channel.values()) {
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
          map.put(c, Endpoints.Endpoint.notConfigured("not configured (set " + envVar(c) + " or --" + optionName(c) + ")"));
          continue;
        }
      }
      value = value.strip();
      redactor.add(value);
      try {
        if (c == Channel.PAGERDUTY) {
          map.put(c, Endpoints.Endpoint.of(httpUrl(pagerDutyEventsUrl, "the PagerDuty events URL"), value));
        } else {
          map.put(c, Endpoints.Endpoint.of(httpUrl(value, "the value of " + origin), null));
        }
      } catch (IllegalArgumentException e) {
        map.put(c, Endpoints.Endpoint.error(e.getMessage()));
      }
    }
    return new Endpoints(map, redactor);
  }

  /** An http(s) URL; the message names the setting, never the value. */
  static URI httpUrl(String value, String what) {
    URI u;
    try {
      u = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not a URL");
    }
    if (u.getScheme() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http")) || u.getHost() == null) {
      throw new IllegalArgumentException(what + " is not an http(s) URL");
    }
    return u;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
