package com.eros.pipelines.captionperformance;

import com.eros.common.table.RowGroup;
import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.validate.MessageRule;
import com.eros.common.validate.MessageValidator;
import com.eros.common.validate.RejectedRows;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Per page: checks every message against docs/tables.md (at asOf), routes invalid ones to {@code
 * rejected_rows} with the rule that failed, attributes uncaptioned valid ones by text, and packs
 * the valid messages of the page into one compact {@link PageMessages}.
 *
 * <p>Outputs: {@link #VALID} (one PageMessages per page with at least one valid message), {@link
 * #REJECTED} (rejected_rows Rows), {@link #TALLY} (one RunTally per page).
 */
public final class ValidateAndAttribute
    extends PTransform<PCollection<KV<String, List<Row>>>, PCollectionTuple> {
  public static final TupleTag<PageMessages> VALID = new TupleTag<>() {};
  public static final TupleTag<Row> REJECTED = new TupleTag<>() {};
  public static final TupleTag<RunTally> TALLY = new TupleTag<>() {};

  private final BuildCaptionIndex.Views index;
  private final Instant asOf;
  private final Instant rejectedAt;
  private final String jobId;

  /**
   * @param index the caption index's side inputs ({@link BuildCaptionIndex#views})
   * @param asOf the "now" of the validity rules (a send later than asOf + 1 h is invalid)
   * @param rejectedAt rejected_at of the dead letters
   */
  public ValidateAndAttribute(
      BuildCaptionIndex.Views index, Instant asOf, Instant rejectedAt, String jobId) {
    super("Validate and attribute messages");
    this.index = index;
    this.asOf = asOf;
    this.rejectedAt = rejectedAt;
    this.jobId = jobId;
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, List<Row>>> pages) {
    PCollectionTuple out =
        pages.apply(
            "Check and attribute",
            ParDo.of(
                    new ValidateAndAttributeFn(
                        index.shared(), index.owned(), asOf, rejectedAt, jobId))
                .withSideInputs(index.shared(), index.owned())
                .withOutputTags(VALID, TupleTagList.of(REJECTED).and(TALLY)));
    out.get(VALID).setCoder(PageMessages.Coder.of());
    out.get(REJECTED).setRowSchema(Tables.REJECTED_ROWS.schema());
    out.get(TALLY).setCoder(SerializableCoder.of(RunTally.class));
    return out;
  }

  static final class ValidateAndAttributeFn extends DoFn<KV<String, List<Row>>, PageMessages> {
    static final String JOB_NAME = CaptionPerformancePipeline.JOB_NAME;
    private final PCollectionView<CaptionIndex> shared;
    private final PCollectionView<Map<String, CaptionIndex>> owned;
    private final Instant asOf;
    private final Instant rejectedAt;
    private final String jobId;
    private final Counter read = Metrics.counter(CaptionPerformancePipeline.METRICS, "rows_read");
    private final Counter rejected =
        Metrics.counter(CaptionPerformancePipeline.METRICS, "rows_rejected");
    private final Counter attributed =
        Metrics.counter(CaptionPerformancePipeline.METRICS, "attributed");
    private final Counter noMatch =
        Metrics.counter(CaptionPerformancePipeline.METRICS, "unattributed_no_match");
    private final Counter ambiguous =
        Metrics.counter(CaptionPerformancePipeline.METRICS, "unattributed_ambiguous");
    private final Map<MessageRule, Counter> byRule = new EnumMap<>(MessageRule.class);

    ValidateAndAttributeFn(
        PCollectionView<CaptionIndex> shared,
        PCollectionView<Map<String, CaptionIndex>> owned,
        Instant asOf,
        Instant rejectedAt,
        String jobId) {
      this.shared = shared;
      this.owned = owned;
      this.asOf = asOf;
      this.rejectedAt = rejectedAt;
      this.jobId = jobId;
      for (MessageRule r : MessageRule.values()) {
        byRule.put(r, Metrics.counter(CaptionPerformancePipeline.METRICS, "rejected_" + r.name()));
      }
    }

    @ProcessElement
    public void process(ProcessContext c) {
      String page = c.element().getKey();
      List<Row> rows = c.element().getValue();
      CaptionIndex captions =
          CaptionIndex.forPage(c.sideInput(shared), c.sideInput(owned).get(page));
      RunTally tally = new RunTally();
      PageMessages.Builder valid = PageMessages.builder(page);
      RejectedRows.Group deadLetters =
          new RejectedRows.Group(jobId, JOB_NAME, Tables.MASS_MESSAGES.name(), rejectedAt);
      if (rows.isEmpty()) {
        c.output(TALLY, tally);
        return;
      }
      // field positions once per page, then positional access (no name lookups per message)
      Schema schema = rows.get(0).getSchema();
      int iId = schema.indexOf("message_id");
      int iPage = schema.indexOf("page_name");
      int iCaption = schema.indexOf("caption_id");
      int iText = schema.indexOf("message");
      int iTime = schema.indexOf("sending_time");
      int iPrice = schema.indexOf("price");
      int iSent = schema.indexOf("sent_count");
      int iViewed = schema.indexOf("viewed_count");
      int iPurchased = schema.indexOf("purchased_count");
      int iEarnings = schema.indexOf("earnings");
      long asOfMicros = Timestamps.micros(asOf);
      RowGroup group = RowGroup.of(rows);
      for (int r = 0, n = group.size(); r < n; r++) {
        tally.rowsRead++;
        Long sendMicros = group.micros(r, iTime);
        Long sent = group.int64(r, iSent);
        Long viewed = group.int64(r, iViewed);
        Long purchased = group.int64(r, iPurchased);
        Double earnings = group.float64(r, iEarnings);
        MessageRule broken =
            MessageValidator.check(
                group.string(r, iPage),
                sendMicros,
                sent,
                viewed,
                purchased,
                earnings,
                group.float64(r, iPrice),
                asOfMicros);
        Long id = group.int64(r, iId);
        if (broken != null) {
          tally.rejectedByRule[broken.ordinal()]++;
          byRule.get(broken).inc();
          c.output(REJECTED, deadLetters.reject(group.row(r), id, group.string(r, iPage), broken));
          continue;
        }
        Long caption = group.int64(r, iCaption);
        if (caption != null) {
          tally.captioned++;
        } else {
          CaptionIndex.Match match = captions.match(page, group.string(r, iText));
          switch (match.outcome()) {
            case ATTRIBUTED -> {
              caption = match.captionId();
              tally.attributed++;
            }
            case NO_MATCH -> tally.unattributedNoMatch++;
            case AMBIGUOUS -> tally.unattributedAmbiguous++;
            default -> throw new IllegalStateException("unhandled " + match.outcome());
          }
        }
        valid.add(id, caption, sendMicros, earnings, sent, viewed, purchased);
      }
      read.inc(tally.rowsRead);
      rejected.inc(tally.rejected());
      attributed.inc(tally.attributed);
      noMatch.inc(tally.unattributedNoMatch);
      ambiguous.inc(tally.unattributedAmbiguous);
      if (valid.size() > 0) {
        c.output(valid.build());
      }
      c.output(TALLY, tally);
    }
  }
}
