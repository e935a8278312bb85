package com.eros.tools.generate;

import java.util.SplittableRandom;

/**
 * Seeded random streams. Each (seed, stream, index) gets its own generator, so a page's messages do
 * not depend on how many random numbers another page drew: the data is reproducible for a given
 * seed and "now", page by page.
 */
final class Rngs {
  static final int PAGES = 1;
  static final int PROFILE = 2;
  static final int SHARED_CAPTIONS = 3;
  static final int PAGE_CAPTIONS = 4;
  static final int MESSAGES = 5;
  static final int LOCKS = 6;
  static final int INVALID = 7;
  static final int SUB_MILLIS = 8;

  private Rngs() {}

  static SplittableRandom of(long seed, int stream, long index) {
    return new SplittableRandom(mix(seed, stream, index));
  }

  /**
   * A well-mixed 64-bit value of (seed, stream, index) (SplitMix64 finaliser over a combination).
   */
  static long mix(long seed, long stream, long index) {
    long z =
        seed * 0x9E3779B97F4A7C15L + stream * 0xC2B2AE3D27D4EB4FL + index * 0x165667B19E3779F9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * The microseconds below the millisecond of the timestamp number {@code index}: 0 for about two
   * timestamps in three, otherwise 1..999, so a share of the generated TIMESTAMP values carries the
   * sub-millisecond digits BigQuery keeps. From its own stream: the rest of the data does not
   * change.
   */
  static long subMillisMicros(long seed, long index) {
    long z = mix(seed, SUB_MILLIS, index);
    return Math.floorMod(z, 3) == 0 ? 1 + Math.floorMod(z >>> 8, 999) : 0;
  }

  /**
   * Epoch microseconds of epoch millis {@code ms} plus the sub-millisecond digits of timestamp
   * {@code index}.
   */
  static long micros(long ms, long seed, long index) {
    return ms * 1000L + subMillisMicros(seed, index);
  }

  /** A uniform double in [lo, hi). */
  static double between(SplittableRandom rng, double lo, double hi) {
    return lo + (hi - lo) * rng.nextDouble();
  }

  /** A uniform long in [lo, hi) (lo when the range is empty). */
  static long between(SplittableRandom rng, long lo, long hi) {
    return hi <= lo ? lo : rng.nextLong(lo, hi);
  }
}
