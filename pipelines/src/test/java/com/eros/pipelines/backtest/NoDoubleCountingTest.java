package com.eros.pipelines.backtest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.stats.Decay;
import com.eros.common.table.Timestamps;
import com.eros.pipelines.captionperformance.CaptionPerformanceConfig;
import com.eros.pipelines.captionperformance.CaptionStats;
import com.eros.pipelines.captionperformance.PageMessages;
import com.eros.pipelines.captionperformance.PageStatsCalculator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * "No double counting" (docs/caption-performance.md §6): caption-performance run every 6 hours for
 * a simulated week, on a message stream that keeps arriving, with the table replaced by each run.
 *
 * <p>What "the same" means when windows slide: two runs at different instants legitimately differ —
 * messages enter and leave the 90-day window and every weight decays. What must hold is that a run
 * depends only on its asOf and on the messages sent before it, never on earlier runs: (1) each
 * message inside a run's window contributes exactly once to that run (one observation, weight
 * 0.5^(age/14)) and a message outside contributes nothing; (2) so the table after the 28th
 * scheduled run equals one run at the same instant computed from scratch, bit for bit. The original
 * procedure added the last 7 days to cumulative counts every 6 hours; the same checks applied to
 * that procedure fail (last test), so they can tell the two apart.
 */
class NoDoubleCountingTest {
  static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  static final long DAY = CaptionPerformanceConfig.DAY_MICROS;
  static final int RUNS = 28; // 6-hourly runs of one week, the first 6 h after START
  static final Duration EVERY = Duration.ofHours(6);

  record Msg(long id, String page, Long caption, long micros, double earnings, long sent) {}

  /**
   * 12 pages × 5 captions; sends from 120 days before START to 7 days after it (some uncaptioned).
   */
  static List<Msg> stream() {
    Random rnd = new Random(2026);
    List<Msg> out = new ArrayList<>();
    long from = Timestamps.micros(START) - 120 * DAY;
    long span = 127 * DAY;
    long id = 1;
    for (int p = 0; p < 12; p++) {
      for (int i = 0; i < 600; i++) {
        Long caption = rnd.nextInt(10) == 0 ? null : (long) (p * 5 + rnd.nextInt(5) + 1);
        long sent = 1 + rnd.nextInt(500);
        out.add(
            new Msg(
                id++,
                "page_" + p,
                caption,
                from + (long) (rnd.nextDouble() * span),
                Math.round(rnd.nextDouble() * sent * 300) / 100.0,
                sent));
      }
    }
    return out;
  }

  /** One caption-performance run at asOf over the messages sent before it (the table it writes). */
  static Map<String, List<CaptionStats>> run(List<Msg> all, Instant asOf, long shuffleSeed) {
    List<Msg> arrived = new ArrayList<>();
    for (Msg m : all) {
      if (m.micros() < Timestamps.micros(asOf)) {
        arrived.add(m);
      }
    }
    Collections.shuffle(arrived, new Random(shuffleSeed)); // a store returns rows in any order
    Map<String, PageMessages.Builder> pages = new TreeMap<>();
    for (Msg m : arrived) {
      pages
          .computeIfAbsent(m.page(), PageMessages::builder)
          .add(m.id(), m.caption(), m.micros(), m.earnings(), m.sent(), m.sent(), 0);
    }
    Map<String, List<CaptionStats>> table = new TreeMap<>();
    pages.forEach(
        (page, b) ->
            table.put(
                page,
                PageStatsCalculator.compute(b.build(), CaptionPerformanceConfig.defaults(asOf))));
    return table;
  }

  /**
   * Checks that in {@code table}, computed at asOf, every captioned message of the 90-day window
   * counts exactly once (raw counts and decay weights, recomputed here independently) and nothing
   * else counts.
   */
  static void assertEachMessageCountsOnce(
      Map<String, List<CaptionStats>> table, List<Msg> all, Instant asOf) {
    long to = Timestamps.micros(asOf);
    long from = to - 90 * DAY;
    Map<Long, Long> count = new HashMap<>();
    Map<Long, Double> weight = new HashMap<>();
    for (Msg m : all) {
      if (m.caption() != null && m.micros() >= from && m.micros() < to) {
        count.merge(m.caption(), 1L, Long::sum);
        weight.merge(m.caption(), Decay.weight(Decay.ageDays(to, m.micros()), 14.0), Double::sum);
      }
    }
    Map<Long, Long> seen = new HashMap<>();
    for (List<CaptionStats> rows : table.values()) {
      for (CaptionStats s : rows) {
        seen.put(s.captionId(), s.totalObservations());
        assertThat(
            "observations of caption " + s.captionId() + " at " + asOf,
            s.totalObservations(),
            is(count.getOrDefault(s.captionId(), 0L)));
        assertThat(
            "effective n of caption " + s.captionId() + " at " + asOf,
            s.effectiveSuccesses() + s.effectiveFailures(),
            closeTo(weight.getOrDefault(s.captionId(), 0.0), 1e-9));
      }
    }
    assertThat("captions with a send in the window at " + asOf, seen, equalTo(count));
  }

