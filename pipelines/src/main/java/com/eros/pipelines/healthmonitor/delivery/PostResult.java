package com.eros.pipelines.healthmonitor.delivery;

/** Outcome of one delivery POST (after retries). {@code status} is the last HTTP status, 0 when none. */
public record PostResult(boolean delivered, int status, int attempts, String reason) {
  public String describe() {
    String tries = attempts + " attempt" + (attempts == 1 ? "" : "s");
    return delivered ? "delivered (HTTP " + status + ", " + tries + ")" : "failed: " + reason + " (" + tries + ")";
  }
}
