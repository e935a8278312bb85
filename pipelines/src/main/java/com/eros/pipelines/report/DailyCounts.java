package com.eros.pipelines.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts per Los Angeles day and key (alert level, queue status, rejection rule) over the days of a
 * window: every day is present (zero when nothing happened). Keys come in a preferred order first,
 * then the others by descending total.
 */
public final class DailyCounts {
  private final List<LocalDate> dates;
  private final List<String> keys;
  private final Map<String, long[]> counts;

  private DailyCounts(List<LocalDate> dates, List<String> keys, Map<String, long[]> counts) {
    this.dates = List.copyOf(dates);
    this.keys = List.copyOf(keys);
    this.counts = counts;
  }

  public List<LocalDate> dates() {
    return dates;
  }

  /** Keys with a count, in display order. */
  public List<String> keys() {
    return keys;
  }

  public long count(String key, LocalDate date) {
    long[] c = counts.get(key);
    int i = dates.indexOf(date);
    return c == null || i < 0 ? 0 : c[i];
  }

  public long total(String key) {
    long[] c = counts.get(key);
    long t = 0;
    if (c != null) {
      for (long v : c) {
        t += v;
      }
    }
    return t;
  }

  public long total() {
    long t = 0;
    for (String k : keys) {
      t += total(k);
    }
    return t;
  }

  public boolean isEmpty() {
    return total() == 0;
  }

  /** Totals per key in display order. */
  public Map<String, Long> totals() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String k : keys) {
      m.put(k, total(k));
    }
    return m;
  }

  public static Builder builder(List<LocalDate> dates, List<String> preferredOrder) {
    return new Builder(dates, preferredOrder);
  }

  public static final class Builder {
    private final List<LocalDate> dates;
    private final Map<LocalDate, Integer> index = new HashMap<>();
    private final List<String> preferred;
    private final Map<String, long[]> counts = new HashMap<>();

    private Builder(List<LocalDate> dates, List<String> preferred) {
      this.dates = List.copyOf(dates);
      this.preferred = List.copyOf(preferred);
      for (int i = 0; i < this.dates.size(); i++) {
        index.put(this.dates.get(i), i);
      }
    }

    /**
     * Adds {@code n} to (key, date); dates outside the window and null keys are ignored (false).
     */
    public boolean add(String key, LocalDate date, long n) {
      Integer i = date == null ? null : index.get(date);
      if (i == null || key == null) {
        return false;
      }
      counts.computeIfAbsent(key, k -> new long[dates.size()])[i] += n;
      return true;
    }

    public DailyCounts build() {
      List<String> keys = new ArrayList<>();
      for (String p : preferred) {
        if (counts.containsKey(p)) {
          keys.add(p);
        }
      }
      List<String> others = new ArrayList<>();
      for (String k : counts.keySet()) {
        if (!preferred.contains(k)) {
          others.add(k);
        }
      }
      others.sort(
          Comparator.comparingLong((String k) -> -sum(counts.get(k)))
              .thenComparing(Comparator.naturalOrder()));
      keys.addAll(others);
      return new DailyCounts(dates, keys, counts);
    }

    private static long sum(long[] c) {
      long t = 0;
      for (long v : c) {
        t += v;
      }
      return t;
    }
  }
}
