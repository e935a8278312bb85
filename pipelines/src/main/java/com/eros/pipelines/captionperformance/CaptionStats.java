package com.eros.pipelines.captionperformance;

import com.eros.common.table.Tables;
import java.io.Serializable;
import org.apache.beam.sdk.values.Row;

/** One row of {@code caption_bandit_stats} (REFERENCE §2.5), as plain Java. Times are epoch ms. */
public record CaptionStats(
    String pageName,
    long captionId,
    long successes,
    long failures,
    long totalObservations,
    double effectiveSuccesses,
    double effectiveFailures,
    double confidenceLowerBound,
    double confidenceUpperBound,
    double posteriorAlpha,
    double posteriorBeta,
    double explorationScore,
    double avgEmv,
    double lastEmvObserved,
    double totalRevenue,
    double avgConversionRate,
    long performancePercentile,
    long lastUsedMs,
    long lastUpdatedMs)
    implements Serializable {

  /** The row with the full {@code caption_bandit_stats} schema. */
  public Row toRow() {
    return Row.withSchema(Tables.CAPTION_BANDIT_STATS.schema())
        .withFieldValue("page_name", pageName)
        .withFieldValue("caption_id", captionId)
        .withFieldValue("successes", successes)
        .withFieldValue("failures", failures)
        .withFieldValue("total_observations", totalObservations)
        .withFieldValue("effective_successes", effectiveSuccesses)
        .withFieldValue("effective_failures", effectiveFailures)
        .withFieldValue("confidence_lower_bound", confidenceLowerBound)
        .withFieldValue("confidence_upper_bound", confidenceUpperBound)
        .withFieldValue("posterior_alpha", posteriorAlpha)
        .withFieldValue("posterior_beta", posteriorBeta)
        .withFieldValue("exploration_score", explorationScore)
        .withFieldValue("avg_emv", avgEmv)
        .withFieldValue("last_emv_observed", lastEmvObserved)
        .withFieldValue("total_revenue", totalRevenue)
        .withFieldValue("avg_conversion_rate", avgConversionRate)
        .withFieldValue("performance_percentile", performancePercentile)
        .withFieldValue("last_used", new org.joda.time.Instant(lastUsedMs))
        .withFieldValue("last_updated", new org.joda.time.Instant(lastUpdatedMs))
        .build();
  }
}
