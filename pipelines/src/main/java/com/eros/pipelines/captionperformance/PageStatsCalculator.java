package com.eros.pipelines.captionperformance;

import com.eros.common.stats.BanditStats;
import com.eros.common.stats.Decay;
import com.eros.common.stats.Emv;
import com.eros.common.stats.Median;
import com.eros.common.stats.PercentRank;
import com.eros.common.stats.Wilson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntBinaryOperator;

/**
 * docs/caption-performance.md for one page, in plain Java: page median, success flags and every
 * column of {@code caption_bandit_stats} for each caption the page used.
 *
 * <ul>
 *   <li>Median: exact median of EMV = earnings / sent_count over every message of the page in the
 *       median window {@code [asOf − medianWindowDays, asOf)}, captioned or not. No message there:
 *       no rows for the page.
 *   <li>Per caption, over its messages in the stats window {@code [asOf − statsWindowDays, asOf)}:
 *       success = EMV &gt; median (strict); decay weight 0.5^(age_days / halfLife); Wilson interval
 *       on the effective counts (no prior); Beta(1, 1) posterior; exploration 1/sqrt(n + 1); mean
 *       EMV; Σ earnings; Σ purchased / Σ viewed (0 when nothing viewed); last_used = latest send.
 *   <li>{@code last_emv_observed}: EMV of the latest message; ties on sending time go to the
 *       highest message_id (a NULL message_id counts as lowest), then to the highest EMV.
 *   <li>{@code performance_percentile}: floor(100 · (rank − 1) / (count − 1)) of avg_emv among the
 *       page's captions, ties sharing the lowest rank, 0 for a single caption.
 * </ul>
 *
 * <p>Deterministic: messages are summed in a fixed order (caption, sending time, message_id, EMV,
 * …), so the input order (which a store does not guarantee) never changes a bit of the result; the
 * EMVs of a caption are summed in ascending order, so captions whose EMVs are equal as multisets
 * get bit-equal avg_emv and tie in the percentile. The input is not modified. Rows come out in
 * caption_id order.
 */
public final class PageStatsCalculator {

  private PageStatsCalculator() {}

  /** Whether the page has a message in the median window (and so a median). */
  public static boolean hasMedian(PageMessages page, CaptionPerformanceConfig cfg) {
    for (int i = 0; i < page.size(); i++) {
      long t = page.sendMicros(i);
      if (t >= cfg.medianFromMicros() && t < cfg.asOfMicros()) {
        return true;
      }
    }
    return false;
  }

  /**
   * What §2 computes for one page: its median EMV over the median window and its stats rows.
   *
   * @param median NaN when the page has no message in the median window (then no rows)
   */
  public record PageStats(double median, List<CaptionStats> stats) {
    public boolean hasMedian() {
      return !Double.isNaN(median);
    }
  }

  /**
   * docs/caption-performance.md §4: a send succeeds when its EMV is strictly above the page median.
   */
  public static boolean isSuccess(double emv, double median) {
    return emv > median;
  }

  /** The stats rows of one page; empty when the page has no message in the median window. */
  public static List<CaptionStats> compute(PageMessages page, CaptionPerformanceConfig cfg) {
    return computePage(page, cfg).stats();
  }

  /**
   * The page median and the stats rows of one page, as of {@code cfg.asOf()}: the one
   * implementation of §2 used by the caption-performance pipeline and by the backtest (§9).
   * Messages at or after asOf are ignored.
   */
  public static PageStats computePage(PageMessages page, CaptionPerformanceConfig cfg) {
    double[] emv = emvs(page);
    double median = medianEmv(page, emv, cfg);
    if (Double.isNaN(median)) {
      return new PageStats(Double.NaN, List.of());
    }
    CaptionGroups groups = groupByCaption(page, emv, cfg);
    List<Acc> captions = new ArrayList<>(groups.count());
    for (int g = 0; g < groups.count(); g++) {
      captions.add(accumulate(page, emv, median, groups, g, cfg));
    }
    return new PageStats(median, toRows(page, captions, cfg));
  }

