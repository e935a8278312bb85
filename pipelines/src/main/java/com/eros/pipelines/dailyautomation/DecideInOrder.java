package com.eros.pipelines.dailyautomation;

import com.eros.common.table.Tables;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The run's one sequential step: gathers every page's compact {@link CreatorOutcome} into a single
 * list (a global combine: one element even when there is no page, so the job row is always
 * written), sorts it by page_name and applies {@link RunDecider} — the circuit breaker and the
 * saturation threshold. Emits the queue rows ({@link #QUEUE}), the error rows of the creators
 * decided as failed ({@link #ERRORS}) and the {@link RunReport} ({@link #REPORT}).
 *
 * <p>Only outcomes (a page name, a kind, two numbers and an error) reach this step, never messages
 * or profiles, so thousands of creators fit in memory easily.
 */
public final class DecideInOrder extends PTransform<PCollection<CreatorOutcome>, PCollectionTuple> {
  public static final TupleTag<RunReport> REPORT = new TupleTag<>() {};
  public static final TupleTag<Row> QUEUE = new TupleTag<>() {};
  public static final TupleTag<Row> ERRORS = new TupleTag<>() {};

  private final LocalDate executionDate;
  private final double saturationThreshold;
  private final int breakerThreshold;
  private final String jobId;
  private final Instant now;

  public DecideInOrder(
      LocalDate executionDate,
      double saturationThreshold,
      int breakerThreshold,
      String jobId,
      Instant now) {
    this.executionDate = executionDate;
    this.saturationThreshold = saturationThreshold;
    this.breakerThreshold = breakerThreshold;
    this.jobId = jobId;
    this.now = now;
  }

  @Override
  public PCollectionTuple expand(PCollection<CreatorOutcome> outcomes) {
    PCollectionTuple out =
        outcomes
            .apply("Gather outcomes", Combine.globally(new GatherOutcomesFn()))
            .setCoder(ListCoder.of(CreatorOutcomeCoder.of()))
            .apply(
                "Decide in page order",
                ParDo.of(
                        new DecideFn(
                            executionDate, saturationThreshold, breakerThreshold, jobId, now))
                    .withOutputTags(REPORT, TupleTagList.of(QUEUE).and(ERRORS)));
    out.get(REPORT).setCoder(SerializableCoder.of(RunReport.class));
    out.get(QUEUE).setRowSchema(Tables.SCHEDULE_GENERATION_QUEUE.schema());
    out.get(ERRORS).setRowSchema(Tables.CREATOR_PROCESSING_ERRORS.schema());
    return out;
  }

  /** Collects outcomes into one list sorted by page_name. */
  static final class GatherOutcomesFn
      extends Combine.CombineFn<CreatorOutcome, List<CreatorOutcome>, List<CreatorOutcome>> {
    @Override
    public List<CreatorOutcome> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<CreatorOutcome> addInput(List<CreatorOutcome> acc, CreatorOutcome input) {
      acc.add(input);
      return acc;
    }

    @Override
    public List<CreatorOutcome> mergeAccumulators(Iterable<List<CreatorOutcome>> accs) {
      List<CreatorOutcome> all = new ArrayList<>();
      for (List<CreatorOutcome> a : accs) {
        all.addAll(a);
      }
      return all;
    }

    @Override
    public List<CreatorOutcome> extractOutput(List<CreatorOutcome> acc) {
      List<CreatorOutcome> sorted = new ArrayList<>(acc);
      sorted.sort(Comparator.comparing(CreatorOutcome::pageName));
      return sorted;
    }

    @Override
    public Coder<List<CreatorOutcome>> getAccumulatorCoder(
        CoderRegistry registry, Coder<CreatorOutcome> inputCoder)
        throws CannotProvideCoderException {
      return ListCoder.of(inputCoder);
    }

    @Override
    public Coder<List<CreatorOutcome>> getDefaultOutputCoder(
        CoderRegistry registry, Coder<CreatorOutcome> inputCoder)
        throws CannotProvideCoderException {
      return ListCoder.of(inputCoder);
    }
  }

  static final class DecideFn extends DoFn<List<CreatorOutcome>, RunReport> {
    private final LocalDate executionDate;
    private final double saturationThreshold;
    private final int breakerThreshold;
    private final String jobId;
    private final Instant now;
    private final Counter queued = Metrics.counter(OutputRows.JOB_NAME, "creators_queued");
    private final Counter failed = Metrics.counter(OutputRows.JOB_NAME, "creators_failed");
    private final Counter skipped = Metrics.counter(OutputRows.JOB_NAME, "creators_skipped");

    DecideFn(
        LocalDate executionDate,
        double saturationThreshold,
        int breakerThreshold,
        String jobId,
        Instant now) {
      this.executionDate = executionDate;
      this.saturationThreshold = saturationThreshold;
      this.breakerThreshold = breakerThreshold;
      this.jobId = jobId;
      this.now = now;
    }

    @ProcessElement
    public void process(@Element List<CreatorOutcome> outcomes, MultiOutputReceiver out) {
      RunDecider.Decided decided =
          RunDecider.decide(outcomes, executionDate, saturationThreshold, breakerThreshold);
      for (RunDecider.Decision d : decided.decisions()) {
        CreatorOutcome o = d.outcome();
        switch (d.verdict()) {
          case QUEUED ->
              out.get(QUEUE)
                  .output(
                      OutputRows.queue(
                          o.pageName(),
                          executionDate,
                          o.saturationPct(),
                          o.volumeFactor(),
                          jobId,
                          now));
          case FAILED ->
              out.get(ERRORS)
                  .output(OutputRows.error(o.pageName(), executionDate, o.error(), jobId, now));
          default -> {}
        }
      }
      RunReport r = decided.report();
      queued.inc(r.queued());
      failed.inc(r.failed());
      skipped.inc(r.skipped());
      out.get(REPORT).output(r);
    }
  }
}
