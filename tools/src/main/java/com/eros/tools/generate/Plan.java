package com.eros.tools.generate;

import com.eros.common.stats.TextNormalizer;
import com.eros.common.time.LaTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Everything about the demo world except the individual messages and locks: the pages with their
 * sizes and hidden parameters, the caption bank with each caption's hidden propensity, the hour
 * grid of the 120-day history, and where the invalid rows go. Pure and deterministic: the same
 * config gives the same plan. Small (pages and captions only), so it lives in memory.
 */
final class Plan {
  static final Duration HISTORY = Duration.ofDays(120);
  static final long HOUR_MS = 3_600_000L;
  static final long DAY_MS = 24 * HOUR_MS;

  /** Pareto shape of page sizes: about 80 % of the messages come from about 20 % of the pages. */
  static final double PARETO_ALPHA = 1.16;

  /** Shared captions that are old, active and unique for every page (fallbacks). */
  static final int CORE_SHARED = 10;

  static final String[] CATEGORIES = {
    "PHOTO_SET",
    "VIDEO",
    "BUNDLE",
    "BEHIND_THE_SCENES",
    "LIVE_REPLAY",
    "CUSTOM_TEASER",
    "VOICE_NOTE"
  };
  static final String[] TIERS = {"LOW", "MID", "HIGH", "PREMIUM"};
  private static final double[] TIER_SHARE = {0.30, 0.70, 0.90, 1.0};

  /** Global send volume by Los Angeles hour (evening peak). */
  static final double[] SEND_HOUR = {
    0.60, 0.35, 0.20, 0.12, 0.10, 0.12, 0.20, 0.35, 0.50, 0.60, 0.70, 0.80,
    0.90, 0.85, 0.80, 0.85, 0.95, 1.10, 1.30, 1.50, 1.60, 1.50, 1.20, 0.90
  };

  /** Global send volume by Los Angeles weekday, Monday first. */
  static final double[] SEND_DOW = {0.90, 0.85, 0.90, 1.00, 1.15, 1.20, 1.10};

  /** Fans' response (views, purchases) by Los Angeles weekday, Monday first. */
  static final double[] RESPONSE_DOW = {0.88, 0.85, 0.92, 1.00, 1.10, 1.18, 1.08};

  final GeneratorConfig config;
  final long nowMs;
  final long startMs;
  final List<PageProfile> pages;
  final List<Caption> shared;

  /** Page-owned captions, by page index. */
  final List<List<Caption>> own;

  final InvalidRows invalid;

  /** First instant of the hour grid (the history start, floored to a UTC hour). */
  final long gridStartMs;

  /** Los Angeles hour (0-23) and ISO weekday (1-7) of each hour of the grid. */
  final byte[] gridHour;

  final byte[] gridDow;
  private final Map<String, Caption> sharedByNorm;

  private Plan(GeneratorConfig config) {
    this.config = config;
    this.nowMs = config.now().toEpochMilli();
    this.startMs = nowMs - HISTORY.toMillis();
    this.gridStartMs = Math.floorDiv(startMs, HOUR_MS) * HOUR_MS;
    int hours = (int) ((nowMs - gridStartMs + HOUR_MS - 1) / HOUR_MS);
    this.gridHour = new byte[hours];
    this.gridDow = new byte[hours];
    for (int i = 0; i < hours; i++) {
      ZonedDateTime z = Instant.ofEpochMilli(gridStartMs + i * HOUR_MS).atZone(LaTime.ZONE);
      gridHour[i] = (byte) z.getHour();
      gridDow[i] = (byte) z.getDayOfWeek().getValue();
    }
    this.pages = buildPages();
    this.shared = buildShared();
    this.sharedByNorm = new HashMap<>();
    for (Caption c : shared) {
      sharedByNorm.put(TextNormalizer.normalize(c.text()), c);
    }
    this.own = buildOwn();
    this.invalid = new InvalidRows(config.messages(), config.seed());
  }

  static Plan build(GeneratorConfig config) {
    return new Plan(config);
  }

  static String pageName(int index) {
    return String.format("page_%04d", index + 1);
  }

  long captionCount() {
    long n = shared.size();
    for (List<Caption> l : own) {
      n += l.size();
    }
    return n;
  }

  /** Captions a page may use: the shared ones and its own (active or retired). */
  List<Caption> visible(PageProfile page) {
    List<Caption> all = new ArrayList<>(shared.size() + own.get(page.index()).size());
    all.addAll(shared);
    all.addAll(own.get(page.index()));
    return all;
  }

