package com.eros.pipelines.backtest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.values.Row;

/**
 * The table a backtest prints: each stored number with what it means in one line, a verdict, and
 * the pages whose ranking was weakest. Works from the stored rows (bandit_backtests and
 * bandit_backtest_pages), so it shows exactly what was written.
 */
public final class BacktestReport {
  /** Pages listed as weakest need at least this many scored captions (fewer say little). */
  static final int WEAK_PAGE_MIN_CAPTIONS = 5;

  static final int WEAK_PAGES = 3;

  private BacktestReport() {}

  public static void print(PrintStream out, BacktestConfig cfg, Row summary, List<Row> pages) {
    long captions = summary.getInt64("captions_scored");
    out.printf(
        Locale.ROOT,
        "Backtest %s: statistics as of %s judged on the sends of [%s, %s) (%d days),%n",
        summary.getString("backtest_id"),
        cfg.asOf(),
        cfg.asOf(),
        cfg.horizonEnd(),
        cfg.horizonDays());
    out.printf(
        Locale.ROOT,
        "captions with at least %d sends there; success = EMV above the page median as of T.%n",
        cfg.minSends());
    line(
        out,
        "captions scored",
        Long.toString(captions),
        "captions with statistics at T and >= "
            + cfg.minSends()
            + " horizon sends, on "
            + pages.size()
            + " pages");
    line(
        out,
        "rank correlation",
        num(summary, "spearman_rank_correlation"),
        "posterior mean at T vs realised success rate, per page (1 = same order, 0 = no relation)");
    line(
        out,
        "baseline correlation",
        num(summary, "baseline_spearman_rank_correlation"),
        "the same for the raw rate successes / observations (no decay, no prior)");
    line(
        out,
        "top decile success",
        num(summary, "top_decile_success_rate"),
        "realised success rate of each page's best tenth by posterior mean (pooled)");
    line(
        out,
        "bottom decile success",
        num(summary, "bottom_decile_success_rate"),
        "the same for each page's worst tenth: should be clearly below the top");
    line(
        out,
        "interval coverage",
        num(summary, "interval_coverage"),
        "captions whose realised rate fell inside their Wilson interval (horizon noise lowers it)");
    line(
        out,
        "brier score",
        num(summary, "brier_score"),
        "mean (posterior mean - outcome)^2 per horizon send; 0.25 = always guessing 50 %");
    out.println("  " + verdict(summary));
    List<Row> weak = weakestPages(pages);
    if (!weak.isEmpty()) {
      StringBuilder sb = new StringBuilder("  weakest pages (correlation, captions):");
      for (Row r : weak) {
        sb.append(
            String.format(
                Locale.ROOT,
                " %s (%.2f, %d)",
                r.getString("page_name"),
                r.getDouble("spearman_rank_correlation"),
                r.getInt64("captions_scored")));
      }
      out.println(sb);
    }
  }

  /** One sentence on whether the statistics rank captions usefully. */
  static String verdict(Row summary) {
    Double top = summary.getDouble("top_decile_success_rate");
    Double bottom = summary.getDouble("bottom_decile_success_rate");
    Double rho = summary.getDouble("spearman_rank_correlation");
    Double base = summary.getDouble("baseline_spearman_rank_correlation");
    if (top == null || bottom == null || rho == null) {
      return "verdict: too few captions per page to judge the ranking; use a longer --horizonDays or a lower --minSends";
    }
    String gap =
        String.format(
            Locale.ROOT,
            "the top decile succeeded %.1f points %s often than the bottom decile",
            Math.abs(top - bottom) * 100,
            top >= bottom ? "more" : "less");
    String vsBase =
        base == null
            ? ""
            : String.format(
                Locale.ROOT,
                "; posterior mean %s the raw rate (%+.2f)",
                rho >= base ? "ranks at least as well as" : "ranks worse than",
                rho - base);
    String word =
        rho >= 0.3 && top > bottom
            ? "the statistics rank captions usefully"
            : rho > 0 && top > bottom
                ? "the ranking is weak"
                : "the ranking does not predict the horizon";
    return "verdict: " + word + ": " + gap + vsBase + ".";
  }

  /** The pages with the lowest correlation among those with enough captions, lowest first. */
  static List<Row> weakestPages(List<Row> pages) {
    List<Row> candidates = new ArrayList<>();
    for (Row r : pages) {
      if (r.getInt64("captions_scored") >= WEAK_PAGE_MIN_CAPTIONS
          && r.getDouble("spearman_rank_correlation") != null) {
        candidates.add(r);
      }
    }
    candidates.sort(
        Comparator.comparingDouble((Row r) -> r.getDouble("spearman_rank_correlation"))
            .thenComparing(r -> r.getString("page_name")));
    return candidates.subList(0, Math.min(WEAK_PAGES, candidates.size()));
  }

  private static void line(PrintStream out, String name, String value, String meaning) {
    out.printf(Locale.ROOT, "  %-22s %8s   %s%n", name, value, meaning);
  }

  private static String num(Row r, String field) {
    Double v = r.getDouble(field);
    return v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }
}
