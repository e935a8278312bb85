package com.eros.pipelines.dailyautomation;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Caption saturation of a page (docs/daily-automation.md §3).
 *
 * <pre>
 *   pool         = captions of caption_bank that are active and belong to the page or are shared
 *                  (page_name NULL)
 *   unavailable  = distinct pool captions with a lock of the page (active or not) whose
 *                  scheduled_send_date ≥ D − cooldownDays  (a NULL send date never counts)
 *   saturation % = 100 × unavailable / pool;  an empty pool is a processing error
 * </pre>
 */
public final class Saturation {
  /** The error message of a creator with no caption to choose from. */
  public static final String EMPTY_POOL = "caption pool empty";

  private Saturation() {}

  /**
   * A lock of the page: the caption it reserves and its planned Los Angeles send date (or null).
   */
  public record Lock(long captionId, LocalDate scheduledSendDate) implements Serializable {}

  /** Pool size, pool captions unavailable, and the percentage (NaN when the pool is empty). */
  public record Result(long poolSize, long unavailable, double pct) implements Serializable {
    public boolean emptyPool() {
      return poolSize == 0;
    }
  }

  /** Whether a caption row (owner page, is_active) is in {@code page}'s pool. */
  public static boolean inPool(String page, String captionPage, Boolean isActive) {
    return Boolean.TRUE.equals(isActive) && (captionPage == null || captionPage.equals(page));
  }

  /** Whether a lock with this send date still makes its caption unavailable on D. */
  public static boolean withinCooldown(
      LocalDate scheduledSendDate, LocalDate executionDate, int cooldownDays) {
    return scheduledSendDate != null
        && !scheduledSendDate.isBefore(executionDate.minusDays(cooldownDays));
  }

  /** The distinct caption ids of the page's locks that are within the cooldown on D. */
  public static Set<Long> lockedIds(
      Iterable<Lock> pageLocks, LocalDate executionDate, int cooldownDays) {
    Set<Long> ids = new HashSet<>();
    for (Lock lock : pageLocks) {
      if (withinCooldown(lock.scheduledSendDate(), executionDate, cooldownDays)) {
        ids.add(lock.captionId());
      }
    }
    return ids;
  }

  /**
   * Saturation of a page.
   *
   * @param owned ids of the page's own active captions
   * @param shared ids of the active shared captions
   * @param lockedIds ids of the captions the page holds a lock on within the cooldown ({@link
   *     #lockedIds})
   */
  public static Result assess(Set<Long> owned, Set<Long> shared, Collection<Long> lockedIds) {
    long poolSize = shared.size();
    for (Long id : owned) {
      if (!shared.contains(id)) {
        poolSize++;
      }
    }
    Set<Long> unavailable = new HashSet<>();
    for (Long id : lockedIds) {
      if (owned.contains(id) || shared.contains(id)) {
        unavailable.add(id);
      }
    }
    double pct = poolSize == 0 ? Double.NaN : 100.0 * unavailable.size() / poolSize;
    return new Result(poolSize, unavailable.size(), pct);
  }
}
