package com.eros.tools.generate;

/**
 * Which messages are planted invalid, by global message index. The N messages are cut into K equal
 * strata (K = 0.5 % of N); one message per stratum, at a seeded offset, is invalid, and stratum k
 * gets corruption k mod 14, so every kind occurs (about K / 14 times each) once N >= 1000, at an
 * exact share, and the decision for one message needs no state: pages are generated independently.
 */
final class InvalidRows {
  /** Share of invalid messages. */
  static final double SHARE = 0.005;

  private static final Corruption[] KINDS = Corruption.values();

  private final long total;
  private final long strata;
  private final long seed;

  InvalidRows(long total, long seed) {
    this.total = total;
    this.seed = seed;
    long k = Math.round(total * SHARE);
    if (total >= 1000) {
      k = Math.max(k, KINDS.length);
    }
    this.strata = Math.min(k, total);
  }

  /** Number of invalid messages. */
  long count() {
    return strata;
  }

  /**
   * The corruption planted at global message index {@code g}, or null when the message is valid.
   */
  Corruption at(long g) {
    if (strata == 0) {
      return null;
    }
    long k = Math.floorDiv(Math.addExact(Math.multiplyExact(g + 1, strata), -1), total);
    long lo = low(k);
    long size = low(k + 1) - lo;
    long target = lo + Math.floorMod(Rngs.mix(seed, Rngs.INVALID, k), size);
    return g == target ? KINDS[(int) (k % KINDS.length)] : null;
  }

  private long low(long k) {
    return Math.multiplyExact(k, total) / strata;
  }
}
