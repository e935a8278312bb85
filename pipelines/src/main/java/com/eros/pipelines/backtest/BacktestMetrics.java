package com.eros.pipelines.backtest;

import java.io.Serializable;

/**
 * The numbers of one backtest (docs/backtest.md). A metric that is undefined for the run is null
 * (for example no page had two scored captions, so no correlation and no deciles).
 *
 * @param captionsScored captions with statistics at T and at least minSends horizon sends
 * @param spearman Spearman correlation (average ranks) of posterior mean at T and realised success
 *     rate, per page, averaged over the pages where it is defined with the page's scored-caption
 *     count as weight
 * @param topDecileSuccessRate pooled realised success rate (Σ successes / Σ sends) of each page's
 *     top decile by posterior mean
 * @param bottomDecileSuccessRate the same for each page's bottom decile
 * @param intervalCoverage share of scored captions whose realised rate lies inside their Wilson
 *     interval at T
 * @param brierScore mean over the scored captions' horizon sends of (posterior mean − outcome)²
 * @param baselineSpearman like {@code spearman} but ranking by the raw rate successes /
 *     total_observations at T
 * @param pagesScored pages with at least one scored caption
 * @param pagesCorrelated pages whose correlation is defined (they carry the weight of {@code
 *     spearman})
 * @param horizonSends horizon sends of the scored captions
 * @param topDecileMeanEmv mean EMV per horizon send of the top deciles (revenue per recipient)
 * @param bottomDecileMeanEmv the same for the bottom deciles
 * @param captionsWithoutStats captions with at least minSends horizon sends but no statistics at T
 * @param unjudgedSends horizon sends on pages that had no median at T
 * @param allHorizonSends valid attributed horizon sends of every page, scored or not
 */
public record BacktestMetrics(
    long captionsScored,
    Double spearman,
    Double topDecileSuccessRate,
    Double bottomDecileSuccessRate,
    Double intervalCoverage,
    Double brierScore,
    Double baselineSpearman,
    long pagesScored,
    long pagesCorrelated,
    long horizonSends,
    Double topDecileMeanEmv,
    Double bottomDecileMeanEmv,
    long captionsWithoutStats,
    long unjudgedSends,
    long allHorizonSends)
    implements Serializable {}
