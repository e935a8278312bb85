package com.eros.pipelines.alerts;

import com.eros.common.time.Clock;
import com.eros.pipelines.alerts.delivery.ChannelSettings;
import com.eros.pipelines.alerts.delivery.Environment;
import com.eros.pipelines.alerts.delivery.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Alert deliveries for pipeline tests: the built-in routing and cooldowns, channels from a given
 * environment.
 */
public final class TestAlerts {
  private TestAlerts() {}

  /** Short retries for tests: 2 attempts, 10–20 ms backoff, 2 s timeouts. */
  public static RetryPolicy fast() {
    return policy(2, 20, Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  /**
   * Retries for the delivery tests: {@code attempts} tries, 10–40 ms backoff, 2 s connect and 5 s
   * request timeouts (not {@link #fast()}, which is 2 tries with 2 s timeouts).
   */
  public static RetryPolicy retrying(int attempts) {
    return policy(attempts, 40, Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  /** Two tries, 10 ms backoff, a 1 s connect timeout and {@code request} for each request. */
  public static RetryPolicy timingOut(Duration request) {
    return policy(2, 10, Duration.ofSeconds(1), request);
  }

  /** {@code attempts} tries, a backoff from 10 ms to {@code maxBackoffMs}, and the timeouts. */
  private static RetryPolicy policy(
      int attempts, long maxBackoffMs, Duration connect, Duration request) {
    return new RetryPolicy(
        attempts, Duration.ofMillis(10), Duration.ofMillis(maxBackoffMs), connect, request);
  }

  /** An environment with no channel variable set. */
  public static final Environment NO_CHANNELS = name -> null;

  /** No channel configured: every alert is written and recorded NOT_ROUTED. */
  public static AlertDelivery unconfigured() {
    Environment none = name -> null;
    return new AlertDelivery(
        ChannelSettings.webhooks(null, fast()), AlertsFile.builtIn(), none, Clock.system());
  }

  /**
   * Channels from {@code env} (variable name to value), the built-in rules, delivered_at from
   * {@code clock}.
   */
  public static AlertDelivery withEnv(Map<String, String> env, Instant clock) {
    Map<String, String> copy = Map.copyOf(env);
    Environment e = copy::get;
    return new AlertDelivery(
        ChannelSettings.webhooks(null, fast()), AlertsFile.builtIn(), e, Clock.fixed(clock));
  }
}
