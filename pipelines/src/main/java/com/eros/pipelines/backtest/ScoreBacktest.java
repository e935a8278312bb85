package com.eros.pipelines.backtest;

import com.eros.common.table.Tables;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.captionperformance.BuildCaptionIndex;
import com.eros.pipelines.captionperformance.CaptionIndex;
import com.eros.pipelines.captionperformance.CaptionPerformancePipeline;
import com.eros.pipelines.captionperformance.PageMessages;
import com.eros.pipelines.captionperformance.ValidateAndAttribute;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The backtest's graph up to its output rows (REFERENCE §9):
 *
 * <pre>
 *   caption_bank ─ index texts (side input) ─────────────────────────┐
 *   mass_messages [T − window, T + H) ─ read by page ─ validate and attribute (as caption-performance)
 *     ─ score each page (PageScorer: §2 at T, judged on [T, T + H)) ─┬─ page rows     → {@link #PAGES}
 *                                                                    └─ sum ─ summary row → {@link #SUMMARY}
 * </pre>
 *
 * <p>Reads only; writes nothing (the caller writes the rows). Invalid messages are left out and
 * counted, not dead-lettered: that is caption-performance's job. The summary has one row when a
 * caption was scored, none otherwise.
 */
public final class ScoreBacktest extends PTransform<PBegin, PCollectionTuple> {
  /** The bandit_backtests row (zero or one). */
  public static final TupleTag<Row> SUMMARY = new TupleTag<>() {};
  /** The bandit_backtest_pages rows (one per page with a scored caption). */
  public static final TupleTag<Row> PAGES = new TupleTag<>() {};
  /** Metrics namespace of the backtest's counters. */
  public static final String METRICS = "backtest";

  private final Warehouse warehouse;
  private final BacktestConfig config;
  private final String backtestId;
  private final Instant computedAt;

  public ScoreBacktest(Warehouse warehouse, BacktestConfig config, String backtestId, Instant computedAt) {
    super("Score backtest");
    this.warehouse = warehouse;
    this.config = config;
    this.backtestId = backtestId;
    this.computedAt = computedAt;
  }

  /** What is read from mass_messages: the columns caption-performance reads, over [T − window, T + H). */
  public static ReadSpec messageReadSpec(BacktestConfig cfg) {
    return ReadSpec.columns(CaptionPerformancePipeline.messageColumns())
        .where(Filter.between("sending_time", cfg.readFrom(), cfg.horizonEnd()));
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    PCollectionView<CaptionIndex> index = input.apply(new BuildCaptionIndex(warehouse));
    PCollection<KV<String, List<Row>>> byPage = input.apply("Read messages by page",
        warehouse.readGrouped(Tables.MASS_MESSAGES, messageReadSpec(config), "page_name"));
    // validity "now" = T + H: every send read is before it, so only the time-free rules can reject
    PCollection<PageMessages> pages = byPage
        .apply(new ValidateAndAttribute(index, config.horizonEnd(), computedAt, backtestId))
        .get(ValidateAndAttribute.VALID);
    PCollection<PageScore> scores = pages
        .apply("Score pages", ParDo.of(new ScorePageFn(config)))
        .setCoder(SerializableCoder.of(PageScore.class));

    PCollection<Row> pageRows = scores
        .apply("Build page rows", ParDo.of(new PageRowFn(backtestId, config)))
        .setRowSchema(Tables.BANDIT_BACKTEST_PAGES.schema());
    PCollection<Row> summary = scores
        .apply("Sum page scores", Combine.globally(new SumScoresFn()))
        .apply("Build summary row", ParDo.of(new SummaryRowFn(backtestId, config, computedAt)))
        .setRowSchema(Tables.BANDIT_BACKTESTS.schema());
    return PCollectionTuple.of(SUMMARY, summary).and(PAGES, pageRows);
  }

  /** PageMessages → PageScore, counting what was and was not scored. */
  static final class ScorePageFn extends DoFn<PageMessages, PageScore> {
    private final BacktestConfig config;
    private final Counter pagesScored = Metrics.counter(METRICS, "pages_scored");
    private final Counter captionsScored = Metrics.counter(METRICS, "captions_scored");
    private final Counter withoutStats = Metrics.counter(METRICS, "captions_without_stats");
    private final Counter noMedian = Metrics.counter(METRICS, "pages_without_median");
    private final Counter horizonSends = Metrics.counter(METRICS, "horizon_sends");

    ScorePageFn(BacktestConfig config) {
      this.config = config;
    }

    @ProcessElement
    public void process(@Element PageMessages page, OutputReceiver<PageScore> out) {
      PageScore s = PageScorer.score(page, config);
      horizonSends.inc(s.horizonSends());
      if (!s.hasMedian()) {
        noMedian.inc();
      }
      if (s.captionsScored() > 0) {
        pagesScored.inc();
      }
      captionsScored.inc(s.captionsScored());
      withoutStats.inc(s.captionsWithoutStats());
      out.output(s);
    }
  }

  static final class PageRowFn extends DoFn<PageScore, Row> {
    private final String backtestId;
    private final BacktestConfig config;

    PageRowFn(String backtestId, BacktestConfig config) {
      this.backtestId = backtestId;
      this.config = config;
    }

    @ProcessElement
    public void process(@Element PageScore s, OutputReceiver<Row> out) {
      if (s.captionsScored() > 0) {
        out.output(BacktestRows.page(backtestId, config, s));
      }
    }
  }

  static final class SummaryRowFn extends DoFn<BacktestTotals, Row> {
    private final String backtestId;
    private final BacktestConfig config;
    private final Instant computedAt;

    SummaryRowFn(String backtestId, BacktestConfig config, Instant computedAt) {
      this.backtestId = backtestId;
      this.config = config;
      this.computedAt = computedAt;
    }

    @ProcessElement
    public void process(@Element BacktestTotals totals, OutputReceiver<Row> out) {
      BacktestMetrics m = totals.metrics();
      if (m.captionsScored() > 0) {
        out.output(BacktestRows.summary(backtestId, config, computedAt, m));
      }
    }
  }

  /** Page scores → totals (empty totals when there is no page). */
  static final class SumScoresFn extends Combine.CombineFn<PageScore, BacktestTotals, BacktestTotals> {
    @Override
    public BacktestTotals createAccumulator() {
      return new BacktestTotals();
    }

    @Override
    public BacktestTotals addInput(BacktestTotals acc, PageScore input) {
      return acc.add(input);
    }

    @Override
    public BacktestTotals mergeAccumulators(Iterable<BacktestTotals> accs) {
      BacktestTotals merged = new BacktestTotals();
      for (BacktestTotals a : accs) {
        merged.merge(a);
      }
      return merged;
    }

    @Override
    public BacktestTotals extractOutput(BacktestTotals acc) {
      return acc;
    }

    @Override
    public Coder<BacktestTotals> getAccumulatorCoder(CoderRegistry registry, Coder<PageScore> inputCoder) {
      return SerializableCoder.of(BacktestTotals.class);
    }

    @Override
    public Coder<BacktestTotals> getDefaultOutputCoder(CoderRegistry registry, Coder<PageScore> inputCoder) {
      return SerializableCoder.of(BacktestTotals.class);
    }
  }
}
