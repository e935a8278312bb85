package com.eros.tools.generate;

/**
 * A caption of the demo bank, with the hidden truth the generator uses and never writes: {@code
 * propensity} (its true success propensity, 0..1, which scales the purchase rate of messages that
 * use it) and {@code retiredAtMs} (when a retired caption stopped being used).
 *
 * @param pageName owning page, or null when shared by every page
 * @param retiredAtMs {@link Long#MAX_VALUE} for an active caption
 */
record Caption(
    long id,
    String text,
    String pageName,
    String category,
    String priceTier,
    boolean active,
    long createdAtMs,
    long retiredAtMs,
    double propensity) {

  /** Whether a message sent at {@code timeMs} could have used this caption. */
  boolean usableAt(long timeMs) {
    return createdAtMs <= timeMs && timeMs < retiredAtMs;
  }
}
