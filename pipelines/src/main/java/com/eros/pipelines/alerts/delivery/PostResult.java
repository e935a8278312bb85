package com.eros.pipelines.alerts.delivery;

/**
 * Outcome of one delivery POST (after retries). {@code status} is the last HTTP status, 0 when
 * none.
 */
public record PostResult(boolean delivered, int status, int attempts, String reason)
    implements SendResult {
  @Override
  public String describe() {
    String tries = SendResult.tries(attempts);
    return delivered
        ? "delivered (HTTP " + status + ", " + tries + ")"
        : "failed: " + reason + " (" + tries + ")";
  }
}
