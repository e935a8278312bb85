package com.eros.pipelines.captionperformance;

import com.eros.common.stats.TextNormalizer;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Attribution of uncaptioned messages (docs/caption-performance.md §3): normalised caption text → caption ids, for
 * shared captions (page_name NULL) and per owning page.
 *
 * <p>A message of page P is attributed to caption C when its normalised text equals the normalised
 * caption_text of exactly one distinct caption_id among the captions visible to P: those owned by
 * P plus the shared ones. <b>Retired captions count</b> (is_active = false): a retired caption is
 * still in the bank, and the statistics cover up to 90 days of history in which it may have been
 * live; so a text matching one live and one retired caption is ambiguous and stays unattributed.
 * Captions owned by other pages are never visible.
 */
public final class CaptionIndex implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long[] NONE = new long[0];

  /** The outcome of one lookup. */
  public enum Outcome {
    ATTRIBUTED,
    NO_MATCH,
    AMBIGUOUS
  }

  /** A lookup result; {@link #captionId()} is meaningful only when {@link #outcome()} is ATTRIBUTED. */
  public record Match(Outcome outcome, long captionId) {
    static final Match NO_MATCH = new Match(Outcome.NO_MATCH, 0L);
    static final Match AMBIGUOUS = new Match(Outcome.AMBIGUOUS, 0L);
  }

  private final Map<String, long[]> shared;
  private final Map<String, Map<String, long[]>> byPage;
  private final int captions;

  private CaptionIndex(Map<String, long[]> shared, Map<String, Map<String, long[]>> byPage, int captions) {
    this.shared = shared;
    this.byPage = byPage;
    this.captions = captions;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Number of (caption, owner, text) entries indexed. */
  public int size() {
    return captions;
  }

  /** Looks up the raw text of a message of {@code page}. */
  public Match match(String page, String messageText) {
    String key = TextNormalizer.normalize(messageText);
    if (key == null) {
      return Match.NO_MATCH;
    }
    long[] a = shared.getOrDefault(key, NONE);
    Map<String, long[]> own = byPage.get(page);
    long[] b = own == null ? NONE : own.getOrDefault(key, NONE);
    // both arrays are sorted and distinct: merge, counting distinct ids, stop at two
    int i = 0;
    int j = 0;
    int distinct = 0;
    long first = 0;
    while (i < a.length || j < b.length) {
      long next;
      if (j >= b.length || (i < a.length && a[i] < b[j])) {
        next = a[i++];
      } else if (i >= a.length || b[j] < a[i]) {
        next = b[j++];
      } else {
        next = a[i++];
        j++;
      }
      distinct++;
      if (distinct == 1) {
        first = next;
      } else {
        return Match.AMBIGUOUS;
      }
    }
    return distinct == 0 ? Match.NO_MATCH : new Match(Outcome.ATTRIBUTED, first);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CaptionIndex other) || captions != other.captions || !sameIds(shared, other.shared)
        || !byPage.keySet().equals(other.byPage.keySet())) {
      return false;
    }
    for (Map.Entry<String, Map<String, long[]>> e : byPage.entrySet()) {
      if (!sameIds(e.getValue(), other.byPage.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return 31 * captions + shared.keySet().hashCode() + byPage.keySet().hashCode();
  }

  private static boolean sameIds(Map<String, long[]> a, Map<String, long[]> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Map.Entry<String, long[]> e : a.entrySet()) {
      if (!java.util.Arrays.equals(e.getValue(), b.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Collects caption_bank entries; mergeable (it is the accumulator of the index's combine). */
  public static final class Builder implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, TreeSet<Long>> shared = new HashMap<>();
    private final Map<String, Map<String, TreeSet<Long>>> byPage = new HashMap<>();
    private int entries;

    /** Adds a caption; {@code ownerPage} null means shared by every page. Null text is ignored. */
    public Builder add(long captionId, String captionText, String ownerPage) {
      String key = TextNormalizer.normalize(captionText);
      if (key == null) {
        return this;
      }
      Map<String, TreeSet<Long>> scope =
          ownerPage == null ? shared : byPage.computeIfAbsent(ownerPage, p -> new HashMap<>());
      scope.computeIfAbsent(key, k -> new TreeSet<>()).add(captionId);
      entries++;
      return this;
    }

    public Builder merge(Builder other) {
      other.shared.forEach((k, ids) -> shared.computeIfAbsent(k, x -> new TreeSet<>()).addAll(ids));
      other.byPage.forEach((page, texts) -> {
        Map<String, TreeSet<Long>> mine = byPage.computeIfAbsent(page, p -> new HashMap<>());
        texts.forEach((k, ids) -> mine.computeIfAbsent(k, x -> new TreeSet<>()).addAll(ids));
      });
      entries += other.entries;
      return this;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Builder b && entries == b.entries && shared.equals(b.shared) && byPage.equals(b.byPage);
    }

    @Override
    public int hashCode() {
      return 31 * entries + shared.hashCode() + byPage.hashCode();
    }

    public CaptionIndex build() {
      Map<String, Map<String, long[]>> pages = new HashMap<>();
      byPage.forEach((page, texts) -> pages.put(page, freeze(texts)));
      return new CaptionIndex(freeze(shared), pages, entries);
    }

    private static Map<String, long[]> freeze(Map<String, TreeSet<Long>> m) {
      Map<String, long[]> out = new HashMap<>(Math.max(16, m.size() * 2));
      m.forEach((k, ids) -> out.put(k, ids.stream().mapToLong(Long::longValue).toArray()));
      return out;
    }
  }
}
