package com.eros.pipelines.locksweep;

import com.eros.common.time.LaTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Which active locks the sweep releases (docs/lock-sweep.md). Pure: no Beam, no store.
 *
 * <ul>
 *   <li>{@link Verdict#PAST_SEND_DATE}: active, {@code scheduled_send_date < T}, where T is the Los
 *       Angeles date of {@code now}. A lock planned for today is kept until Los Angeles midnight.
 *   <li>{@link Verdict#STALE}: active, no {@code scheduled_send_date}, and {@code assigned_at}
 *       earlier than {@code now − staleLockDays × 24 h}. The age is elapsed time, not Los Angeles
 *       calendar days, so a lock 6 d 23 h old is kept across a DST change (a calendar-day cut-off
 *       moved by the 23- or 25-hour day; corrected). "Earlier than" is strict: a lock assigned
 *       exactly at the cut-off is kept. Compared to the microsecond.
 *   <li>When {@code assigned_at} is NULL the lock is aged by {@code assigned_date} (its Los Angeles
 *       assignment date) conservatively: STALE only when the whole of that date lies before the
 *       cut-off, i.e. when the lock was certainly assigned more than {@code staleLockDays} days
 *       ago.
 *   <li>A lock with no send date and neither {@code assigned_at} nor {@code assigned_date} cannot
 *       be aged: it is {@link Verdict#KEEP kept} and reported as {@link #isUndatable undatable} so
 *       that operators can see (and fix) it. It is never released on a guess.
 *   <li>Inactive (or NULL {@code is_active}) rows are never selected. Keys play no part: a lock
 *       without an {@code assignment_key} is judged like any other.
 * </ul>
 */
public final class LockRules {
  /** The sweep's decision for one lock; the two release verdicts are the deactivation reasons. */
  public enum Verdict {
    PAST_SEND_DATE,
    STALE,
    KEEP;

    public boolean releases() {
      return this != KEEP;
    }
  }

  private LockRules() {}

  /** Los Angeles "today" of a run. */
  public static LocalDate today(Instant now) {
    return LaTime.dateOf(now);
  }

  /** The instant before which an undated lock's assignment makes it stale (exclusive). */
  public static Instant staleCutoff(Instant now, int staleLockDays) {
    if (staleLockDays < 0) {
      throw new IllegalArgumentException("staleLockDays must be >= 0, got " + staleLockDays);
    }
    return now.minus(Duration.ofDays(staleLockDays));
  }

  public static Verdict classify(
      Boolean isActive,
      LocalDate scheduledSendDate,
      Instant assignedAt,
      LocalDate assignedDate,
      Instant now,
      int staleLockDays) {
    if (!Boolean.TRUE.equals(isActive)) {
      return Verdict.KEEP;
    }
    if (scheduledSendDate != null) {
      return scheduledSendDate.isBefore(today(now)) ? Verdict.PAST_SEND_DATE : Verdict.KEEP;
    }
    Instant cutoff = staleCutoff(now, staleLockDays);
    if (assignedAt != null) {
      return assignedAt.isBefore(cutoff) ? Verdict.STALE : Verdict.KEEP;
    }
    if (assignedDate != null) {
      // The latest instant the lock could have been taken is the end of its assignment date.
      Instant latestPossible = LaTime.startOf(assignedDate.plusDays(1));
      return !latestPossible.isAfter(cutoff) ? Verdict.STALE : Verdict.KEEP;
    }
    return Verdict.KEEP;
  }

  /**
   * True for an active lock that no rule can judge: no send date, no assigned_at, no assigned_date.
   */
  public static boolean isUndatable(
      Boolean isActive, LocalDate scheduledSendDate, Instant assignedAt, LocalDate assignedDate) {
    return Boolean.TRUE.equals(isActive)
        && scheduledSendDate == null
        && assignedAt == null
        && assignedDate == null;
  }
}
