package com.eros.pipelines.alerts.delivery;

import com.eros.pipelines.alerts.Channel;
import java.net.URI;
import java.util.Map;

/**
 * The resolved channels: URL (and PagerDuty routing key) per channel, or why the channel is
 * unusable.
 */
public final class Endpoints {
  /**
   * A channel's endpoint; {@code problem} is set when it cannot be used. {@code toString} hides the
   * values.
   */
  public record Endpoint(URI url, String key, boolean configured, String problem) {
    public static Endpoint of(URI url, String key) {
      return new Endpoint(url, key, true, null);
    }

    public static Endpoint notConfigured(String why) {
      return new Endpoint(null, null, false, why);
    }

    public static Endpoint error(String why) {
      return new Endpoint(null, null, true, why);
    }

    public boolean usable() {
      return problem == null;
    }

    @Override
    public String toString() {
      return usable() ? "Endpoint[configured]" : "Endpoint[" + problem + "]";
    }
  }

  private final Map<Channel, Endpoint> endpoints;
  private final Redactor redactor;

  Endpoints(Map<Channel, Endpoint> endpoints, Redactor redactor) {
    this.endpoints = Map.copyOf(endpoints);
    this.redactor = redactor;
  }

  public Endpoint get(Channel c) {
    return endpoints.get(c);
  }

  /** Hides every resolved secret. */
  public Redactor redactor() {
    return redactor;
  }

  @Override
  public String toString() {
    return "Endpoints" + endpoints;
  }
}
