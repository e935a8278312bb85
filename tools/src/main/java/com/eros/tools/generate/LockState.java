package com.eros.tools.generate;

import java.time.LocalDate;

/** What the lock sweep (docs/lock-sweep.md) would do with a lock at "now". */
enum LockState {
  /** Active, send date today or later: kept. */
  SCHEDULED,
  /** Active, send date before today (Los Angeles): swept as PAST_SEND_DATE. */
  PAST_SEND_DATE,
  /** Active, no send date, assigned more than 7 days ago: swept as STALE. */
  STALE,
  /** Active, no send date, assigned within the last 7 days: kept. */
  UNSCHEDULED_RECENT,
  /** Already released (is_active false, with deactivated_at and a reason). */
  INACTIVE;

  static LockState of(
      boolean active, LocalDate sendDate, long assignedAtMs, LocalDate today, long nowMs) {
    if (!active) {
      return INACTIVE;
    }
    if (sendDate != null) {
      return sendDate.isBefore(today) ? PAST_SEND_DATE : SCHEDULED;
    }
    return assignedAtMs < nowMs - PageLocks.STALE_DAYS * Plan.DAY_MS ? STALE : UNSCHEDULED_RECENT;
  }
}