  /** EMV = earnings / sent_count of every message of the page. */
  private static double[] emvs(PageMessages page) {
    double[] emv = new double[page.size()];
    for (int i = 0; i < emv.length; i++) {
      emv[i] = Emv.emv(page.earnings(i), page.sent(i));
    }
    return emv;
  }

  /** Exact median EMV over the median window, captioned or not; NaN when the window is empty. */
  private static double medianEmv(PageMessages page, double[] emv, CaptionPerformanceConfig cfg) {
    double[] values = new double[page.size()];
    int m = 0;
    for (int i = 0; i < page.size(); i++) {
      long t = page.sendMicros(i);
      if (t >= cfg.medianFromMicros() && t < cfg.asOfMicros()) {
        values[m++] = emv[i];
      }
    }
    return m == 0 ? Double.NaN : Median.medianInPlace(Arrays.copyOf(values, m));
  }

  /**
   * Whether message i counts for a caption's statistics: it has one and lies in the stats window.
   */
  private static boolean inStats(PageMessages page, int i, CaptionPerformanceConfig cfg) {
    long t = page.sendMicros(i);
    return page.hasCaption(i) && t >= cfg.statsFromMicros() && t < cfg.asOfMicros();
  }

  /**
   * The messages of the stats window grouped by caption: group g (in caption_id order) is caption
   * {@code captionIds[g]} and holds the message indices {@code order[start[g] .. start[g + 1])},
   * sorted by the total order of {@link #compare}.
   */
  private record CaptionGroups(long[] captionIds, int[] start, int[] order) {
    int count() {
      return start.length - 1;
    }
  }

