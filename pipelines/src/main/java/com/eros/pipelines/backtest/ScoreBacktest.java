package com.eros.pipelines.backtest;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.captionperformance.BuildCaptionIndex;
import com.eros.pipelines.captionperformance.CaptionPerformancePipeline;
import com.eros.pipelines.captionperformance.PageMessages;
import com.eros.pipelines.captionperformance.RunTally;
import com.eros.pipelines.captionperformance.ValidateAndAttribute;
import com.eros.pipelines.support.AccumulateFn;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The backtest's reading and scoring (docs/backtest.md), without any write:
 *
 * <pre>
 *   caption_bank ─ index texts (side input) ─────────────────────────┐
 *   mass_messages [T − window, T + H) ─ read by page ─ validate and attribute (as caption-performance)
 *     ─ score each page (PageScorer: §2 at T, judged on [T, T + H)) ─┬─────────────── {@link #SCORES}
 *                                                                    └─ sum ─┐
 *   mass_messages sending_time in [T, T + 1 d) and [T + H, T + H + 1 d) ─ count ─ outcome {@link #OUTCOME}
 * </pre>
 *
 * <p>Invalid messages are left out and counted, not dead-lettered: that is caption-performance's
 * job. The outcome is one element: the run's metrics, and why nothing may be stored when the data
 * does not reach T + H ({@link DataReach}) or nothing could be scored.
 */
public final class ScoreBacktest extends PTransform<PBegin, PCollectionTuple> {
  /** One PageScore per page with a valid message. */
  public static final TupleTag<PageScore> SCORES = new TupleTag<>() {};

  /** The run's outcome (exactly one element). */
  public static final TupleTag<BacktestOutcome> OUTCOME = new TupleTag<>() {};

  /** Metrics namespace of the backtest's counters. */
  public static final String METRICS = "backtest";

  private final Warehouse warehouse;
  private final BacktestConfig config;
  private final Instant now;
  private final String jobId;

  /**
   * @param now the run's clock: bounds the probe after T + H (no send after now + 1 h is valid) and
   *     stamps nothing else
   */
  public ScoreBacktest(Warehouse warehouse, BacktestConfig config, Instant now, String jobId) {
    super("Score backtest");
    this.warehouse = warehouse;
    this.config = config;
    this.now = now;
    this.jobId = jobId;
  }

  /**
   * What is read from mass_messages: the columns caption-performance reads, over [T − window, T +
   * H).
   */
  public static ReadSpec messageReadSpec(BacktestConfig cfg) {
    return ReadSpec.columns(CaptionPerformancePipeline.messageColumns())
        .where(Filter.between("sending_time", cfg.readFrom(), cfg.horizonEnd()));
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    BuildCaptionIndex.Views index = BuildCaptionIndex.views(input, warehouse);
    PCollection<KV<String, List<Row>>> byPage =
        input.apply(
            "Read messages by page",
            warehouse.readGrouped(Tables.MASS_MESSAGES, messageReadSpec(config), "page_name"));
    // validity "now" = T + H: every send read is before it, so only the time-free rules can reject
    PCollectionTuple checked =
        byPage.apply(new ValidateAndAttribute(index, config.horizonEnd(), now, jobId));
    PCollection<PageScore> scores =
        checked
            .get(ValidateAndAttribute.VALID)
            .apply("Score pages", ParDo.of(new ScorePageFn(config)))
            .setCoder(SerializableCoder.of(PageScore.class));
    PCollectionView<Long> rowsRead =
        checked
            .get(ValidateAndAttribute.TALLY)
            .apply(
                "Rows read per page",
                MapElements.into(TypeDescriptors.longs()).via(RunTally::rowsRead))
            .apply("Sum rows read", Sum.longsGlobally())
            .apply("As rows read", View.asSingleton());

    long nowMicros = Timestamps.micros(now);
    long horizonEnd = config.horizonEndMicros();
    PCollectionView<Long> firstDay =
        countSends(
            input,
            "first day of the horizon",
            config.asOfMicros(),
            config.asOfMicros() + DataReach.DAY_MICROS);
    PCollectionView<Long> dayAfter =
        countSends(
            input,
            "day after the horizon",
            horizonEnd,
            DataReach.dayAfterEndMicros(config, nowMicros));
    boolean partial = DataReach.partial(config, nowMicros);

    PCollection<BacktestOutcome> outcome =
        scores
            .apply("Sum page scores", Combine.globally(new SumScoresFn()))
            .apply(
                "Judge the run",
                ParDo.of(new OutcomeFn(config, partial, firstDay, dayAfter, rowsRead))
                    .withSideInputs(firstDay, dayAfter, rowsRead))
            .setCoder(SerializableCoder.of(BacktestOutcome.class));
    return PCollectionTuple.of(SCORES, scores).and(OUTCOME, outcome);
  }

  /** The number of mass_messages rows sent in [fromMicros, toMicros), as a singleton view. */
  private PCollectionView<Long> countSends(
      PBegin input, String what, long fromMicros, long toMicros) {
    ReadSpec spec =
        ReadSpec.columns("sending_time")
            .where(
                Filter.between(
                    "sending_time",
                    Timestamps.ofMicros(fromMicros),
                    Timestamps.ofMicros(Math.max(fromMicros, toMicros))));
    return input
        .apply("Read sends of the " + what, warehouse.read(Tables.MASS_MESSAGES, spec))
        .apply("Count sends of the " + what, Count.globally())
        .apply("As sends of the " + what, View.asSingleton());
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

  /** The summed totals and the probe counts → the run's outcome. */
  static final class OutcomeFn extends DoFn<BacktestTotals, BacktestOutcome> {
    private final BacktestConfig config;
    private final boolean partial;
    private final PCollectionView<Long> firstDay;
    private final PCollectionView<Long> dayAfter;
    private final PCollectionView<Long> rowsRead;

    OutcomeFn(
        BacktestConfig config,
        boolean partial,
        PCollectionView<Long> firstDay,
        PCollectionView<Long> dayAfter,
        PCollectionView<Long> rowsRead) {
      this.config = config;
      this.partial = partial;
      this.firstDay = firstDay;
      this.dayAfter = dayAfter;
      this.rowsRead = rowsRead;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      DataReach reach = new DataReach(c.sideInput(firstDay), c.sideInput(dayAfter), partial);
      c.output(BacktestOutcome.of(config, c.element().metrics(), reach, c.sideInput(rowsRead)));
    }
  }

  /** Page scores → totals (empty totals when there is no page). */
  static final class SumScoresFn extends AccumulateFn<PageScore, BacktestTotals> {
    SumScoresFn() {
      super(BacktestTotals.class);
    }

    @Override
    public BacktestTotals createAccumulator() {
      return new BacktestTotals();
    }

    @Override
    public BacktestTotals addInput(BacktestTotals acc, PageScore input) {
      return acc.add(input);
    }

    @Override
    protected BacktestTotals merge(BacktestTotals into, BacktestTotals other) {
      return into.merge(other);
    }
  }
}
