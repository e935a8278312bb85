package com.eros.pipelines.captionperformance;

import com.eros.common.stats.BanditStats;
import com.eros.common.stats.Decay;
import com.eros.common.stats.Emv;
import com.eros.common.stats.Median;
import com.eros.common.stats.PercentRank;
import com.eros.common.stats.Wilson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;

/**
 * docs/caption-performance.md for one page, in plain Java: page median, success flags and every column of
 * {@code caption_bandit_stats} for each caption the page used.
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
 * <p>Deterministic: messages are summed in a fixed order (caption, sending time, message_id,
 * EMV, …), so the input order (which a store does not guarantee) never changes a bit of the result;
 * the EMVs of a caption are summed in ascending order, so captions whose EMVs are equal as
 * multisets get bit-equal avg_emv and tie in the percentile. The input is not modified. Rows come
 * out in caption_id order.
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

  /** docs/caption-performance.md §4: a send succeeds when its EMV is strictly above the page median. */
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
    long asOf = cfg.asOfMicros();
    long medianFrom = cfg.medianFromMicros();
    long statsFrom = cfg.statsFromMicros();
    int n = page.size();

    double[] emv = new double[n];
    double[] medianValues = new double[n];
    int m = 0;
    int inStats = 0;
    for (int i = 0; i < n; i++) {
      emv[i] = Emv.emv(page.earnings(i), page.sent(i));
      long t = page.sendMicros(i);
      if (t >= medianFrom && t < asOf) {
        medianValues[m++] = emv[i];
      }
      if (page.hasCaption(i) && t >= statsFrom && t < asOf) {
        inStats++;
      }
    }
    if (m == 0) {
      return new PageStats(Double.NaN, List.of());
    }
    double median = Median.medianInPlace(java.util.Arrays.copyOf(medianValues, m));

    // counting sort by caption (groups in caption_id order), then each group by time and ties
    long[] distinct = new long[inStats];
    int k = 0;
    for (int i = 0; i < n; i++) {
      long t = page.sendMicros(i);
      if (page.hasCaption(i) && t >= statsFrom && t < asOf) {
        distinct[k++] = page.captionId(i);
      }
    }
    java.util.Arrays.sort(distinct);
    int groups = 0;
    for (int i = 0; i < inStats; i++) {
      if (i == 0 || distinct[i] != distinct[i - 1]) {
        distinct[groups++] = distinct[i];
      }
    }
    java.util.Map<Long, Integer> rank = new java.util.HashMap<>(Math.max(16, groups * 2));
    for (int g = 0; g < groups; g++) {
      rank.put(distinct[g], g);
    }
    int[] groupOf = new int[n];
    int[] start = new int[groups + 1];
    for (int i = 0; i < n; i++) {
      long t = page.sendMicros(i);
      if (page.hasCaption(i) && t >= statsFrom && t < asOf) {
        groupOf[i] = rank.get(page.captionId(i));
        start[groupOf[i] + 1]++;
      }
    }
    for (int g = 0; g < groups; g++) {
      start[g + 1] += start[g];
    }
    int[] order = new int[inStats];
    int[] fill = java.util.Arrays.copyOf(start, groups);
    for (int i = 0; i < n; i++) {
      long t = page.sendMicros(i);
      if (page.hasCaption(i) && t >= statsFrom && t < asOf) {
        order[fill[groupOf[i]]++] = i;
      }
    }
    int[] scratch = order.clone();
    IntBinaryOperator byTime = (a, b) -> compare(page, emv, a, b);
    for (int g = 0; g < groups; g++) {
      mergeSort(scratch, order, start[g], start[g + 1], byTime);
    }

    List<Acc> captions = new ArrayList<>();
    double[] groupEmv = new double[inStats];
    for (int g = 0; g < groups; g++) {
      int first = start[g];
      int end = first;
      Acc a = new Acc(distinct[g]);
      while (end < start[g + 1]) {
        int idx = order[end];
        boolean success = isSuccess(emv[idx], median);
        double w = Decay.weight(Decay.ageDays(asOf, page.sendMicros(idx)), cfg.halfLifeDays());
        if (success) {
          a.successes++;
          a.effectiveSuccesses += w;
        } else {
          a.failures++;
          a.effectiveFailures += w;
        }
        groupEmv[end - first] = emv[idx];
        a.sumEarnings += page.earnings(idx);
        a.sumViewed += page.viewed(idx);
        a.sumPurchased += page.purchased(idx);
        // ascending order: the last message of the group is the latest (ties broken as documented)
        a.lastEmv = emv[idx];
        a.lastUsedMicros = page.sendMicros(idx);
        end++;
      }
      // EMVs summed in ascending order: captions with equal EMV multisets get bit-equal means,
      // so they tie exactly in the percentile (and the oracle sums the same way)
      java.util.Arrays.sort(groupEmv, 0, end - first);
      double sum = 0;
      for (int j = 0; j < end - first; j++) {
        sum += groupEmv[j];
      }
      a.sumEmv = sum;
      captions.add(a);
    }

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
      out.add(new CaptionStats(
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
          asOf));
    }
    return new PageStats(median, out);
  }

  /** Stable merge sort of message indices (no boxing). */
  static void sortIndices(int[] a, IntBinaryOperator cmp) {
    mergeSort(a.clone(), a, 0, a.length, cmp);
  }

  /** Sorts dst[lo, hi) given src[lo, hi) holds the same elements; uses src as scratch. */
  private static void mergeSort(int[] src, int[] dst, int lo, int hi, IntBinaryOperator cmp) {
    if (hi - lo < 16) {
      for (int i = lo + 1; i < hi; i++) {
        int v = dst[i];
        int j = i - 1;
        while (j >= lo && cmp.applyAsInt(dst[j], v) > 0) {
          dst[j + 1] = dst[j];
          j--;
        }
        dst[j + 1] = v;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(dst, src, lo, mid, cmp);
    mergeSort(dst, src, mid, hi, cmp);
    for (int i = lo, p = lo, q = mid; i < hi; i++) {
      if (q >= hi || (p < mid && cmp.applyAsInt(src[p], src[q]) <= 0)) {
        dst[i] = src[p++];
      } else {
        dst[i] = src[q++];
      }
    }
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
    // Σ viewed and Σ purchased in doubles: exact up to 2^53, and no overflow past 2^63 (a long would
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
