package com.eros.pipelines.dailyautomation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.table.Timestamps;
import com.eros.common.time.LaTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreatorAnalyzerTest {
  static final LocalDate D = LocalDate.of(2026, 11, 29);
  static final Windows W = new Windows(D, 90, 30);
  final CreatorAnalyzer analyzer = new CreatorAnalyzer();

  /** A message sent at a Los Angeles local time. */
  static Message at(LocalDateTime la, long sent, long viewed, long purchased, double earnings) {
    return new Message(
        Timestamps.micros(la.atZone(LaTime.ZONE).toInstant()), sent, viewed, purchased, earnings);
  }

  /** n identical messages on D − daysBefore at the given LA hour. */
  static List<Message> repeat(
      int n, int daysBefore, int hour, long sent, long viewed, long purchased, double earnings) {
    List<Message> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(at(D.minusDays(daysBefore).atTime(hour, i % 60), sent, viewed, purchased, earnings));
    }
    return out;
  }

  @Test
  void totalsAndRates() {
    List<Message> m =
        List.of(
            at(D.minusDays(1).atTime(10, 0), 100, 50, 5, 40.0),
            at(D.minusDays(2).atTime(11, 0), 300, 150, 10, 60.0));
    CreatorProfile p = analyzer.analyze("a", m, W);
    assertThat(p.messageCount(), is(2L));
    assertThat(p.totalRevenue(), is(100.0));
    assertThat(p.rpr(), is(100.0 / 400));
    assertThat(p.viewRate(), is(200.0 / 400));
    assertThat(p.conversionRate(), is(15.0 / 200));
  }

  @Test
  void ratesDoNotOverflowWhenCountSumsPassTwoToTheSixtyThird() {
    // Σ sent = 1.2e19 > Long.MAX_VALUE: a long accumulator would wrap negative
    List<Message> m =
        List.of(
            at(
                D.minusDays(1).atTime(10, 0),
                6_000_000_000_000_000_000L,
                6_000_000_000_000_000_000L,
                3_000_000_000_000_000_000L,
                6.0),
            at(
                D.minusDays(2).atTime(11, 0),
                6_000_000_000_000_000_000L,
                3_000_000_000_000_000_000L,
                1_000_000_000_000_000_000L,
                6.0));
    CreatorProfile p = analyzer.analyze("a", m, W);
    assertThat(p.rpr(), is(12.0 / 1.2e19));
    assertThat(p.viewRate(), is(0.75));
    assertThat(p.conversionRate(), is(4.0 / 9.0));
  }

  @Test
  void conversionIsZeroWhenNothingWasViewed() {
    CreatorProfile p =
        analyzer.analyze("a", List.of(at(D.minusDays(1).atTime(10, 0), 10, 0, 0, 0.0)), W);
    assertThat(p.conversionRate(), is(0.0));
    assertThat(p.viewRate(), is(0.0));
  }

  @Test
  void messagesOutsideTheAnalysisWindowAreIgnored() {
    List<Message> m =
        List.of(
            new Message(W.startMicros(90), 10, 5, 1, 1.0), // first instant of the window: in
            new Message(W.startMicros(90) - 1, 10, 5, 1, 1000.0), // last instant before it: out
            new Message(W.startMicros(0), 10, 5, 1, 1000.0)); // D itself: out
    CreatorProfile p = analyzer.analyze("a", m, W);
    assertThat(p.messageCount(), is(1L));
    assertThat(p.totalRevenue(), is(1.0));
  }

  @Test
  void noMessageInTheWindowIsAnError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> analyzer.analyze("a", List.of(new Message(W.startMicros(0), 1, 1, 1, 1.0)), W));
    assertThat(e.getMessage(), containsString("no valid message"));
  }

  // Size tiers: MICRO < 5k ≤ SMALL < 25k ≤ MEDIUM < 100k ≤ LARGE < 500k ≤ MEGA, on revenue.
  @ParameterizedTest(name = "revenue {0} -> {1}")
  @CsvSource({
    "4999.99, MICRO",
    "5000, SMALL",
    "24999.99, SMALL",
    "25000, MEDIUM",
    "99999.99, MEDIUM",
    "100000, LARGE",
    "499999.99, LARGE",
    "500000, MEGA"
  })
  void sizeTierAtItsThresholds(double revenue, String tier) {
    CreatorProfile p =
        analyzer.analyze(
            "a", List.of(at(D.minusDays(1).atTime(9, 0), 1_000_000, 10, 1, revenue)), W);
    assertThat(p.sizeTier(), is(tier));
  }

  // Segments: EXPLORATORY under 20 messages, else BUDGET < 0.5 ≤ STANDARD < 2 ≤ PREMIUM < 5 ≤
  // LUXURY by RPR.
  @ParameterizedTest(name = "{0} messages, rpr {1} -> {2}")
  @CsvSource({
    "19, 100, EXPLORATORY",
    "20, 0.49, BUDGET",
    "20, 0.5, STANDARD",
    "20, 1.99, STANDARD",
    "20, 2, PREMIUM",
    "20, 4.99, PREMIUM",
    "20, 5, LUXURY"
  })
  void segmentAtItsThresholds(int messages, double rpr, String segment) {
    // each message: 100 recipients, earnings = 100 × rpr, so Σ earnings / Σ sent = rpr
    List<Message> m = repeat(messages, 3, 12, 100, 50, 5, 100 * rpr);
    CreatorProfile p = analyzer.analyze("a", m, W);
    assertThat(p.messageCount(), is((long) messages));
    assertThat(p.segment(), is(segment));
  }

  @Test
  void bestHoursNeedFiveMessagesAndRankByRpr() {
    List<Message> m = new ArrayList<>();
    m.addAll(
        repeat(4, 5, 3, 100, 50, 5, 900.0)); // 03h: highest RPR but only 4 messages: not eligible
    m.addAll(repeat(5, 5, 20, 100, 50, 5, 300.0)); // 20h: RPR 3.0
    m.addAll(repeat(5, 6, 8, 100, 50, 5, 100.0)); // 08h: RPR 1.0
    m.addAll(repeat(6, 6, 14, 100, 50, 5, 200.0)); // 14h: RPR 2.0
    m.addAll(repeat(7, 6, 16, 100, 50, 5, 50.0)); // 16h: RPR 0.5 (fourth)
    CreatorProfile p = analyzer.analyze("a", m, W);
    assertThat(p.bestHour1(), is(20));
    assertThat(p.bestHour2(), is(14));
    assertThat(p.bestHour3(), is(8));
  }

  @Test
  void bestHoursTieBreakOnMoreMessagesThenEarlierHour() {
    List<Message> m = new ArrayList<>();
    m.addAll(repeat(5, 5, 22, 100, 50, 5, 100.0)); // RPR 1.0, 5 messages
    m.addAll(repeat(6, 5, 21, 100, 50, 5, 100.0)); // RPR 1.0, 6 messages: before 22h
    m.addAll(repeat(5, 6, 7, 100, 50, 5, 100.0)); // RPR 1.0, 5 messages, earlier than 22h
    CreatorProfile p = analyzer.analyze("a", m, W);
    assertThat(p.bestHour1(), is(21));
    assertThat(p.bestHour2(), is(7));
    assertThat(p.bestHour3(), is(22));
  }

  @Test
  void fewerThanThreeEligibleHoursLeaveNulls() {
    List<Message> m = repeat(5, 5, 9, 100, 50, 5, 100.0);
    m.add(at(D.minusDays(5).atTime(10, 0), 100, 50, 5, 1000.0));
    CreatorProfile p = analyzer.analyze("a", m, W);
    assertThat(p.bestHour1(), is(9));
    assertThat(p.bestHour2(), nullValue());
    assertThat(p.bestHour3(), nullValue());
  }

  @Test
  void hoursAndWeekdaysAreLosAngelesLocalAcrossDst() {
    // 16:00 UTC is 09:00 in Los Angeles in summer (PDT) and 08:00 in winter (PST).
    List<Message> summer = new ArrayList<>();
    List<Message> winter = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      summer.add(
          new Message(
              Timestamps.micros(Instant.parse("2026-09-0" + (i + 1) + "T16:00:00Z")),
              10,
              5,
              1,
              1.0));
      winter.add(
          new Message(
              Timestamps.micros(Instant.parse("2026-11-1" + (i + 1) + "T16:00:00Z")),
              10,
              5,
              1,
              1.0));
    }
    assertThat(analyzer.analyze("a", summer, W).bestHour1(), is(9));
    assertThat(analyzer.analyze("a", winter, W).bestHour1(), is(8));
    // 2026-11-24T05:00Z is Monday 21:00 in Los Angeles although it is Tuesday in UTC.
    List<Message> monday = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      monday.add(
          new Message(
              Timestamps.micros(Instant.parse("2026-11-24T05:0" + i + ":00Z")), 10, 5, 1, 1.0));
    }
    CreatorProfile p = analyzer.analyze("a", monday, W);
    assertThat(p.bestWeekday(), is("MONDAY"));
    assertThat(p.bestHour1(), is(21));
  }

  /**
   * One page whose messages straddle the spring-forward instant (2026-03-08T10:00Z: 01:59:59 PST is
   * followed by 03:00 PDT): each message takes the offset in force at its own instant.
   */
  @Test
  void theOffsetChangesWithinOneAnalysisAtTheTransitionInstant() {
    Windows march = new Windows(LocalDate.of(2026, 3, 20), 90, 30);
    Instant springForward = Instant.parse("2026-03-08T10:00:00Z");
    List<Message> m = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      // before: 01:5x PST; after, from the very instant: 03:0x PDT (better revenue per send)
      m.add(new Message(Timestamps.micros(springForward.minusSeconds(60L * i + 1)), 10, 5, 1, 1.0));
      m.add(new Message(Timestamps.micros(springForward.plusSeconds(60L * i)), 10, 5, 1, 2.0));
    }
    CreatorProfile p = analyzer.analyze("a", m, march);
    assertThat(p.bestHour1(), is(3));
    assertThat(p.bestHour2(), is(1));
    assertThat(p.bestHour3(), is((Integer) null));
  }

  @Test
  void bestWeekdayNeedsFiveMessages() {
    // 2026-11-27 is a Friday, 2026-11-26 a Thursday.
    List<Message> m = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      m.add(at(LocalDate.of(2026, 11, 27).atTime(10, i), 100, 50, 5, 500.0)); // Friday: 4 messages
    }
    for (int i = 0; i < 5; i++) {
      m.add(
          at(LocalDate.of(2026, 11, 26).atTime(10, i), 100, 50, 5, 100.0)); // Thursday: 5 messages
    }
    assertThat(analyzer.analyze("a", m, W).bestWeekday(), is("THURSDAY"));
    m.add(at(LocalDate.of(2026, 11, 27).atTime(11, 0), 100, 50, 5, 500.0)); // Friday reaches 5
    assertThat(analyzer.analyze("a", m, W).bestWeekday(), is("FRIDAY"));
    assertThat(analyzer.analyze("a", m.subList(0, 4), W).bestWeekday(), nullValue());
  }

  // ---- fatigue: recent [D−7, D) vs baseline [D−37, D−7)

  /** Baseline: 10 messages in [D−37, D−7) with view rate 0.5 and RPR 1.0. */
  static List<Message> baseline() {
    return repeat(10, 20, 12, 100, 50, 5, 100.0);
  }

  @Test
  void viewRateComponentBelow85PercentOfBaseline() {
    List<Message> m = baseline();
    m.add(
        at(D.minusDays(5).atTime(12, 0), 1000, 424, 5, 1000.0)); // view rate 0.424 < 0.425, RPR 1.0
    CreatorProfile p = analyzer.analyze("a", m, W);
    assertThat(p.recentViewRate(), is(0.424));
    assertThat(p.baselineViewRate(), is(0.5));
    assertThat(p.fatigueScore(), is(0.3));
    assertThat(p.fatigueRisk(), is("MEDIUM"));
    assertThat(p.volumeFactor(), is(0.85));

    List<Message> exactly = baseline();
    exactly.add(
        at(D.minusDays(5).atTime(12, 0), 1000, 425, 5, 1000.0)); // exactly 85 %: not fatigue
    assertThat(analyzer.analyze("a", exactly, W).fatigueScore(), is(0.0));
  }

  @Test
  void rprComponentBelow80PercentOfBaseline() {
    List<Message> m = baseline();
    m.add(at(D.minusDays(5).atTime(12, 0), 1000, 500, 5, 799.0)); // RPR 0.799 < 0.8
    CreatorProfile p = analyzer.analyze("a", m, W);
    assertThat(p.recentRpr(), is(0.799));
    assertThat(p.baselineRpr(), is(1.0));
    assertThat(p.lastThreeDaysBelowBaseline(), is(false)); // only D − 5 has messages
    assertThat(p.fatigueScore(), is(0.4));

    List<Message> exactly = baseline();
    exactly.add(at(D.minusDays(5).atTime(12, 0), 1000, 500, 5, 800.0));
    assertThat(analyzer.analyze("a", exactly, W).fatigueScore(), is(0.0));
  }

  @Test
  void lastThreeDaysComponentNeedsEachOfDMinus1To3BelowBaselineRpr() {
    List<Message> m = baseline();
    m.add(at(D.minusDays(1).atTime(23, 59), 100, 50, 5, 99.0)); // RPR 0.99 < 1.0
    m.add(at(D.minusDays(2).atTime(0, 0), 100, 50, 5, 99.0));
    m.add(at(D.minusDays(3).atTime(12, 0), 100, 50, 5, 99.0));
    m.add(at(D.minusDays(4).atTime(12, 0), 100, 50, 5, 10_000.0)); // keeps the recent RPR high
    CreatorProfile p = analyzer.analyze("a", m, W);
    assertThat(p.lastThreeDaysBelowBaseline(), is(true));
    assertThat(p.fatigueScore(), is(0.3)); // only this component: recent RPR and view rate are fine
    assertThat(p.fatigueRisk(), is("MEDIUM"));
  }

  @Test
  void aDayWithoutMessagesOrAtBaselineBreaksTheLastThreeDays() {
    List<Message> missingDay = baseline();
    missingDay.add(at(D.minusDays(1).atTime(12, 0), 100, 50, 5, 99.0));
    missingDay.add(at(D.minusDays(3).atTime(12, 0), 100, 50, 5, 99.0));
    assertThat(analyzer.analyze("a", missingDay, W).lastThreeDaysBelowBaseline(), is(false));

    List<Message> atBaseline = baseline();
    atBaseline.add(at(D.minusDays(1).atTime(12, 0), 100, 50, 5, 99.0));
    atBaseline.add(at(D.minusDays(2).atTime(12, 0), 100, 50, 5, 100.0)); // equal, not below
    atBaseline.add(at(D.minusDays(3).atTime(12, 0), 100, 50, 5, 99.0));
    assertThat(analyzer.analyze("a", atBaseline, W).lastThreeDaysBelowBaseline(), is(false));

    // a message of D − 4 late in the evening does not stand in for D − 3
    List<Message> dayBefore = baseline();
    dayBefore.add(at(D.minusDays(1).atTime(12, 0), 100, 50, 5, 99.0));
    dayBefore.add(at(D.minusDays(2).atTime(12, 0), 100, 50, 5, 99.0));
    dayBefore.add(at(D.minusDays(4).atTime(23, 59), 100, 50, 5, 99.0));
    assertThat(analyzer.analyze("a", dayBefore, W).lastThreeDaysBelowBaseline(), is(false));
  }

  @Test
  void allThreeComponentsAndNoBaseline() {
    List<Message> m = baseline();
    for (int k = 1; k <= 3; k++) {
      m.add(at(D.minusDays(k).atTime(12, 0), 100, 10, 1, 10.0)); // view rate 0.1, RPR 0.1
    }
    CreatorProfile p = analyzer.analyze("a", m, W);
    assertThat(p.fatigueScore(), is(1.0));
    assertThat(p.fatigueRisk(), is("HIGH"));
    assertThat(p.volumeFactor(), is(0.70));

    // the same recent week without any baseline message: nothing to compare, LOW
    List<Message> noBaseline = m.subList(10, 13);
    CreatorProfile q = analyzer.analyze("a", noBaseline, W);
    assertThat(Double.isNaN(q.baselineRpr()), is(true));
    assertThat(q.fatigueScore(), is(0.0));
    assertThat(q.volumeFactor(), is(1.0));
  }

  @Test
  void fatigueWindowsStartAtLosAngelesMidnights() {
    // A message at the first instant of D − 7 is recent; one a millisecond earlier is baseline.
    List<Message> m = new ArrayList<>();
    m.add(new Message(W.startMicros(7), 100, 50, 5, 50.0));
    m.add(new Message(W.startMicros(7) - 1, 100, 80, 5, 100.0));
    m.add(new Message(W.startMicros(37), 100, 80, 5, 100.0)); // first instant of the baseline
    m.add(
        new Message(
            W.startMicros(37) - 1, 100, 0, 0, 0.0)); // before the baseline: analyzed, not baseline
    CreatorProfile p = analyzer.analyze("a", m, W);
    assertThat(p.recentRpr(), is(0.5));
    assertThat(p.baselineRpr(), is(1.0));
    assertThat(p.baselineViewRate(), is(0.8));
    assertThat(p.messageCount(), is(4L));
  }

  @Test
  void theResultDoesNotDependOnMessageOrder() {
    Random rnd = new Random(7);
    List<Message> m = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      m.add(
          new Message(
              W.startMicros(1 + rnd.nextInt(89)) + rnd.nextLong(86_400_000_000L),
              1 + rnd.nextInt(1000),
              0,
              0,
              rnd.nextDouble() * 1000 / 3));
    }
    CreatorProfile first = analyzer.analyze("a", m, W);
    for (int i = 0; i < 5; i++) {
      Collections.shuffle(m, rnd);
      assertThat(analyzer.analyze("a", m, W), is(first));
    }
    assertThat(
        first.totalRevenue(), closeTo(m.stream().mapToDouble(Message::earnings).sum(), 1e-6));
  }
}