  /** Active captions visible to the page: the page's caption pool (docs/daily-automation.md §3). */
  List<Caption> pool(PageProfile page) {
    List<Caption> pool = new ArrayList<>();
    for (Caption c : visible(page)) {
      if (c.active()) {
        pool.add(c);
      }
    }
    return pool;
  }

  /**
   * Captions visible to the page whose normalised text equals that of another caption visible to
   * it: a message with that text cannot be attributed (docs/caption-performance.md §3).
   */
  Set<Long> ambiguousFor(PageProfile page) {
    Set<Long> ids = new HashSet<>();
    Map<String, Caption> ownByNorm = new HashMap<>();
    for (Caption c : own.get(page.index())) {
      String n = TextNormalizer.normalize(c.text());
      Caption s = sharedByNorm.get(n);
      if (s != null) {
        ids.add(s.id());
        ids.add(c.id());
      }
      Caption o = ownByNorm.put(n, c);
      if (o != null) {
        ids.add(o.id());
        ids.add(c.id());
      }
    }
    return ids;
  }

  // ------------------------------------------------------------------------------------ pages

  private List<PageProfile> buildPages() {
    int p = config.pages();
    long n = config.messages();
    SplittableRandom rng = Rngs.of(config.seed(), Rngs.PAGES, 0);
    // Stratified Pareto quantiles (so every seed gets the same heavy tail), dealt to pages at
    // random.
    double[] byRank = new double[p];
    for (int r = 0; r < p; r++) {
      byRank[r] = Math.pow((r + 0.5) / p, -1.0 / PARETO_ALPHA);
    }
    int[] pageOfRank = shuffled(p, rng);
    int[] rankOf = new int[p];
    double[] weight = new double[p];
    for (int r = 0; r < p; r++) {
      rankOf[pageOfRank[r]] = r;
      weight[pageOfRank[r]] = byRank[r];
    }
    // Lifecycle: among the pages outside the top fifth, some stopped sending weeks ago (churned)
    // and
    // some started only days ago (new, with few messages: EXPLORATORY creators).
    long[] activeFrom = new long[p];
    long[] activeTo = new long[p];
    for (int i = 0; i < p; i++) {
      SplittableRandom r = Rngs.of(config.seed(), Rngs.PROFILE, -1 - i);
      activeFrom[i] = startMs;
      activeTo[i] = nowMs;
      double u = r.nextDouble();
      if (rankOf[i] >= Math.max(1, p / 5)) {
        if (u < 0.08) {
          activeTo[i] = nowMs - Rngs.between(r, 35 * DAY_MS, 90 * DAY_MS);
        } else if (u < 0.16) {
          activeFrom[i] = nowMs - Rngs.between(r, 4 * DAY_MS, 25 * DAY_MS);
          weight[i] *= 0.01;
        }
      }
    }
    long[] counts = apportion(n, weight);
    // A third of the pages (every third in a second shuffle) get saturated caption pools.
    int[] satOrder = shuffled(p, rng);
    boolean[] saturated = new boolean[p];
    for (int i = 0; i < p; i++) {
      saturated[satOrder[i]] = i % 3 == 0;
    }
    double medianWeight = byRank[p / 2];
    List<PageProfile> out = new ArrayList<>(p);
    long first = 0;
    for (int i = 0; i < p; i++) {
      SplittableRandom r = Rngs.of(config.seed(), Rngs.PROFILE, i);
      double sizeFactor = Math.pow(Math.max(weight[i], 0.5) / medianWeight, 0.4);
      int audience =
          (int) clamp(Math.round(100 * Math.exp(0.8 * r.nextGaussian()) * sizeFactor), 5, 200_000);
      double viewRate = clamp(0.42 * Math.exp(0.35 * r.nextGaussian()), 0.08, 0.9);
      double conversion = clamp(0.09 * Math.exp(0.6 * r.nextGaussian()), 0.005, 0.6);
      double priceLevel = clamp(16 * Math.exp(0.45 * r.nextGaussian()), 4, 80);
      int peakShift = r.nextInt(5) - 2;
      int favouriteDay = 1 + r.nextInt(7);
      boolean fatigued = r.nextDouble() < 0.15;
      out.add(
          new PageProfile(
              i,
              pageName(i),
              counts[i],
              first,
              weight[i],
              audience,
              viewRate,
              conversion,
              priceLevel,
              peakShift,
              favouriteDay,
              fatigued,
              activeFrom[i],
              activeTo[i],
              saturated[i]));
      first += counts[i];
    }
    return List.copyOf(out);
  }

