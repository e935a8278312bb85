package com.eros.pipelines.alerts.delivery;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a delivery is tried: up to {@code maxAttempts} requests, each bounded by {@code
 * requestTimeout}; after a 5xx, a 429 or a timeout/connection failure it waits {@code
 * initialBackoff} doubled per attempt (capped at {@code maxBackoff}) and tries again; any other 4xx
 * is final.
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration connectTimeout,
    Duration requestTimeout)
    implements Serializable {

  public RetryPolicy {
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new IllegalArgumentException("delivery attempts must be 1..10, not " + maxAttempts);
    }
    if (requestTimeout.isNegative()
        || requestTimeout.isZero()
        || connectTimeout.isNegative()
        || connectTimeout.isZero()) {
      throw new IllegalArgumentException("delivery timeouts must be positive");
    }
  }

  public static RetryPolicy of(int maxAttempts, Duration requestTimeout) {
    return new RetryPolicy(
        maxAttempts,
        Duration.ofMillis(500),
        Duration.ofSeconds(8),
        requestTimeout.compareTo(Duration.ofSeconds(5)) < 0
            ? requestTimeout
            : Duration.ofSeconds(5),
        requestTimeout);
  }

  /** The wait after failed attempt {@code attempt} (1-based). */
  public Duration backoffAfter(int attempt) {
    long ms = initialBackoff.toMillis();
    for (int i = 1; i < attempt && ms < maxBackoff.toMillis(); i++) {
      ms *= 2;
    }
    return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
  }

  /** Whether an HTTP status is worth another attempt. */
  public static boolean retryable(int status) {
    return status >= 500 || status == 429;
  }
}