  @Test
  void everyRunOfTheWeekCountsEachMessageOfItsWindowExactlyOnce() {
    List<Msg> all = stream();
    Instant asOf = START;
    for (int k = 1; k <= RUNS; k++) {
      asOf = asOf.plus(EVERY);
      assertEachMessageCountsOnce(run(all, asOf, k), all, asOf);
    }
  }

  /**
   * Each run replaces the table, so the table after the week is the last run's: what must hold is
   * that a run depends only on its asOf and the messages before it, not on the order the store
   * returns them in.
   */
  @Test
  void aRunDependsOnlyOnItsAsOfNotOnTheOrderOfItsMessages() {
    List<Msg> all = stream();
    Instant end = START.plus(EVERY.multipliedBy(RUNS));
    Map<String, List<CaptionStats>> table = run(all, end, RUNS);
    assertThat(table, equalTo(run(all, end, 999))); // records of doubles: bit for bit
    assertThat(table.values().stream().mapToLong(List::size).sum(), greaterThan(50L));
  }

  /**
   * One message's share of each run: exactly one observation of its weight while in the window,
   * else none.
   */
  @Test
  void oneMessageAddsOneObservationToEachRunWhoseWindowHoldsIt() {
    List<Msg> all = stream();
    // a message sent 89.9 days before the first run: in the window of the first run only
    Msg old =
        new Msg(
            1_000_001,
            "page_3",
            16L,
            Timestamps.micros(START.plus(EVERY)) - 90 * DAY + DAY / 10,
            50.0,
            10);
    // and one sent during the week: in every run after it
    Msg recent =
        new Msg(1_000_002, "page_3", 16L, Timestamps.micros(START) + 3 * DAY + 1, 50.0, 10);
    List<Msg> with = new ArrayList<>(all);
    with.add(old);
    with.add(recent);
    int oldRuns = 0;
    int recentRuns = 0;
    Instant asOf = START;
    for (int k = 1; k <= RUNS; k++) {
      asOf = asOf.plus(EVERY);
      long to = Timestamps.micros(asOf);
      CaptionStats a = caption(run(with, asOf, k), 16L);
      CaptionStats b = caption(run(all, asOf, k), 16L);
      long extra = a.totalObservations() - b.totalObservations();
      double expectedWeight = 0;
      long expected = 0;
      for (Msg m : List.of(old, recent)) {
        if (m.micros() >= to - 90 * DAY && m.micros() < to) {
          expected++;
          expectedWeight += Decay.weight(Decay.ageDays(to, m.micros()), 14.0);
          oldRuns += m == old ? 1 : 0;
          recentRuns += m == recent ? 1 : 0;
        }
      }
      assertThat(extra, is(expected));
      assertThat(
          (a.effectiveSuccesses() + a.effectiveFailures())
              - (b.effectiveSuccesses() + b.effectiveFailures()),
          closeTo(expectedWeight, 1e-9));
    }
    assertThat(oldRuns, is(1)); // the first run only: then it leaves the window
    assertThat(recentRuns, is(RUNS - 12)); // sent 3 days in: the 16 runs after it
  }

  /**
   * The original's procedure — add the last 7 days to cumulative counts every 6 h — fails the same
   * check.
   */
  @Test
  void theCheckCatchesTheOriginalCumulativeProcedure() {
    List<Msg> all = stream();
    Map<Long, Long> cumulative = new HashMap<>();
    Instant asOf = START;
    for (int k = 1; k <= RUNS; k++) {
      asOf = asOf.plus(EVERY);
      long to = Timestamps.micros(asOf);
      for (Msg m : all) {
        if (m.caption() != null && m.micros() >= to - 7 * DAY && m.micros() < to) {
          cumulative.merge(m.caption(), 1L, Long::sum);
        }
      }
    }
    Instant end = asOf;
    Map<String, List<CaptionStats>> table = run(all, end, 1);
    // the cumulative counts, put in the table's place, break "each message once"
    Map<String, List<CaptionStats>> cumulativeTable = new TreeMap<>();
    table.forEach(
        (page, rows) -> {
          List<CaptionStats> changed = new ArrayList<>();
          for (CaptionStats s : rows) {
            long n = cumulative.getOrDefault(s.captionId(), 0L);
            changed.add(
                new CaptionStats(
                    s.pageName(),
                    s.captionId(),
                    s.successes(),
                    n - s.successes(),
                    n,
                    s.effectiveSuccesses(),
                    s.effectiveFailures(),
                    s.confidenceLowerBound(),
                    s.confidenceUpperBound(),
                    s.posteriorAlpha(),
                    s.posteriorBeta(),
                    s.explorationScore(),
                    s.avgEmv(),
                    s.lastEmvObserved(),
                    s.totalRevenue(),
                    s.avgConversionRate(),
                    s.performancePercentile(),
                    s.lastUsedMicros(),
                    s.lastUpdatedMicros()));
          }
          cumulativeTable.put(page, changed);
        });
    assertThrows(
        AssertionError.class, () -> assertEachMessageCountsOnce(cumulativeTable, all, end));
    assertEachMessageCountsOnce(table, all, end);
  }

  private static CaptionStats caption(Map<String, List<CaptionStats>> table, long id) {
    return table.values().stream()
        .flatMap(List::stream)
        .filter(s -> s.captionId() == id)
        .findFirst()
        .orElseThrow();
  }
}
