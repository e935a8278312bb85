package com.eros.pipelines.backtest;

import com.eros.common.table.Timestamps;
import com.eros.pipelines.captionperformance.CaptionPerformanceConfig;
import com.eros.pipelines.captionperformance.PageMessages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Small worlds with known truth, for the statistical tests: every caption has a true success
 * probability, and each send succeeds with exactly that probability.
 *
 * <p>How "success = EMV above the page median" is made exact: a successful send gets an EMV in (1,
 * 2], a failed one an EMV in [0, 1); each page also gets uncaptioned filler sends of EMV exactly
 * 1.0 in its median window, one more than its captioned sends there. More than half of the median
 * window's EMVs are then 1.0, so both middle values — and the median — are exactly 1.0, and a send
 * succeeds (EMV &gt; 1.0) exactly when it was drawn as a success. The fillers carry no caption, so
 * they change no caption's counts.
 *
 * <p>Sends of the statistics are spread uniformly over the stats window {@code [T − 90 d, T)};
 * horizon sends uniformly over {@code [T, T + H)}. A caption's probability may drift linearly from
 * {@code pStart} (at T − 90 d) to {@code pEnd} (at T); the horizon uses {@code pEnd}.
 */
final class SimulatedWorld {
  static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
  static final long T_MICROS = Timestamps.micros(T);
  static final long DAY = CaptionPerformanceConfig.DAY_MICROS;
  static final int STATS_DAYS = CaptionPerformanceConfig.DEFAULT_STATS_WINDOW_DAYS;
  static final int MEDIAN_DAYS = CaptionPerformanceConfig.DEFAULT_MEDIAN_WINDOW_DAYS;

  /** "Decay off": every weight is 0.5^(age / MAX_VALUE) = 0.5^0 = exactly 1. */
  static final double NO_DECAY = Double.MAX_VALUE;

  static final long SENT = 1000;

  /** One caption's truth and plan. */
  record Truth(
      String page, long captionId, double pStart, double pEnd, int sends, int horizonSends) {
    /**
     * The probability at T (what the statistics should recover, and what the horizon draws from).
     */
    double p() {
      return pEnd;
    }
  }

  final List<Truth> truths = new ArrayList<>();
  final Map<String, PageMessages> pages = new LinkedHashMap<>();

  /** The §2 parameters at T with a half-life ({@link #NO_DECAY} for none). */
  static CaptionPerformanceConfig config(double halfLifeDays) {
    return new CaptionPerformanceConfig(T, MEDIAN_DAYS, STATS_DAYS, halfLifeDays, 1.96);
  }

  /** Draws how many sends and what truth each caption has. */
  interface Design {
    Truth caption(SplittableRandom rng, String page, long captionId);
  }

  /**
   * Builds a world.
   *
   * @param horizonDays length of the horizon the horizon sends fall in (0 when there are none)
   */
  static SimulatedWorld build(
      long seed, int pages, int captionsPerPage, int horizonDays, Design design) {
    SplittableRandom rng = new SplittableRandom(seed);
    SimulatedWorld w = new SimulatedWorld();
    long nextId = 1;
    long messageId = 1;
    for (int pg = 0; pg < pages; pg++) {
      String page = String.format("page_%04d", pg + 1);
      PageMessages.Builder b = PageMessages.builder(page);
      long inMedianWindow = 0;
      for (int c = 0; c < captionsPerPage; c++) {
        Truth t = design.caption(rng, page, nextId++);
        w.truths.add(t);
        for (int i = 0; i < t.sends(); i++) {
          // uniform in [T − 90 d, T): position 0 is the window start, 1 is T
          double u = rng.nextDouble();
          long time = T_MICROS - STATS_DAYS * DAY + (long) (u * STATS_DAYS * DAY);
          double p = t.pStart() + (t.pEnd() - t.pStart()) * u;
          b.add(
              messageId++,
              t.captionId(),
              time,
              earnings(rng, rng.nextDouble() < p),
              SENT,
              SENT / 2,
              1);
          if (time >= T_MICROS - MEDIAN_DAYS * DAY) {
            inMedianWindow++;
          }
        }
        for (int i = 0; i < t.horizonSends(); i++) {
          long time = T_MICROS + (long) (rng.nextDouble() * horizonDays * DAY);
          b.add(
              messageId++,
              t.captionId(),
              time,
              earnings(rng, rng.nextDouble() < t.pEnd()),
              SENT,
              SENT / 2,
              1);
        }
      }
      for (long i = 0; i <= inMedianWindow; i++) {
        long time = T_MICROS - 1 - (long) (rng.nextDouble() * (MEDIAN_DAYS * DAY - 1));
        b.add(messageId++, null, time, (double) SENT, SENT, SENT / 2, 1); // EMV exactly 1.0
      }
      w.pages.put(page, b.build());
    }
    return w;
  }

  /** Earnings of a send: EMV in (1, 2] for a success, [0, 1) for a failure. */
  private static double earnings(SplittableRandom rng, boolean success) {
    double emv = success ? 1.001 + 0.999 * rng.nextDouble() : 0.999 * rng.nextDouble();
    return emv * SENT;
  }

  /** True probability at T of each caption, by caption id. */
  Map<Long, Double> truthById() {
    Map<Long, Double> m = new LinkedHashMap<>();
    truths.forEach(t -> m.put(t.captionId(), t.p()));
    return m;
  }
}
