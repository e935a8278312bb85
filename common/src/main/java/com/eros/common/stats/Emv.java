package com.eros.common.stats;

/**
 * Expected monetary value of a message: EMV = earnings / sentCount (expected revenue per
 * recipient).
 */
public final class Emv {

  private Emv() {}

  /**
   * earnings / sentCount.
   *
   * @throws IllegalArgumentException if sentCount &lt; 1 (such messages are invalid and are
   *     filtered out upstream)
   */
  public static double emv(double earnings, long sentCount) {
    if (sentCount < 1) {
      throw new IllegalArgumentException("sentCount must be >= 1: " + sentCount);
    }
    return earnings / sentCount;
  }
}
