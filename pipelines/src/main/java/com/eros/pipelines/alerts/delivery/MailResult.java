package com.eros.pipelines.alerts.delivery;

/**
 * Outcome of one e-mail (after retries).
 *
 * @param code the last SMTP reply code, 0 when there was none (connection or TLS failure)
 * @param recipients how many recipients the server accepted
 */
public record MailResult(boolean delivered, int code, int recipients, int attempts, String reason)
    implements SendResult {
  @Override
  public String describe() {
    String tries = SendResult.tries(attempts);
    return delivered
        ? "delivered (SMTP, "
            + recipients
            + " recipient"
            + (recipients == 1 ? "" : "s")
            + ", "
            + tries
            + ")"
        : "failed: " + reason + " (" + tries + ")";
  }
}
