package com.eros.pipelines.backtest;

import com.eros.common.stats.Emv;
import com.eros.pipelines.captionperformance.CaptionStats;
import com.eros.pipelines.captionperformance.PageMessages;
import com.eros.pipelines.captionperformance.PageStatsCalculator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Backtests one page (docs/backtest.md), in plain Java.
 *
 * <ol>
 *   <li>The §2 statistics and the page median as of T come from {@link
 *       PageStatsCalculator#computePage} — the function the caption-performance pipeline runs — on
 *       the same validated, attributed messages; messages at or after T do not reach them.
 *   <li>Each valid attributed send in [T, T + H) is judged against the page median as of T with the
 *       same success rule ({@link PageStatsCalculator#isSuccess}); its EMV is {@link Emv#emv}.
 *   <li>A caption with at least minSends horizon sends and a statistics row at T is scored; one
 *       without a row at T (first used in the horizon) is counted, not scored: there is no
 *       statistic to judge. A page without a median at T scores nothing.
 * </ol>
 *
 * <p>Deterministic whatever the input order: horizon EMVs are summed in ascending order.
 */
public final class PageScorer {
  private PageScorer() {}

  public static PageScore score(PageMessages page, BacktestConfig cfg) {
    PageStatsCalculator.PageStats atT = PageStatsCalculator.computePage(page, cfg.stats());
    long from = cfg.asOfMicros();
    long to = cfg.horizonEndMicros();

    // horizon EMVs per caption
    Map<Long, double[]> emvs = new TreeMap<>();
    Map<Long, Integer> counts = new HashMap<>();
    long horizonSends = 0;
    for (int i = 0; i < page.size(); i++) {
      long t = page.sendMicros(i);
      if (!page.hasCaption(i) || t < from || t >= to) {
        continue;
      }
      horizonSends++;
      long caption = page.captionId(i);
      int k = counts.getOrDefault(caption, 0);
      double[] list = emvs.computeIfAbsent(caption, c -> new double[8]);
      if (k == list.length) {
        list = Arrays.copyOf(list, k * 2);
        emvs.put(caption, list);
      }
      list[k] = Emv.emv(page.earnings(i), page.sent(i));
      counts.put(caption, k + 1);
    }
    if (!atT.hasMedian()) {
      return new PageScore(page.page(), Double.NaN, List.of(), 0, horizonSends);
    }
    double median = atT.median();
    Map<Long, CaptionStats> stats = new HashMap<>();
    for (CaptionStats s : atT.stats()) {
      stats.put(s.captionId(), s);
    }

    List<ScoredCaption> scored = new ArrayList<>();
    long withoutStats = 0;
    for (Map.Entry<Long, double[]> e : emvs.entrySet()) {
      int n = counts.get(e.getKey());
      if (n < cfg.minSends()) {
        continue;
      }
      CaptionStats s = stats.get(e.getKey());
      if (s == null) {
        withoutStats++;
        continue;
      }
      double[] values = Arrays.copyOf(e.getValue(), n);
      Arrays.sort(values);
      long successes = 0;
      double sum = 0;
      for (double v : values) {
        sum += v;
        if (PageStatsCalculator.isSuccess(v, median)) {
          successes++;
        }
      }
      scored.add(
          new ScoredCaption(
              s.captionId(),
              posteriorMean(s),
              (double) s.successes() / s.totalObservations(),
              s.confidenceLowerBound(),
              s.confidenceUpperBound(),
              s.totalObservations(),
              n,
              successes,
              sum));
    }
    return new PageScore(page.page(), median, scored, withoutStats, horizonSends);
  }

  /** Mean of the Beta posterior: alpha / (alpha + beta). */
  public static double posteriorMean(CaptionStats s) {
    return s.posteriorAlpha() / (s.posteriorAlpha() + s.posteriorBeta());
  }
}
