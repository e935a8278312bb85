package com.eros.pipelines.captionperformance;

import com.eros.common.table.Tables;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Per page: runs {@link PageStatsCalculator} and emits the page's caption_bandit_stats Rows ({@link
 * #STATS}) and a RunTally ({@link #TALLY}).
 */
final class ComputeCaptionStats extends PTransform<PCollection<PageMessages>, PCollectionTuple> {
  static final TupleTag<Row> STATS = new TupleTag<>() {};
  static final TupleTag<RunTally> TALLY = new TupleTag<>() {};

  private final CaptionPerformanceConfig config;

  ComputeCaptionStats(CaptionPerformanceConfig config) {
    super("Compute caption stats");
    this.config = config;
  }

  @Override
  public PCollectionTuple expand(PCollection<PageMessages> pages) {
    PCollectionTuple out =
        pages.apply(
            "Compute page stats",
            ParDo.of(new ComputePageStatsFn(config)).withOutputTags(STATS, TupleTagList.of(TALLY)));
    out.get(STATS).setRowSchema(Tables.CAPTION_BANDIT_STATS.schema());
    out.get(TALLY).setCoder(SerializableCoder.of(RunTally.class));
    return out;
  }

  static final class ComputePageStatsFn extends DoFn<PageMessages, Row> {
    private final CaptionPerformanceConfig config;
    private final Counter statsRows =
        Metrics.counter(CaptionPerformancePipeline.METRICS, "stats_rows");
    private final Counter noMedian =
        Metrics.counter(CaptionPerformancePipeline.METRICS, "pages_without_median");

    ComputePageStatsFn(CaptionPerformanceConfig config) {
      this.config = config;
    }

    @ProcessElement
    public void process(@Element PageMessages page, MultiOutputReceiver out) {
      PageStatsCalculator.PageStats pageStats = PageStatsCalculator.computePage(page, config);
      List<CaptionStats> stats = pageStats.stats();
      RunTally tally = new RunTally();
      if (!pageStats.hasMedian()) {
        tally.pagesWithoutMedian++;
        noMedian.inc();
      } else if (!stats.isEmpty()) {
        tally.pagesWithStats++;
      }
      for (CaptionStats s : stats) {
        out.get(STATS).output(s.toRow());
      }
      tally.statsRows = stats.size();
      statsRows.inc(stats.size());
      out.get(TALLY).output(tally);
    }
  }
}
