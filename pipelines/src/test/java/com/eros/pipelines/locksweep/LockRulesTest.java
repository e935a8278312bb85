package com.eros.pipelines.locksweep;

import static com.eros.pipelines.locksweep.LockRules.Verdict.KEEP;
import static com.eros.pipelines.locksweep.LockRules.Verdict.PAST_SEND_DATE;
import static com.eros.pipelines.locksweep.LockRules.Verdict.STALE;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.pipelines.locksweep.LockRules.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LockRulesTest {
  private static final int DAYS = 7;

  private static Verdict sendDate(String date, String now) {
    return LockRules.classify(true, LocalDate.parse(date), null, null, Instant.parse(now), DAYS);
  }

  private static Verdict assigned(String assignedAt, String now) {
    return LockRules.classify(
        true, null, Instant.parse(assignedAt), null, Instant.parse(now), DAYS);
  }

  private static Verdict assignedDate(String date, String now) {
    return LockRules.classify(true, null, null, LocalDate.parse(date), Instant.parse(now), DAYS);
  }

  @Test
  void pastSendDateTurnsAtLosAngelesMidnightNotUtcMidnight() {
    // 2026-11-29 00:00 in Los Angeles (PST, UTC-8) is 08:00Z.
    assertThat(
        sendDate("2026-11-28", "2026-11-29T07:59:59.999Z"), is(KEEP)); // still the 28th in LA
    assertThat(sendDate("2026-11-28", "2026-11-29T08:00:00Z"), is(PAST_SEND_DATE));
    assertThat(sendDate("2026-11-27", "2026-11-29T07:59:59.999Z"), is(PAST_SEND_DATE));
    // UTC midnight is already the 29th in UTC but still the 28th in LA: the 28th is today, kept.
    assertThat(sendDate("2026-11-28", "2026-11-29T00:00:00Z"), is(KEEP));
    // Today and later are never past.
    assertThat(sendDate("2026-11-29", "2026-11-29T23:00:00Z"), is(KEEP));
    assertThat(sendDate("2026-12-01", "2026-11-29T23:00:00Z"), is(KEEP));
  }

  @Test
  void pastSendDateOnTheSpringForwardDay() {
    // 2026-03-08: midnight is still PST (08:00Z); the clocks jump at 02:00, so the 9th starts at
    // 07:00Z (PDT).
    assertThat(sendDate("2026-03-07", "2026-03-08T07:59:59.999Z"), is(KEEP));
    assertThat(sendDate("2026-03-07", "2026-03-08T08:00:00Z"), is(PAST_SEND_DATE));
    assertThat(sendDate("2026-03-08", "2026-03-09T06:59:59.999Z"), is(KEEP));
    assertThat(sendDate("2026-03-08", "2026-03-09T07:00:00Z"), is(PAST_SEND_DATE));
  }

  @Test
  void pastSendDateOnTheFallBackDay() {
    // 2026-11-01: midnight is PDT (07:00Z); the day has 25 hours, so the 2nd starts at 08:00Z
    // (PST).
    assertThat(sendDate("2026-10-31", "2026-11-01T06:59:59.999Z"), is(KEEP));
    assertThat(sendDate("2026-10-31", "2026-11-01T07:00:00Z"), is(PAST_SEND_DATE));
    assertThat(
        sendDate("2026-11-01", "2026-11-02T07:59:59.999Z"), is(KEEP)); // 23:59:59 PST on the 1st
    assertThat(sendDate("2026-11-01", "2026-11-02T08:00:00Z"), is(PAST_SEND_DATE));
  }

  @Test
  void staleIsStrictlyOlderThanTheCutoff() {
    String now = "2026-11-29T20:00:00Z";
    assertThat(
        LockRules.staleCutoff(Instant.parse(now), DAYS),
        equalTo(Instant.parse("2026-11-22T20:00:00Z")));
    assertThat(assigned("2026-11-22T19:59:59.999999Z", now), is(STALE));
    assertThat(assigned("2026-11-22T20:00:00Z", now), is(KEEP)); // exactly 7 days: not older
    assertThat(assigned("2026-11-22T20:00:00.000001Z", now), is(KEEP));
    assertThat(assigned("2026-01-01T00:00:00Z", now), is(STALE));
  }

  @Test
  void staleIsElapsedTimeAcrossSpringForward() {
    // now = 2026-03-10 01:30 PDT. The cut-off is now - 7 x 24 h = 2026-03-03T08:30Z (00:30 PST),
    // not the
    // same wall-clock time 7 Los Angeles days earlier (09:30Z, only 167 h before now).
    String now = "2026-03-10T08:30:00Z";
    assertThat(
        LockRules.staleCutoff(Instant.parse(now), DAYS),
        equalTo(Instant.parse("2026-03-03T08:30:00Z")));
    // 6 d 23 h 30 min old: kept (a calendar-day rule would have released it)
    assertThat(assigned("2026-03-03T09:00:00Z", now), is(KEEP));
    assertThat(assigned("2026-03-03T08:30:00Z", now), is(KEEP)); // exactly 7 x 24 h: not older
    assertThat(assigned("2026-03-03T08:29:59.999999Z", now), is(STALE)); // one microsecond older
  }

  @Test
  void staleIsElapsedTimeAcrossFallBack() {
    // now = 2026-11-03 01:00 PST; now - 7 x 24 h = 2026-10-27T09:00Z (02:00 PDT).
    String now = "2026-11-03T09:00:00Z";
    assertThat(
        LockRules.staleCutoff(Instant.parse(now), DAYS),
        equalTo(Instant.parse("2026-10-27T09:00:00Z")));
    // 6 d 23 h old: kept; 7 d 0 h 30 min old: stale (a calendar-day rule would have kept it for 169
    // h)
    assertThat(assigned("2026-10-27T10:00:00Z", now), is(KEEP));
    assertThat(assigned("2026-10-27T08:30:00Z", now), is(STALE));
  }

  @Test
  void aSendDateMeansTheStaleRuleDoesNotApply() {
    String now = "2026-11-29T20:00:00Z";
    Instant ancient = Instant.parse("2025-01-01T00:00:00Z");
    assertThat(
        LockRules.classify(
            true, LocalDate.parse("2026-11-29"), ancient, null, Instant.parse(now), DAYS),
        is(KEEP));
    assertThat(
        LockRules.classify(
            true, LocalDate.parse("2026-12-24"), ancient, null, Instant.parse(now), DAYS),
        is(KEEP));
    assertThat(
        LockRules.classify(
            true, LocalDate.parse("2026-11-28"), ancient, null, Instant.parse(now), DAYS),
        is(PAST_SEND_DATE));
  }

  @Test
  void withoutAssignedAtTheAssignmentDateIsUsedConservatively() {
    // now = 2026-11-29 00:00 PST exactly; cutoff = 2026-11-22 00:00 PST.
    String midnight = "2026-11-29T08:00:00Z";
    assertThat(
        assignedDate("2026-11-21", midnight), is(STALE)); // the whole 21st is before the cutoff
    assertThat(
        assignedDate("2026-11-21", "2026-11-29T07:59:59.999Z"),
        is(KEEP)); // 1 ms earlier it may not be
    assertThat(
        assignedDate("2026-11-22", "2026-11-29T20:00:00Z"),
        is(KEEP)); // could have been taken after 20:00 on the 22nd
    assertThat(assignedDate("2026-11-22", "2026-11-30T08:00:00Z"), is(STALE));
    // assigned_at, when present, wins over assigned_date.
    assertThat(
        LockRules.classify(
            true,
            null,
            Instant.parse("2026-11-28T00:00:00Z"),
            LocalDate.parse("2026-01-01"),
            Instant.parse(midnight),
            DAYS),
        is(KEEP));
  }

  @Test
  void aLockWithNoDateAtAllIsKeptAndFlagged() {
    Instant now = Instant.parse("2026-11-29T20:00:00Z");
    assertThat(LockRules.classify(true, null, null, null, now, DAYS), is(KEEP));
    assertThat(LockRules.isUndatable(true, null, null, null), is(true));
    assertThat(LockRules.isUndatable(true, null, null, LocalDate.parse("2026-01-01")), is(false));
    assertThat(LockRules.isUndatable(false, null, null, null), is(false));
  }

  @Test
  void inactiveOrUnknownLocksAreNeverSelected() {
    Instant now = Instant.parse("2026-11-29T20:00:00Z");
    LocalDate past = LocalDate.parse("2026-01-01");
    Instant old = Instant.parse("2025-01-01T00:00:00Z");
    assertThat(LockRules.classify(false, past, old, past, now, DAYS), is(KEEP));
    assertThat(LockRules.classify(null, past, old, past, now, DAYS), is(KEEP));
    assertThat(LockRules.classify(false, null, old, null, now, DAYS), is(KEEP));
  }

  @Test
  void zeroDaysMeansAnythingAssignedBeforeNowAndNegativeIsRejected() {
    Instant now = Instant.parse("2026-11-29T20:00:00Z");
    assertThat(LockRules.classify(true, null, now.minusMillis(1), null, now, 0), is(STALE));
    assertThat(LockRules.classify(true, null, now, null, now, 0), is(KEEP));
    assertThrows(IllegalArgumentException.class, () -> LockRules.staleCutoff(now, -1));
  }
}
