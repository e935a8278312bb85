package com.eros.pipelines.backtest;

import com.eros.common.stats.RankCorrelation;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The backtest of one page (docs/backtest.md): its scored captions and the page's share of every
 * metric.
 *
 * <p>Rules, decided here once:
 *
 * <ul>
 *   <li><b>Ranks and ties</b>: Spearman's correlation with average ranks for ties ({@link
 *       RankCorrelation}). It is undefined (NaN) on a page with fewer than two scored captions or
 *       where either side does not vary (e.g. every caption realised 0 %); such a page gets no
 *       weight in the averaged correlation.
 *   <li><b>Deciles</b>: the page's scored captions are ordered by posterior mean (highest first;
 *       equal means by caption_id, a tie-break that knows nothing of the horizon); the top decile
 *       is the first ceil(n / 10) of them, the bottom decile the last ceil(n / 10). A page with one
 *       scored caption has no deciles (its caption would be both). With n ≥ 2 the two never
 *       overlap.
 * </ul>
 *
 * @param median the page median EMV as of T; NaN when the page had no message in the median window
 *     (then nothing on the page can be judged)
 * @param captions scored captions (stats at T and at least minSends horizon sends), by caption_id
 * @param captionsWithoutStats captions with at least minSends horizon sends but no statistics at T
 *     (new to the page): not scored, counted
 * @param horizonSends valid attributed sends of the page in the horizon, scored or not
 */
public record PageScore(
    String pageName,
    double median,
    List<ScoredCaption> captions,
    long captionsWithoutStats,
    long horizonSends)
    implements Serializable {

  public PageScore {
    captions = List.copyOf(captions);
  }

  public boolean hasMedian() {
    return !Double.isNaN(median);
  }

  public int captionsScored() {
    return captions.size();
  }

  /** Spearman correlation of posterior mean at T and realised success rate; NaN when undefined. */
  public double spearman() {
    return correlation(true);
  }

  /**
   * Spearman correlation of the raw success rate at T and realised success rate; NaN when
   * undefined.
   */
  public double baselineSpearman() {
    return correlation(false);
  }

  private double correlation(boolean posterior) {
    int n = captions.size();
    double[] score = new double[n];
    double[] realised = new double[n];
    for (int i = 0; i < n; i++) {
      ScoredCaption c = captions.get(i);
      score[i] = posterior ? c.posteriorMean() : c.rawSuccessRate();
      realised[i] = c.realisedRate();
    }
    return RankCorrelation.spearman(score, realised);
  }

  /** The scored captions by posterior mean, highest first (equal means: lower caption_id first). */
  public List<ScoredCaption> byPosteriorMean() {
    List<ScoredCaption> sorted = new ArrayList<>(captions);
    sorted.sort(
        Comparator.comparingDouble(ScoredCaption::posteriorMean)
            .reversed()
            .thenComparingLong(ScoredCaption::captionId));
    return sorted;
  }

  /**
   * Size of each of the top and bottom deciles: ceil(n / 10), or 0 with fewer than two captions.
   */
  public int decileSize() {
    int n = captions.size();
    return n < 2 ? 0 : (n + 9) / 10;
  }

  public List<ScoredCaption> topDecile() {
    return byPosteriorMean().subList(0, decileSize());
  }

  public List<ScoredCaption> bottomDecile() {
    int n = captions.size();
    return byPosteriorMean().subList(n - decileSize(), n);
  }

  /** Scored captions whose realised rate lies inside their Wilson interval at T. */
  public long covered() {
    return captions.stream().filter(ScoredCaption::covered).count();
  }

  /** Horizon sends of the scored captions (the Brier score's denominator). */
  public long scoredSends() {
    return captions.stream().mapToLong(ScoredCaption::horizonSends).sum();
  }

  /** Σ (posterior mean − outcome)² over the horizon sends of the scored captions. */
  public double brierSum() {
    double s = 0;
    for (ScoredCaption c : captions) {
      s += c.brierSum();
    }
    return s;
  }

  /** The page's additive contribution to the run's metrics. */
  public Parts parts() {
    Pool top = Pool.of(topDecile());
    Pool bottom = Pool.of(bottomDecile());
    return new Parts(
        captions.size(),
        spearman(),
        baselineSpearman(),
        top,
        bottom,
        covered(),
        brierSum(),
        scoredSends(),
        captionsWithoutStats,
        hasMedian() ? 0 : horizonSends,
        horizonSends);
  }

  /** Pooled horizon outcomes of a set of captions. */
  public record Pool(long sends, long successes, double emvSum) implements Serializable {
    static final Pool EMPTY = new Pool(0, 0, 0);

    static Pool of(List<ScoredCaption> captions) {
      long sends = 0;
      long successes = 0;
      double emv = 0;
      for (ScoredCaption c : captions) {
        sends += c.horizonSends();
        successes += c.horizonSuccesses();
        emv += c.horizonEmvSum();
      }
      return new Pool(sends, successes, emv);
    }

    Pool plus(Pool o) {
      return new Pool(sends + o.sends, successes + o.successes, emvSum + o.emvSum);
    }

    /** Pooled success rate, NaN when empty. */
    public double successRate() {
      return sends == 0 ? Double.NaN : (double) successes / sends;
    }

    /** Mean EMV per send, NaN when empty. */
    public double meanEmv() {
      return sends == 0 ? Double.NaN : emvSum / sends;
    }
  }

  /**
   * What one page adds to the run's totals.
   *
   * @param spearman NaN when undefined on the page (then it carries no weight)
   * @param unjudgedSends horizon sends of a page without a median at T (cannot be judged)
   */
  public record Parts(
      long captions,
      double spearman,
      double baselineSpearman,
      Pool top,
      Pool bottom,
      long covered,
      double brierSum,
      long sends,
      long captionsWithoutStats,
      long unjudgedSends,
      long allHorizonSends)
      implements Serializable {}
}
