package com.eros.pipelines.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;

/**
 * Section 5: the bandit statistics (caption_bandit_stats). The largest pages (by attributed sends)
 * in full: their best captions with Wilson intervals and posterior means, and the distribution of
 * their captions' mean EMV; every other page as one table row. Plus how fresh the statistics are.
 *
 * @param statsAsOf the newest last_updated of the table (the asOf of the run that wrote it)
 * @param lastSuccess start of the latest SUCCESS caption_performance run in the window, or null
 */
public record CaptionSection(
    List<PageDetail> largest,
    List<PageRow> rest,
    List<Double> posteriorMeans,
    long captions,
    Instant statsAsOf,
    RunsSection.Run lastSuccess) {
  /** Pages shown in full. */
  public static final int LARGEST_PAGES = 6;

  /** Captions per page in the best-captions chart. */
  public static final int BEST_CAPTIONS = 10;

  /** The columns the section reads. */
  public static final String[] COLUMNS = {
    "page_name",
    "caption_id",
    "total_observations",
    "effective_successes",
    "effective_failures",
    "confidence_lower_bound",
    "confidence_upper_bound",
    "posterior_alpha",
    "posterior_beta",
    "avg_emv",
    "total_revenue",
    "last_updated"
  };

  /** One caption's statistics on one page. */
  public record CaptionStat(
      String page,
      long captionId,
      long observations,
      double effectiveSuccesses,
      double effectiveFailures,
      double lower,
      double upper,
      double alpha,
      double beta,
      double avgEmv,
      double revenue) {
    /**
     * The decay-weighted success rate (the Wilson interval's centre estimate); NaN without
     * observations.
     */
    public double rate() {
      double n = effectiveSuccesses + effectiveFailures;
      return n > 0 ? effectiveSuccesses / n : Double.NaN;
    }

    /** Mean of the Beta posterior. */
    public double posteriorMean() {
      return alpha / (alpha + beta);
    }
  }

  /** A page summarised in one line. */
  public record PageRow(
      String page, long captions, long observations, double revenue, CaptionStat best) {}

  /** A page shown in full; {@code texts} maps caption ids to their text where known. */
  public record PageDetail(
      PageRow summary, List<CaptionStat> best, List<Double> avgEmvs, Map<Long, String> texts) {
    public String page() {
      return summary.page();
    }
  }

  static CaptionStat stat(Row r) {
    return new CaptionStat(
        Cells.string(r, "page_name"),
        Cells.lng(r, "caption_id", -1),
        Cells.lng(r, "total_observations", 0),
        num(r, "effective_successes"),
        num(r, "effective_failures"),
        num(r, "confidence_lower_bound"),
        num(r, "confidence_upper_bound"),
        num(r, "posterior_alpha"),
        num(r, "posterior_beta"),
        num(r, "avg_emv"),
        num(r, "total_revenue"));
  }

  private static double num(Row r, String f) {
    Double d = Cells.dbl(r, f);
    return d == null ? Double.NaN : d;
  }

  /**
   * Ranks captions: highest Wilson lower bound first (the conservative estimate), then most
   * observed.
   */
  static final Comparator<CaptionStat> BEST_FIRST =
      Comparator.comparingDouble((CaptionStat s) -> -safe(s.lower()))
          .thenComparingLong(s -> -s.observations())
          .thenComparingLong(CaptionStat::captionId);

  private static double safe(double d) {
    return Double.isNaN(d) ? -1 : d;
  }

  /** The pages in size order (attributed sends, then revenue, then name). */
  static List<PageRow> pages(List<CaptionStat> stats) {
    Map<String, List<CaptionStat>> byPage = new HashMap<>();
    for (CaptionStat s : stats) {
      if (s.page() != null) {
        byPage.computeIfAbsent(s.page(), k -> new ArrayList<>()).add(s);
      }
    }
    List<PageRow> rows = new ArrayList<>();
    byPage.forEach(
        (page, list) -> {
          long obs = 0;
          double rev = 0;
          CaptionStat best = null;
          for (CaptionStat s : list) {
            obs += s.observations();
            rev += Double.isNaN(s.revenue()) ? 0 : s.revenue();
            if (best == null || BEST_FIRST.compare(s, best) < 0) {
              best = s;
            }
          }
          rows.add(new PageRow(page, list.size(), obs, rev, best));
        });
    rows.sort(
        Comparator.comparingLong((PageRow p) -> -p.observations())
            .thenComparingDouble(p -> -p.revenue())
            .thenComparing(PageRow::page));
    return rows;
  }

  /** The rows as caption statistics, in the same order (converted once per report). */
  static List<CaptionStat> stats(List<Row> rows) {
    return rows.stream().map(CaptionSection::stat).toList();
  }

  /** The names of the pages shown in full (their caption texts are read for them). */
  static List<String> largestNames(List<PageRow> pages) {
    return pages.stream().limit(LARGEST_PAGES).map(PageRow::page).toList();
  }

  /**
   * @param rows caption_bandit_stats rows (at least {@link #COLUMNS})
   * @param texts caption texts of the largest pages' captions, by id (may be empty)
   * @param runs the runs section (for the latest successful caption_performance run)
   */
  public static CaptionSection from(List<Row> rows, Map<Long, String> texts, RunsSection runs) {
    List<CaptionStat> stats = stats(rows);
    return from(rows, stats, pages(stats), texts, runs);
  }

  /** As above, with {@link #stats} and {@link #pages} already computed by the caller. */
  static CaptionSection from(
      List<Row> rows,
      List<CaptionStat> stats,
      List<PageRow> pages,
      Map<Long, String> texts,
      RunsSection runs) {
    List<String> largestNames = largestNames(pages);
    Map<String, List<CaptionStat>> detail = new HashMap<>();
    List<Double> posteriors = new ArrayList<>(stats.size());
    Instant asOf = null;
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      CaptionStat s = stats.get(i);
      if (!Double.isNaN(s.posteriorMean())) {
        posteriors.add(s.posteriorMean());
      }
      Instant u = Cells.instant(r, "last_updated");
      if (u != null && (asOf == null || u.isAfter(asOf))) {
        asOf = u;
      }
      if (largestNames.contains(s.page())) {
        detail.computeIfAbsent(s.page(), k -> new ArrayList<>()).add(s);
      }
    }
    List<PageDetail> largest = new ArrayList<>();
    for (PageRow p : pages.subList(0, largestNames.size())) {
      List<CaptionStat> all = detail.get(p.page());
      List<CaptionStat> best = all.stream().sorted(BEST_FIRST).limit(BEST_CAPTIONS).toList();
      List<Double> emvs = all.stream().map(CaptionStat::avgEmv).filter(d -> !d.isNaN()).toList();
      Map<Long, String> pageTexts = new HashMap<>();
      for (CaptionStat s : best) {
        String t = texts.get(s.captionId());
        if (t != null) {
          pageTexts.put(s.captionId(), t);
        }
      }
      largest.add(new PageDetail(p, best, emvs, pageTexts));
    }
    return new CaptionSection(
        List.copyOf(largest),
        List.copyOf(pages.subList(largestNames.size(), pages.size())),
        posteriors,
        stats.size(),
        asOf,
        runs.latest("caption_performance", "SUCCESS"));
  }

  public boolean isEmpty() {
    return captions == 0;
  }

  public int pageCount() {
    return largest.size() + rest.size();
  }
}
