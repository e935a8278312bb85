package com.eros.pipelines.captionperformance;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import java.io.Serializable;
import org.apache.beam.sdk.values.Row;

/**
 * One row of {@code caption_bandit_stats} (docs/caption-performance.md §5), as plain Java. Times
 * are epoch microseconds.
 */
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
    long lastUsedMicros,
    long lastUpdatedMicros)
    implements Serializable {

  /** The row with the full {@code caption_bandit_stats} schema. */
  public Row toRow() {
    // positional, in the column order of the table (checked by a test)
    return Row.withSchema(Tables.CAPTION_BANDIT_STATS.schema())
        .attachValues(
            pageName,
            captionId,
            successes,
            failures,
            totalObservations,
            effectiveSuccesses,
            effectiveFailures,
            confidenceLowerBound,
            confidenceUpperBound,
            posteriorAlpha,
            posteriorBeta,
            explorationScore,
            avgEmv,
            lastEmvObserved,
            totalRevenue,
            avgConversionRate,
            performancePercentile,
            Timestamps.ofMicros(lastUsedMicros),
            Timestamps.ofMicros(lastUpdatedMicros));
  }
}
