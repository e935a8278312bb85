package com.eros.pipelines.backtest;

import com.eros.common.stats.RankCorrelation;
import com.eros.pipelines.captionperformance.CaptionPerformanceConfig;
import com.eros.pipelines.captionperformance.CaptionStats;
import com.eros.pipelines.captionperformance.PageMessages;
import com.eros.pipelines.captionperformance.PageStatsCalculator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Measures of the §2 statistics against a simulated world's truth (test code). */
final class Measures {
  private Measures() {}

  /**
   * Prints a figure the validation tests measured (the README quotes them): one line on stdout,
   * {@code measured: <what>: <value>}, so a run of the tests shows what it asserted on.
   */
  static void print(String what, Object value) {
    System.out.println("measured: " + what + ": " + value);
  }

  /** The three ways of ranking captions compared. */
  enum Score {
    POSTERIOR_MEAN(PageScorer::posteriorMean),
    WILSON_LOWER(CaptionStats::confidenceLowerBound),
    RAW_RATE(s -> (double) s.successes() / s.totalObservations());

    final ToDoubleFunction<CaptionStats> of;

    Score(ToDoubleFunction<CaptionStats> of) {
      this.of = of;
    }
  }

  /** The statistics of every page of the world, per page, computed by the pipeline's calculator. */
  static Map<String, List<CaptionStats>> stats(SimulatedWorld w, CaptionPerformanceConfig cfg) {
    Map<String, List<CaptionStats>> out = new HashMap<>();
    for (Map.Entry<String, PageMessages> e : w.pages.entrySet()) {
      PageStatsCalculator.PageStats ps = PageStatsCalculator.computePage(e.getValue(), cfg);
      if (ps.median() != 1.0) {
        throw new IllegalStateException(
            "the world's median must be exactly 1.0, was " + ps.median());
      }
      out.put(e.getKey(), ps.stats());
    }
    return out;
  }

  /**
   * Coverage of the true probability by the Wilson interval, over captions with at least
   * minObservations.
   */
  record Coverage(int captions, int covered) {
    double rate() {
      return (double) covered / captions;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.4f of %d captions", rate(), captions);
    }
  }

  static Coverage coverage(SimulatedWorld w, CaptionPerformanceConfig cfg, long minObservations) {
    Map<Long, Double> truth = w.truthById();
    int n = 0;
    int covered = 0;
    for (List<CaptionStats> page : stats(w, cfg).values()) {
      for (CaptionStats s : page) {
        if (s.totalObservations() < minObservations) {
          continue;
        }
        n++;
        double p = truth.get(s.captionId());
        if (s.confidenceLowerBound() <= p && p <= s.confidenceUpperBound()) {
          covered++;
        }
      }
    }
    return new Coverage(n, covered);
  }

  /**
   * How well a score recovers the truth, averaged over pages.
   *
   * @param spearman mean per-page Spearman correlation of score and true probability (average
   *     ranks; a page where the score does not vary counts 0: it tells nothing)
   * @param bestHit share of pages whose highest-scored caption is the truly best one (k captions
   *     tied at the top share the credit: 1/k if the best is among them)
   * @param regret mean over pages of p(best) − p(chosen), the chosen caption drawn uniformly among
   *     those tied at the top
   */
  record Ranking(double spearman, double bestHit, double regret) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT, "spearman %.3f, best hit %.3f, regret %.4f", spearman, bestHit, regret);
    }
  }

  static Ranking ranking(SimulatedWorld w, CaptionPerformanceConfig cfg, Score score) {
    Map<Long, Double> truth = w.truthById();
    double rho = 0;
    double hit = 0;
    double regret = 0;
    int pages = 0;
    for (List<CaptionStats> page : stats(w, cfg).values()) {
      int n = page.size();
      if (n < 2) {
        continue;
      }
      double[] s = new double[n];
      double[] p = new double[n];
      int best = 0;
      double top = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        s[i] = score.of.applyAsDouble(page.get(i));
        p[i] = truth.get(page.get(i).captionId());
        if (p[i] > p[best]) {
          best = i;
        }
        top = Math.max(top, s[i]);
      }
      double r = RankCorrelation.spearman(s, p);
      rho += Double.isNaN(r) ? 0 : r;
      List<Integer> tied = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (s[i] == top) {
          tied.add(i);
        }
      }
      double chosen = 0;
      for (int i : tied) {
        chosen += p[i];
        hit += i == best ? 1.0 / tied.size() : 0;
      }
      regret += p[best] - chosen / tied.size();
      pages++;
    }
    return new Ranking(rho / pages, hit / pages, regret / pages);
  }
}
