package com.eros.pipelines.alerts.delivery;

/** Outcome of sending one alert to one channel, after retries. */
public interface SendResult {
  boolean delivered();

  /**
   * One clause for delivery_detail, e.g. "delivered (HTTP 200, 1 attempt)"; may hold secrets until
   * redacted.
   */
  String describe();

  static String tries(int attempts) {
    return attempts + " attempt" + (attempts == 1 ? "" : "s");
  }
}