  /** Counting sort by caption (groups in caption_id order), then each group by time and ties. */
  private static CaptionGroups groupByCaption(
      PageMessages page, double[] emv, CaptionPerformanceConfig cfg) {
    int n = page.size();
    int inStats = 0;
    for (int i = 0; i < n; i++) {
      if (inStats(page, i, cfg)) {
        inStats++;
      }
    }
    long[] distinct = new long[inStats];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (inStats(page, i, cfg)) {
        distinct[k++] = page.captionId(i);
      }
    }
    Arrays.sort(distinct);
    int groups = 0;
    for (int i = 0; i < inStats; i++) {
      if (i == 0 || distinct[i] != distinct[i - 1]) {
        distinct[groups++] = distinct[i];
      }
    }
    Map<Long, Integer> rank = new HashMap<>(Math.max(16, groups * 2));
    for (int g = 0; g < groups; g++) {
      rank.put(distinct[g], g);
    }
    int[] groupOf = new int[n];
    int[] start = new int[groups + 1];
    for (int i = 0; i < n; i++) {
      if (inStats(page, i, cfg)) {
        groupOf[i] = rank.get(page.captionId(i));
        start[groupOf[i] + 1]++;
      }
    }
    for (int g = 0; g < groups; g++) {
      start[g + 1] += start[g];
    }
    int[] order = new int[inStats];
    int[] fill = Arrays.copyOf(start, groups);
    for (int i = 0; i < n; i++) {
      if (inStats(page, i, cfg)) {
        order[fill[groupOf[i]]++] = i;
      }
    }
    int[] scratch = new int[inStats];
    IntBinaryOperator byTime = (a, b) -> compare(page, emv, a, b);
    for (int g = 0; g < groups; g++) {
      IndexSort.sort(order, scratch, start[g], start[g + 1], byTime);
    }
    return new CaptionGroups(Arrays.copyOf(distinct, groups), start, order);
  }

  /**
   * The running sums of group g: successes against the median, decayed counts, sums, latest send.
   */
  private static Acc accumulate(
      PageMessages page,
      double[] emv,
      double median,
      CaptionGroups groups,
      int g,
      CaptionPerformanceConfig cfg) {
    int first = groups.start()[g];
    int end = groups.start()[g + 1];
    Acc a = new Acc(groups.captionIds()[g]);
    double[] groupEmv = new double[end - first];
    for (int j = first; j < end; j++) {
      int idx = groups.order()[j];
      double w =
          Decay.weight(Decay.ageDays(cfg.asOfMicros(), page.sendMicros(idx)), cfg.halfLifeDays());
      if (isSuccess(emv[idx], median)) {
        a.successes++;
        a.effectiveSuccesses += w;
      } else {
        a.failures++;
        a.effectiveFailures += w;
      }
      groupEmv[j - first] = emv[idx];
      a.sumEarnings += page.earnings(idx);
      a.sumViewed += page.viewed(idx);
      a.sumPurchased += page.purchased(idx);
      // ascending order: the last message of the group is the latest (ties broken as documented)
      a.lastEmv = emv[idx];
      a.lastUsedMicros = page.sendMicros(idx);
    }
    // EMVs summed in ascending order: captions with equal EMV multisets get bit-equal means,
    // so they tie exactly in the percentile (and the oracle sums the same way)
    Arrays.sort(groupEmv);
    double sum = 0;
    for (double v : groupEmv) {
      sum += v;
    }
    a.sumEmv = sum;
    return a;
  }

  /**
   * One caption_bandit_stats row per caption: Wilson bounds, posterior, exploration, percentile.
   */
  private static List<CaptionStats> toRows(
      PageMessages page, List<Acc> captions, CaptionPerformanceConfig cfg) {
    double[] avgEmv = new double[captions.size()];
    for (int c = 0; c < avgEmv.length; c++) {
      Acc a = captions.get(c);
      avgEmv[c] = a.sumEmv / (a.successes + a.failures);
    }
    int[] percentile = PercentRank.percentiles(avgEmv);
    List<CaptionStats> out = new ArrayList<>(captions.size());
    for (int c = 0; c < avgEmv.length; c++) {
      Acc a = captions.get(c);
      double effN = a.effectiveSuccesses + a.effectiveFailures;
      Wilson.Interval ci = Wilson.interval(a.effectiveSuccesses, effN, cfg.z());
      out.add(
          new CaptionStats(
              page.page(),
              a.captionId,
              a.successes,
              a.failures,
              a.successes + a.failures,
              a.effectiveSuccesses,
              a.effectiveFailures,
              ci.lower(),
              ci.upper(),
              BanditStats.posteriorAlpha(a.effectiveSuccesses),
              BanditStats.posteriorBeta(a.effectiveFailures),
              BanditStats.explorationScore(effN),
              avgEmv[c],
              a.lastEmv,
              a.sumEarnings,
              a.sumViewed == 0 ? 0.0 : a.sumPurchased / a.sumViewed,
              percentile[c],
              a.lastUsedMicros,
              cfg.asOfMicros()));
    }
    return out;
  }

  /**
   * Total order on messages: caption, sending time, message_id (NULL first), EMV, then the raw
   * figures. Messages equal under it are equal in every field the statistics use.
   */
  private static int compare(PageMessages p, double[] emv, int a, int b) {
    int c = Long.compare(p.captionId(a), p.captionId(b));
    if (c != 0) {
      return c;
    }
    c = Long.compare(p.sendMicros(a), p.sendMicros(b));
    if (c != 0) {
      return c;
    }
    boolean nullA = p.messageIdIsNull(a);
    boolean nullB = p.messageIdIsNull(b);
    if (nullA != nullB) {
      return nullA ? -1 : 1;
    }
    if (!nullA) {
      c = Long.compare(p.messageId(a), p.messageId(b));
      if (c != 0) {
        return c;
      }
    }
    c = Double.compare(emv[a], emv[b]);
    if (c != 0) {
      return c;
    }
    c = Double.compare(p.earnings(a), p.earnings(b));
    if (c != 0) {
      return c;
    }
    c = Long.compare(p.viewed(a), p.viewed(b));
    if (c != 0) {
      return c;
    }
    return Long.compare(p.purchased(a), p.purchased(b));
  }

  /** Running sums of one caption. */
  private static final class Acc {
    final long captionId;
    long successes;
    long failures;
    double effectiveSuccesses;
    double effectiveFailures;
    double sumEmv;
    double sumEarnings;
    // Σ viewed and Σ purchased in doubles: exact up to 2^53, and no overflow past 2^63 (a long
    // would
    // wrap and give a negative conversion rate); the ratio is what matters
    double sumViewed;
    double sumPurchased;
    double lastEmv;
    long lastUsedMicros;

    Acc(long captionId) {
      this.captionId = captionId;
    }
  }
}