  /** Largest-remainder apportionment of {@code n} by {@code weight} (ties to the lower index). */
  static long[] apportion(long n, double[] weight) {
    double total = 0;
    for (double w : weight) {
      total += w;
    }
    long[] counts = new long[weight.length];
    double[] frac = new double[weight.length];
    long given = 0;
    for (int i = 0; i < weight.length; i++) {
      double exact = n * (weight[i] / total);
      counts[i] = (long) Math.floor(exact);
      frac[i] = exact - counts[i];
      given += counts[i];
    }
    Integer[] order = new Integer[weight.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> frac[a] != frac[b] ? Double.compare(frac[b], frac[a]) : Integer.compare(a, b));
    for (int k = 0; given < n; k = (k + 1) % order.length) {
      counts[order[k]]++;
      given++;
    }
    return counts;
  }

  // --------------------------------------------------------------------------------- captions

  private int sharedCount() {
    return (int) clamp(40 + config.messages() / 20_000, 40, 200);
  }

  private List<Caption> buildShared() {
    SplittableRandom rng = Rngs.of(config.seed(), Rngs.SHARED_CAPTIONS, 0);
    int s = sharedCount();
    List<Caption> out = new ArrayList<>(s);
    for (int i = 0; i < s; i++) {
      long id = i + 1;
      boolean core = i < CORE_SHARED;
      long created =
          core || rng.nextDouble() < 0.85
              ? startMs - Rngs.between(rng, DAY_MS, 300 * DAY_MS)
              : Rngs.between(rng, startMs, nowMs - 10 * DAY_MS);
      out.add(caption(rng, id, Texts.caption(id - 1), null, created, !core));
    }
    return List.copyOf(out);
  }

  private List<List<Caption>> buildOwn() {
    List<List<Caption>> out = new ArrayList<>(pages.size());
    long nextId = shared.size() + 1;
    for (PageProfile page : pages) {
      SplittableRandom rng = Rngs.of(config.seed(), Rngs.PAGE_CAPTIONS, page.index());
      int count =
          config.captionsPerPage() > 0
              ? config.captionsPerPage()
              : (int) clamp(Math.round(5 + 0.5 * Math.sqrt(page.messages())), 5, 300);
      List<Caption> list = new ArrayList<>(count + 2);
      for (int i = 0; i < count; i++) {
        long id = nextId++;
        long created =
            rng.nextDouble() < 0.7
                ? Math.min(page.activeFromMs(), startMs) - Rngs.between(rng, DAY_MS, 200 * DAY_MS)
                : page.activeFromMs()
                    + (long) ((page.activeToMs() - page.activeFromMs()) * 0.8 * rng.nextDouble());
        list.add(caption(rng, id, Texts.caption(id - 1), page.name(), created, true));
      }
      // About a third of the pages own a copy of a shared caption that differs only in case or
      // white
      // space: for that page the text matches two captions, so such messages stay unattributed.
      if (shared.size() > CORE_SHARED && rng.nextDouble() < 0.35) {
        int dups = 1 + rng.nextInt(2);
        for (int d = 0; d < dups; d++) {
          Caption src = shared.get(CORE_SHARED + rng.nextInt(shared.size() - CORE_SHARED));
          if (!src.active()) {
            continue;
          }
          long id = nextId++;
          long created =
              Math.min(page.activeFromMs(), startMs) - Rngs.between(rng, DAY_MS, 100 * DAY_MS);
          list.add(caption(rng, id, Texts.variant(src.text(), rng), page.name(), created, false));
        }
      }
      out.add(List.copyOf(list));
    }
    return List.copyOf(out);
  }

  private Caption caption(
      SplittableRandom rng, long id, String text, String page, long created, boolean mayRetire) {
    String category = CATEGORIES[rng.nextInt(CATEGORIES.length)];
    double t = rng.nextDouble();
    int tier = 0;
    while (t >= TIER_SHARE[tier]) {
      tier++;
    }
    double propensity = 0.5 * (rng.nextDouble() + rng.nextDouble());
    boolean retire = mayRetire && rng.nextDouble() < 0.12;
    long retiredAt = Long.MAX_VALUE;
    if (retire) {
      long lo = Math.max(created + DAY_MS, startMs + 5 * DAY_MS);
      long hi = nowMs - 3 * DAY_MS;
      if (lo < hi) {
        retiredAt = Rngs.between(rng, lo, hi);
        propensity *= 0.6; // retired because it did badly
      }
    }
    return new Caption(
        id,
        text,
        page,
        category,
        TIERS[tier],
        retiredAt == Long.MAX_VALUE,
        created,
        retiredAt,
        propensity);
  }

  // ------------------------------------------------------------------------------------ util

  static int[] shuffled(int n, SplittableRandom rng) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  static long clamp(long v, long lo, long hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** Unmodifiable view, for tests. */
  List<PageProfile> pages() {
    return Collections.unmodifiableList(pages);
  }
}
