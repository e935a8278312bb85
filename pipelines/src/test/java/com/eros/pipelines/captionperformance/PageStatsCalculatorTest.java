package com.eros.pipelines.captionperformance;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.eros.common.stats.Wilson;
import com.eros.common.table.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageStatsCalculatorTest {
  private static final Instant AS_OF = Instant.parse("2026-03-01T12:00:00Z");
  private static final long NOW = Timestamps.micros(AS_OF);
  private static final long DAY = CaptionPerformanceConfig.DAY_MICROS;
  private static final CaptionPerformanceConfig CFG = CaptionPerformanceConfig.defaults(AS_OF);

  /** A message {@code daysAgo} before asOf with the given EMV parts. */
  private static void add(
      PageMessages.Builder b,
      Long id,
      Long caption,
      double daysAgo,
      double earnings,
      long sent,
      long viewed,
      long purchased) {
    b.add(id, caption, NOW - Math.round(daysAgo * DAY), earnings, sent, viewed, purchased);
  }

  private static CaptionStats only(List<CaptionStats> rows, long caption) {
    return rows.stream().filter(r -> r.captionId() == caption).findFirst().orElseThrow();
  }

  @Test
  void conversionRateDoesNotOverflowWhenViewSumsPassTwoToTheSixtyThird() {
    // Σ viewed = 1.2e19 > Long.MAX_VALUE (9.2e18): a long accumulator wraps negative
    PageMessages.Builder b = PageMessages.builder("p");
    add(
        b,
        1L,
        10L,
        1,
        5.0,
        6_000_000_000_000_000_000L,
        6_000_000_000_000_000_000L,
        3_000_000_000_000_000_000L);
    add(
        b,
        2L,
        10L,
        2,
        5.0,
        6_000_000_000_000_000_000L,
        6_000_000_000_000_000_000L,
        1_000_000_000_000_000_000L);
    CaptionStats s = only(PageStatsCalculator.compute(b.build(), CFG), 10L);
    assertThat(s.avgConversionRate(), closeTo(4.0 / 12.0, 1e-15));
  }

  @Test
  void medianOddStrictSuccessAndRawCounts() {
    // EMVs 1, 2, 3 -> median 2; the EMV equal to the median is a failure (strict)
    PageMessages.Builder b = PageMessages.builder("p");
    add(b, 1L, 10L, 1, 1.0, 1, 1, 0);
    add(b, 2L, 10L, 2, 2.0, 1, 1, 0);
    add(b, 3L, 10L, 3, 3.0, 1, 1, 1);
    CaptionStats s = only(PageStatsCalculator.compute(b.build(), CFG), 10);
    assertThat(s.successes(), is(1L));
    assertThat(s.failures(), is(2L));
    assertThat(s.totalObservations(), is(3L));
  }

  @Test
  void medianEvenIsMeanOfMiddleValuesAndUncaptionedMessagesCount() {
    // EMVs 1, 2 (uncaptioned), 4, 10 (uncaptioned): median (2 + 4) / 2 = 3
    PageMessages.Builder b = PageMessages.builder("p");
    add(b, 1L, 7L, 1, 1.0, 1, 1, 0);
    add(b, 2L, null, 1, 2.0, 1, 1, 0);
    add(b, 3L, 7L, 1, 4.0, 1, 1, 0);
    add(b, 4L, null, 1, 10.0, 1, 1, 0);
    // 3.0 exactly: with median 3 this one fails; were the uncaptioned ones ignored, the median
    // would be 2.5
    add(b, 5L, 8L, 40, 3.0, 1, 1, 0);
    List<CaptionStats> rows = PageStatsCalculator.compute(b.build(), CFG);
    assertThat(rows.size(), is(2));
    assertThat(only(rows, 7).successes(), is(1L));
    assertThat(only(rows, 7).failures(), is(1L));
    assertThat(only(rows, 8).successes(), is(0L));
    assertThat(only(rows, 8).failures(), is(1L));
  }

  @Test
  void zeroMedianMakesAnyEarningASuccess() {
    PageMessages.Builder b = PageMessages.builder("p");
    add(b, 1L, 1L, 1, 0.0, 10, 5, 0);
    add(b, 2L, 1L, 2, 0.0, 10, 5, 0);
    add(b, 3L, 2L, 3, 0.01, 10, 5, 1);
    List<CaptionStats> rows = PageStatsCalculator.compute(b.build(), CFG);
    assertThat(only(rows, 1).successes(), is(0L));
    assertThat(only(rows, 1).failures(), is(2L));
    assertThat(only(rows, 2).successes(), is(1L));
    assertThat(only(rows, 1).avgEmv(), is(0.0));
  }

  @Test
  void pageWithoutMessagesInTheMedianWindowYieldsNoRows() {
    PageMessages.Builder b = PageMessages.builder("p");
    add(b, 1L, 1L, 31, 5.0, 1, 1, 1);
    add(b, 2L, 1L, 60, 5.0, 1, 1, 1);
    PageMessages page = b.build();
    assertThat(PageStatsCalculator.compute(page, CFG), is(empty()));
    assertThat(PageStatsCalculator.hasMedian(page, CFG), is(false));
  }

  @Test
  void windowEdgesAreHalfOpen() {
    PageMessages.Builder b = PageMessages.builder("p");
    // exactly asOf - 30 d: in the median window (EMV 100 raises the median of {100, 1} to 50.5)
    b.add(1L, null, NOW - 30 * DAY, 100.0, 1, 1, 0);
    // exactly asOf: outside every window
    b.add(2L, 5L, NOW, 1000.0, 1, 1, 0);
    // 1 ms before asOf - 30 d: not in the median window, but in the stats window
    b.add(3L, 5L, NOW - 30 * DAY - 1, 1.0, 1, 1, 0);
    // exactly asOf - 90 d: in the stats window; 1 ms earlier: not
    b.add(4L, 5L, NOW - 90 * DAY, 60.0, 1, 1, 0);
    b.add(5L, 5L, NOW - 90 * DAY - 1, 70.0, 1, 1, 0);
    b.add(6L, null, NOW - 1, 1.0, 1, 1, 0);
    List<CaptionStats> rows = PageStatsCalculator.compute(b.build(), CFG);
    CaptionStats s = only(rows, 5);
    // median of {100, 1} = 50.5: message 4 (60) succeeds, message 3 (1) fails
    assertThat(s.totalObservations(), is(2L));
    assertThat(s.successes(), is(1L));
    assertThat(s.lastUsedMicros(), is(NOW - 30 * DAY - 1));
    assertThat(s.totalRevenue(), is(61.0));
  }

  @Test
  void decayWeightsWilsonPosteriorAndExploration() {
    // one success 14 days ago (weight 0.5), one failure 28 days ago (weight 0.25); median of {4, 0,
    // 2} = 2
    PageMessages.Builder b = PageMessages.builder("p");
    add(b, 1L, 9L, 14, 4.0, 1, 1, 1);
    add(b, 2L, 9L, 28, 0.0, 1, 1, 0);
    add(b, 3L, null, 1, 2.0, 1, 1, 0);
    CaptionStats s = only(PageStatsCalculator.compute(b.build(), CFG), 9);
    assertThat(s.effectiveSuccesses(), closeTo(0.5, 1e-15));
    assertThat(s.effectiveFailures(), closeTo(0.25, 1e-15));
    Wilson.Interval ci = Wilson.interval(0.5, 0.75, 1.96);
    assertThat(s.confidenceLowerBound(), is(ci.lower()));
    assertThat(s.confidenceUpperBound(), is(ci.upper()));
    assertThat(s.posteriorAlpha(), closeTo(1.5, 1e-15));
    assertThat(s.posteriorBeta(), closeTo(1.25, 1e-15));
    assertThat(s.explorationScore(), closeTo(1 / Math.sqrt(1.75), 1e-15));
    assertThat(s.lastUpdatedMicros(), is(NOW));
  }

  @Test
  void wilsonUsesEffectiveCountsWithoutPrior() {
    // median 0; 2 successes now-ish, z = 1.96: the interval of p = 1 over n ~ 2, not of (1+2)/(2+2)
    PageMessages.Builder b = PageMessages.builder("p");
    b.add(1L, 3L, NOW - 1, 5.0, 1, 1, 0);
    b.add(2L, 3L, NOW - 2, 5.0, 1, 1, 0);
    b.add(3L, null, NOW - 3, 0.0, 1, 1, 0);
    b.add(4L, null, NOW - 4, 0.0, 1, 1, 0);
    b.add(5L, null, NOW - 5, 0.0, 1, 1, 0);
    CaptionStats s = only(PageStatsCalculator.compute(b.build(), CFG), 3);
    assertThat(s.confidenceUpperBound(), is(1.0));
    double n = s.effectiveSuccesses();
    assertThat(s.confidenceLowerBound(), closeTo(n / (n + 1.96 * 1.96), 1e-12));
  }

  @Test
  void emvIsEarningsPerRecipientAndConversionIsPurchasedOverViewed() {
    PageMessages.Builder b = PageMessages.builder("p");
    add(b, 1L, 1L, 1, 10.0, 4, 2, 1); // EMV 2.5
    add(b, 2L, 1L, 2, 3.0, 1, 0, 0); // EMV 3, sent_count 1
    add(b, 3L, 2L, 1, 7.0, 1_000_000, 0, 0); // nothing viewed
    List<CaptionStats> rows = PageStatsCalculator.compute(b.build(), CFG);
    CaptionStats one = only(rows, 1);
    assertThat(one.avgEmv(), is(2.75));
    assertThat(one.lastEmvObserved(), is(2.5));
    assertThat(one.totalRevenue(), is(13.0));
    assertThat(one.avgConversionRate(), is(0.5));
    CaptionStats two = only(rows, 2);
    assertThat(two.avgEmv(), is(7.0 / 1_000_000));
    assertThat(two.avgConversionRate(), is(0.0));
  }

  @Test
  void lastEmvTiesGoToHighestMessageIdWithNullLowest() {
    long t = NOW - DAY;
    PageMessages.Builder b = PageMessages.builder("p");
    b.add(5L, 1L, t, 50.0, 1, 1, 0);
    b.add(9L, 1L, t, 90.0, 1, 1, 0);
    b.add(null, 1L, t, 99.0, 1, 1, 0);
    b.add(1L, 1L, t - 1, 1.0, 1, 1, 0);
    // caption 2: only NULL ids at the latest time: the highest EMV
    b.add(null, 2L, t, 3.0, 1, 1, 0);
    b.add(null, 2L, t, 4.0, 1, 1, 0);
    b.add(100L, 2L, t - 5, 8.0, 1, 1, 0);
    List<CaptionStats> rows = PageStatsCalculator.compute(b.build(), CFG);
    assertThat(only(rows, 1).lastEmvObserved(), is(90.0));
    assertThat(only(rows, 1).lastUsedMicros(), is(t));
    assertThat(only(rows, 2).lastEmvObserved(), is(4.0));
  }

  @Test
  void percentileTiesShareTheLowestRankAndOneCaptionIsZero() {
    PageMessages.Builder b = PageMessages.builder("p");
    // avg EMVs: c1 = 1, c2 = 2, c3 = 2 (tie), c4 = 3, c5 = 5
    add(b, 1L, 1L, 1, 1.0, 1, 1, 0);
    add(b, 2L, 2L, 1, 2.0, 1, 1, 0);
    add(b, 3L, 3L, 1, 1.5, 1, 1, 0);
    add(b, 4L, 3L, 2, 2.5, 1, 1, 0);
    add(b, 5L, 4L, 1, 3.0, 1, 1, 0);
    add(b, 6L, 5L, 1, 5.0, 1, 1, 0);
    List<CaptionStats> rows = PageStatsCalculator.compute(b.build(), CFG);
    assertThat(
        rows.stream().map(CaptionStats::performancePercentile).toList(),
        contains(0L, 25L, 25L, 75L, 100L));

    PageMessages.Builder single = PageMessages.builder("q");
    add(single, 1L, 42L, 1, 9.0, 1, 1, 0);
    add(single, 2L, 42L, 2, 1.0, 1, 1, 0);
    assertThat(
        PageStatsCalculator.compute(single.build(), CFG).get(0).performancePercentile(), is(0L));
  }

  @Test
  void percentileUsesIntegerFloor() {
    // 101 captions with distinct EMVs: the 30th lowest has rank 30 -> floor(100 * 29 / 100) = 29
    PageMessages.Builder b = PageMessages.builder("p");
    for (int c = 1; c <= 101; c++) {
      add(b, (long) c, (long) c, 1, c, 1, 1, 0);
    }
    List<CaptionStats> rows = PageStatsCalculator.compute(b.build(), CFG);
    assertThat(only(rows, 30).performancePercentile(), is(29L));
    assertThat(only(rows, 101).performancePercentile(), is(100L));
  }

  @Test
  void equalEmvMultisetsTieExactlyWhateverTheOrderOfSends() {
    // 0.1 + 0.2 + 0.3 differs from 0.3 + 0.2 + 0.1 in floating point; sums run in EMV order
    PageMessages.Builder b = PageMessages.builder("p");
    add(b, 1L, 1L, 3, 0.1, 1, 1, 0);
    add(b, 2L, 1L, 2, 0.2, 1, 1, 0);
    add(b, 3L, 1L, 1, 0.3, 1, 1, 0);
    add(b, 4L, 2L, 3, 0.3, 1, 1, 0);
    add(b, 5L, 2L, 2, 0.2, 1, 1, 0);
    add(b, 6L, 2L, 1, 0.1, 1, 1, 0);
    add(b, 7L, 3L, 1, 0.0, 1, 1, 0);
    List<CaptionStats> rows = PageStatsCalculator.compute(b.build(), CFG);
    assertThat(only(rows, 1).avgEmv(), equalTo(only(rows, 2).avgEmv()));
    assertThat(only(rows, 1).performancePercentile(), is(50L));
    assertThat(only(rows, 2).performancePercentile(), is(50L));
  }

  @Test
  void resultDoesNotDependOnInputOrder() {
    Random rnd = new Random(7);
    List<long[]> msgs = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      long caption = rnd.nextInt(12);
      long time = NOW - rnd.nextInt(95) * DAY - rnd.nextInt(3) * 1000L; // many equal times
      long id = rnd.nextInt(10) == 0 ? -1 : rnd.nextInt(300); // NULLs and duplicate ids
      long cents = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(2000);
      msgs.add(new long[] {id, caption, time, cents, 1 + rnd.nextInt(5)});
    }
    List<CaptionStats> first = compute(msgs);
    for (int round = 0; round < 5; round++) {
      Collections.shuffle(msgs, rnd);
      assertThat(compute(msgs), equalTo(first));
    }
    assertThat(first.size(), is(11));
  }

  private static List<CaptionStats> compute(List<long[]> msgs) {
    PageMessages.Builder b = PageMessages.builder("p");
    for (long[] m : msgs) {
      long sent = m[4];
      b.add(m[0] < 0 ? null : m[0], m[1] == 11 ? null : m[1], m[2], m[3] / 100.0, sent, sent, 0);
    }
    return PageStatsCalculator.compute(b.build(), CFG);
  }
}
