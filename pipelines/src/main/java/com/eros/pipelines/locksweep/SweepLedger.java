package com.eros.pipelines.locksweep;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which {@code lock_sweep_log} rows a sweep writes so that every released lock is accounted for in
 * exactly one log row (docs/lock-sweep.md), even when a sweep died between its lock update and its
 * log row. Pure.
 *
 * <p>Each released lock records the sweep that released it ({@code released_by}). The log row of a
 * sweep is counted from the store — the locks whose {@code released_by} is that sweep, per rule —
 * not from what one attempt's update reported, and it is written replace-by-sweep_id. So:
 *
 * <ul>
 *   <li>a sweep always writes its own row (zero counts when it released nothing);
 *   <li>it also writes a row for every earlier sweep that released locks (in the look-back window)
 *       but has no log row — a run killed after its update committed — with {@code recovered_by}
 *       set to itself and the high-volume rule applied to it;
 *   <li>a re-run with the killed run's job id rewrites that row with the full count; a lock is
 *       never counted under two sweeps because it has one {@code released_by}.
 * </ul>
 */
public final class SweepLedger {
  private SweepLedger() {}

  /** A released lock as the ledger sees it. */
  public record Release(String releasedBy, String reason, Instant deactivatedAt)
      implements Serializable {}

  /** One log row to write. */
  public record Entry(
      String sweepId, Instant sweepTime, long stale, long pastSendDate, String recoveredBy)
      implements Serializable {
    public long total() {
      return stale + pastSendDate;
    }

    public boolean recovered() {
      return recoveredBy != null;
    }
  }

  /**
   * The rows sweep {@code sweepId} (at {@code now}) writes: its own first, then one per unlogged
   * earlier sweep, in sweep id order.
   *
   * @param releases the released locks of the look-back window, with a {@code released_by}
   * @param logged sweep ids that already have a log row
   */
  public static List<Entry> entries(
      String sweepId, Instant now, Collection<Release> releases, Set<String> logged) {
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, Instant> latest = new TreeMap<>();
    counts.put(sweepId, new long[2]);
    for (Release r : releases) {
      if (r.releasedBy() == null) {
        continue;
      }
      long[] c = counts.computeIfAbsent(r.releasedBy(), k -> new long[2]);
      if (LockRules.Verdict.STALE.name().equals(r.reason())) {
        c[0]++;
      } else if (LockRules.Verdict.PAST_SEND_DATE.name().equals(r.reason())) {
        c[1]++;
      }
      if (r.deactivatedAt() != null) {
        latest.merge(r.releasedBy(), r.deactivatedAt(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    List<Entry> out = new ArrayList<>();
    long[] own = counts.get(sweepId);
    out.add(new Entry(sweepId, now, own[0], own[1], null));
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      String other = e.getKey();
      if (other.equals(sweepId) || logged.contains(other)) {
        continue;
      }
      out.add(
          new Entry(
              other, latest.getOrDefault(other, now), e.getValue()[0], e.getValue()[1], sweepId));
    }
    return out;
  }
}
