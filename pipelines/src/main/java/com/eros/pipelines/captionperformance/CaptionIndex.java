package com.eros.pipelines.captionperformance;

import com.eros.common.stats.TextNormalizer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * Attribution of uncaptioned messages (docs/caption-performance.md §3): normalised caption text →
 * caption ids, for shared captions (page_name NULL) and per owning page.
 *
 * <p>A message of page P is attributed to caption C when its normalised text equals the normalised
 * caption_text of exactly one distinct caption_id among the captions visible to P: those owned by P
 * plus the shared ones. <b>Retired captions count</b> (is_active = false): a retired caption is
 * still in the bank, and the statistics cover up to 90 days of history in which it may have been
 * live; so a text matching one live and one retired caption is ambiguous and stays unattributed.
 * Captions owned by other pages are never visible.
 *
 * <p>The pipeline builds one index of the shared captions and one per owning page ({@link #forPage}
 * puts the two together for a lookup without copying), so no worker ever holds every text of a bank
 * of a million captions in one value; {@link #CODER} encodes an index compactly.
 */
public final class CaptionIndex implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long[] NONE = new long[0];

  /** The index of an empty bank. */
  public static final CaptionIndex EMPTY = new CaptionIndex(Map.of(), Map.of(), 0);

  /** A compact coder (texts and ids, no Java serialization). */
  public static final CustomCoder<CaptionIndex> CODER = new IndexCoder();

  /** The outcome of one lookup. */
  public enum Outcome {
    ATTRIBUTED,
    NO_MATCH,
    AMBIGUOUS
  }

  /**
   * A lookup result; {@link #captionId()} is meaningful only when {@link #outcome()} is ATTRIBUTED.
   */
  public record Match(Outcome outcome, long captionId) {
    static final Match NO_MATCH = new Match(Outcome.NO_MATCH, 0L);
    static final Match AMBIGUOUS = new Match(Outcome.AMBIGUOUS, 0L);
  }

  // Either the maps or the encoded form (as decoded by CODER) is set first; the other is computed
  // on first need and kept. Copies of a side input's value (the DirectRunner copies state through
  // its coder) are then byte copies, and a page's maps are built once, where it is looked up.
  private Map<String, long[]> shared;
  private Map<String, Map<String, long[]>> byPage;
  private byte[] encoded;
  private final int captions;

  private CaptionIndex(
      Map<String, long[]> shared, Map<String, Map<String, long[]>> byPage, int captions) {
    this.shared = shared;
    this.byPage = byPage;
    this.captions = captions;
  }

  private CaptionIndex(byte[] encoded, int captions) {
    this.encoded = encoded;
    this.captions = captions;
  }

  /** Builds the maps from the encoded form when this index was decoded and not used yet. */
  private synchronized void parse() {
    if (shared != null) {
      return;
    }
    try {
      DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(encoded));
      Map<String, long[]> s = IndexCoder.readTexts(in);
      int pages = in.readInt();
      Map<String, Map<String, long[]>> b = new HashMap<>(Math.max(16, pages * 2));
      for (int i = 0; i < pages; i++) {
        String page = IndexCoder.readString(in);
        b.put(page, IndexCoder.readTexts(in));
      }
      byPage = b;
      shared = s;
    } catch (IOException e) {
      throw new IllegalStateException("corrupt encoded caption index", e);
    }
  }

  /** The encoded form (computed once). */
  private synchronized byte[] encoded() {
    if (encoded == null) {
      try {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        IndexCoder.writeTexts(out, shared);
        out.writeInt(byPage.size());
        for (Map.Entry<String, Map<String, long[]>> e : byPage.entrySet()) {
          IndexCoder.writeString(out, e.getKey());
          IndexCoder.writeTexts(out, e.getValue());
        }
        out.flush();
        encoded = bytes.toByteArray();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return encoded;
  }

  private Map<String, long[]> shared() {
    parse();
    return shared;
  }

  private Map<String, Map<String, long[]>> byPage() {
    parse();
    return byPage;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The captions visible to pages: the shared ones of {@code shared} and the owned ones of {@code
   * owned} (either may be null: none), sharing their maps.
   */
  public static CaptionIndex forPage(CaptionIndex shared, CaptionIndex owned) {
    CaptionIndex s = shared == null ? EMPTY : shared;
    CaptionIndex o = owned == null ? EMPTY : owned;
    return new CaptionIndex(s.shared(), o.byPage(), s.captions + o.captions);
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
    long[] a = shared().getOrDefault(key, NONE);
    Map<String, long[]> own = byPage().get(page);
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
    if (!(o instanceof CaptionIndex other)
        || captions != other.captions
        || !sameIds(shared(), other.shared())
        || !byPage().keySet().equals(other.byPage().keySet())) {
      return false;
    }
    for (Map.Entry<String, Map<String, long[]>> e : byPage().entrySet()) {
      if (!sameIds(e.getValue(), other.byPage().get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return 31 * captions + shared().keySet().hashCode() + byPage().keySet().hashCode();
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

  /** Writes the index as counts, UTF-8 texts and id lists; reads it back into the same maps. */
  private static final class IndexCoder extends CustomCoder<CaptionIndex> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(CaptionIndex value, OutputStream outStream) throws IOException {
      DataOutputStream out = new DataOutputStream(outStream);
      byte[] bytes = value.encoded();
      out.writeInt(value.captions);
      out.writeInt(bytes.length);
      out.write(bytes);
      out.flush();
    }

    @Override
    public CaptionIndex decode(InputStream inStream) throws IOException {
      DataInputStream in = new DataInputStream(inStream);
      int captions = in.readInt();
      byte[] bytes = new byte[in.readInt()];
      in.readFully(bytes);
      return new CaptionIndex(bytes, captions);
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      throw new NonDeterministicException(this, "hash map order");
    }

    private static void writeTexts(DataOutputStream out, Map<String, long[]> texts)
        throws IOException {
      out.writeInt(texts.size());
      for (Map.Entry<String, long[]> e : texts.entrySet()) {
        writeString(out, e.getKey());
        out.writeInt(e.getValue().length);
        for (long id : e.getValue()) {
          out.writeLong(id);
        }
      }
    }

    private static Map<String, long[]> readTexts(DataInputStream in) throws IOException {
      int n = in.readInt();
      Map<String, long[]> texts = new HashMap<>(Math.max(16, n * 2));
      for (int i = 0; i < n; i++) {
        String text = readString(in);
        long[] ids = new long[in.readInt()];
        for (int j = 0; j < ids.length; j++) {
          ids[j] = in.readLong();
        }
        texts.put(text, ids);
      }
      return texts;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
      byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      out.writeInt(b.length);
      out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
      byte[] b = new byte[in.readInt()];
      in.readFully(b);
      return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** Collects caption_bank entries; mergeable. */
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

    /** Whether nothing was added. */
    public boolean isEmpty() {
      return entries == 0;
    }

    public Builder merge(Builder other) {
      other.shared.forEach((k, ids) -> shared.computeIfAbsent(k, x -> new TreeSet<>()).addAll(ids));
      other.byPage.forEach(
          (page, texts) -> {
            Map<String, TreeSet<Long>> mine = byPage.computeIfAbsent(page, p -> new HashMap<>());
            texts.forEach((k, ids) -> mine.computeIfAbsent(k, x -> new TreeSet<>()).addAll(ids));
          });
      entries += other.entries;
      return this;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Builder b
          && entries == b.entries
          && shared.equals(b.shared)
          && byPage.equals(b.byPage);
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
