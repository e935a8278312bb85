package com.eros.pipelines.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.values.Row;

/** Section 4: active locks after each sweep and locks released per rule (lock_sweep_log). */
public record LocksSection(
    List<Sweep> sweeps,
    long releasedStale,
    long releasedPastDate,
    Long activeNow,
    Long maxActive,
    long highVolumeSweeps) {
  /** docs/lock-sweep.md's alert lines. */
  public static final long BLOAT_WARNING = 5_000;

  public static final long BLOAT_CRITICAL = 10_000;
  public static final long HIGH_VOLUME = 1_000;

  /** One lock_sweep_log row. */
  public record Sweep(
      Instant time, long stale, long pastDate, long total, Long activeAfter, Double seconds) {}

  public static LocksSection from(List<Row> sweepRows, ReportWindow window) {
    List<Sweep> sweeps = new ArrayList<>();
    for (Row r : sweepRows) {
      Instant t = Cells.instant(r, "sweep_time");
      if (!window.contains(t)) {
        continue;
      }
      long stale = Cells.lng(r, "locks_expired_stale", 0);
      long past = Cells.lng(r, "locks_expired_past_date", 0);
      Long total = Cells.lng(r, "total_locks_cleaned");
      sweeps.add(
          new Sweep(
              t,
              stale,
              past,
              total == null ? stale + past : total,
              Cells.lng(r, "active_locks_after"),
              Cells.dbl(r, "sweep_duration_seconds")));
    }
    sweeps.sort(Comparator.comparing(Sweep::time));
    long stale = 0;
    long past = 0;
    long high = 0;
    Long max = null;
    Long now = null;
    for (Sweep s : sweeps) {
      stale += s.stale();
      past += s.pastDate();
      if (s.total() > HIGH_VOLUME) {
        high++;
      }
      if (s.activeAfter() != null) {
        max = max == null ? s.activeAfter() : Math.max(max, s.activeAfter());
        now = s.activeAfter();
      }
    }
    return new LocksSection(List.copyOf(sweeps), stale, past, now, max, high);
  }

  public boolean isEmpty() {
    return sweeps.isEmpty();
  }
}
