package com.eros.common.stats;

/**
 * Exponential time decay with a half-life.
 *
 * <pre>
 *   weight   = 0.5 ^ (ageDays / halfLifeDays)
 *   ageDays  = (asOfMicros − sendMicros) / 86 400 000 000   (fractional days)
 * </pre>
 *
 * <p>A message sent exactly one half-life ago weighs 0.5. Ages are not clamped: callers select
 * messages strictly before asOf, so ages are positive.
 */
public final class Decay {

  /** Microseconds in one day (timestamps are microsecond-precise). */
  public static final double MICROS_PER_DAY = 86_400_000_000.0;

  private Decay() {}

  /**
   * Decay weight 0.5 ^ (ageDays / halfLifeDays).
   *
   * @throws IllegalArgumentException if halfLifeDays is not finite and positive, or ageDays is NaN
   */
  public static double weight(double ageDays, double halfLifeDays) {
    if (!(halfLifeDays > 0) || Double.isInfinite(halfLifeDays)) {
      throw new IllegalArgumentException("halfLifeDays must be finite and > 0: " + halfLifeDays);
    }
    if (Double.isNaN(ageDays)) {
      throw new IllegalArgumentException("ageDays must not be NaN");
    }
    return Math.pow(0.5, ageDays / halfLifeDays);
  }

  /** Age in fractional days: (asOfMicros − sendMicros) / 86 400 000 000. */
  public static double ageDays(long asOfMicros, long sendMicros) {
    return (asOfMicros - sendMicros) / MICROS_PER_DAY;
  }
}
