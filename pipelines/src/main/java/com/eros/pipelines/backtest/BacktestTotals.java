package com.eros.pipelines.backtest;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums the pages' contributions into the run's metrics (docs/backtest.md). Keeps each page's {@link
 * PageScore.Parts} by page name and adds them up in page-name order at the end, so the result is
 * bit-for-bit the same whatever order the pages arrive or are merged in. Small: a handful of
 * numbers per page.
 */
public final class BacktestTotals implements Serializable {
  private static final long serialVersionUID = 1L;
  private final TreeMap<String, PageScore.Parts> pages = new TreeMap<>();

  /** Adds a page (a page that adds nothing at all is not kept). Returns this. */
  public BacktestTotals add(PageScore page) {
    PageScore.Parts p = page.parts();
    if (p.captions() > 0 || p.captionsWithoutStats() > 0 || p.allHorizonSends() > 0) {
      put(page.pageName(), p);
    }
    return this;
  }

  /** Adds every page of {@code other}. Returns this. */
  public BacktestTotals merge(BacktestTotals other) {
    other.pages.forEach(this::put);
    return this;
  }

  private void put(String page, PageScore.Parts parts) {
    if (pages.putIfAbsent(page, parts) != null) {
      throw new IllegalStateException("page " + page + " scored twice");
    }
  }

  /** The run's metrics. */
  public BacktestMetrics metrics() {
    long captions = 0;
    long pagesScored = 0;
    long pagesCorrelated = 0;
    double sw = 0;
    double w = 0;
    double bw = 0;
    double bWeight = 0;
    PageScore.Pool top = PageScore.Pool.EMPTY;
    PageScore.Pool bottom = PageScore.Pool.EMPTY;
    long covered = 0;
    double brier = 0;
    long sends = 0;
    long withoutStats = 0;
    long unjudged = 0;
    long all = 0;
    for (Map.Entry<String, PageScore.Parts> e : pages.entrySet()) {
      PageScore.Parts p = e.getValue();
      captions += p.captions();
      pagesScored += p.captions() > 0 ? 1 : 0;
      if (!Double.isNaN(p.spearman())) {
        sw += p.captions() * p.spearman();
        w += p.captions();
        pagesCorrelated++;
      }
      if (!Double.isNaN(p.baselineSpearman())) {
        bw += p.captions() * p.baselineSpearman();
        bWeight += p.captions();
      }
      top = top.plus(p.top());
      bottom = bottom.plus(p.bottom());
      covered += p.covered();
      brier += p.brierSum();
      sends += p.sends();
      withoutStats += p.captionsWithoutStats();
      unjudged += p.unjudgedSends();
      all += p.allHorizonSends();
    }
    return new BacktestMetrics(
        captions,
        w == 0 ? null : sw / w,
        orNull(top.successRate()),
        orNull(bottom.successRate()),
        captions == 0 ? null : (double) covered / captions,
        sends == 0 ? null : brier / sends,
        bWeight == 0 ? null : bw / bWeight,
        pagesScored,
        pagesCorrelated,
        sends,
        orNull(top.meanEmv()),
        orNull(bottom.meanEmv()),
        withoutStats,
        unjudged,
        all);
  }

  private static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BacktestTotals t && pages.equals(t.pages);
  }

  @Override
  public int hashCode() {
    return pages.hashCode();
  }
}
