package com.eros.pipelines.dailyautomation;

import com.eros.common.table.RowGroup;
import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.validate.MessageRule;
import com.eros.common.validate.MessageValidator;
import com.eros.common.validate.RejectedRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Validates each page's messages (invalid ones to {@link #REJECTED} as rejected_rows), decides
 * whether the page is an active creator and analyzes it with the given {@link Analyzer}. Runs in
 * parallel, one element per page. A thrown analysis becomes a failed {@link PageAnalysis} with the
 * exception's message; it never fails the run.
 */
public final class AnalyzeCreators
    extends PTransform<PCollection<KV<String, List<Row>>>, PCollectionTuple> {

  /** The columns of mass_messages the run reads. */
  public static final String[] COLUMNS = {
    "message_id",
    "page_name",
    "sending_time",
    "price",
    "sent_count",
    "viewed_count",
    "purchased_count",
    "earnings"
  };

  public static final TupleTag<PageAnalysis> ANALYSES = new TupleTag<>() {};
  public static final TupleTag<Row> REJECTED = new TupleTag<>() {};

  private final Analyzer analyzer;
  private final Windows windows;
  private final Instant now;
  private final String jobId;

  public AnalyzeCreators(Analyzer analyzer, Windows windows, Instant now, String jobId) {
    this.analyzer = analyzer;
    this.windows = windows;
    this.now = now;
    this.jobId = jobId;
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, List<Row>>> pages) {
    PCollectionTuple out =
        pages.apply(
            "Validate and analyze pages",
            ParDo.of(new AnalyzePageFn(analyzer, windows, now, jobId))
                .withOutputTags(ANALYSES, TupleTagList.of(REJECTED)));
    out.get(ANALYSES).setCoder(SerializableCoder.of(PageAnalysis.class));
    out.get(REJECTED).setRowSchema(Tables.REJECTED_ROWS.schema());
    return out;
  }

  /**
   * Describes a failed analysis in one deterministic line (no time, no run id: errors are
   * deduplicated on it).
   */
  static String describe(Throwable t) {
    String m = t.getMessage();
    String first = m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse(m);
    return "analysis failed: " + t.getClass().getSimpleName() + first;
  }

  static final class AnalyzePageFn extends DoFn<KV<String, List<Row>>, PageAnalysis> {
    private final Analyzer analyzer;
    private final Windows windows;
    private final long nowMicros;
    private final Instant now;
    private final String jobId;
    private final Counter rowsRead = Metrics.counter(OutputRows.JOB_NAME, "rows_read");
    private final Counter rowsRejected = Metrics.counter(OutputRows.JOB_NAME, "rows_rejected");
    private final Counter activeCreators = Metrics.counter(OutputRows.JOB_NAME, "creators_active");
    private final Counter analysisFailures =
        Metrics.counter(OutputRows.JOB_NAME, "creators_analysis_failed");
    private transient int[] idx;

    AnalyzePageFn(Analyzer analyzer, Windows windows, Instant now, String jobId) {
      this.analyzer = analyzer;
      this.windows = windows;
      this.now = now;
      this.nowMicros = Timestamps.micros(now);
      this.jobId = jobId;
    }

    private int[] indexes(Schema s) {
      if (idx == null) {
        int[] i = new int[COLUMNS.length];
        for (int c = 0; c < COLUMNS.length; c++) {
          i[c] = s.indexOf(COLUMNS[c]);
        }
        idx = i;
      }
      return idx;
    }

    @ProcessElement
    public void process(@Element KV<String, List<Row>> page, MultiOutputReceiver out) {
      String pageName = page.getKey();
      List<Row> rows = page.getValue();
      long activeFrom = windows.startMicros(windows.activeDays());
      long end = windows.startMicros(0);
      List<Message> valid = new ArrayList<>(rows.size());
      long rejected = 0;
      boolean active = false;
      RejectedRows.Group deadLetters =
          new RejectedRows.Group(jobId, OutputRows.JOB_NAME, Tables.MASS_MESSAGES.name(), now);
      RowGroup group = RowGroup.of(rows);
      int[] i = rows.isEmpty() ? null : indexes(rows.get(0).getSchema());
      for (int r = 0, n = group.size(); r < n; r++) {
        Long sendMicros = group.micros(r, i[2]);
        Long sent = group.int64(r, i[4]);
        Long viewed = group.int64(r, i[5]);
        Long purchased = group.int64(r, i[6]);
        Double earnings = group.float64(r, i[7]);
        MessageRule broken =
            MessageValidator.check(
                group.string(r, i[1]),
                sendMicros,
                sent,
                viewed,
                purchased,
                earnings,
                group.float64(r, i[3]),
                nowMicros);
        if (broken != null) {
          rejected++;
          out.get(REJECTED)
              .output(
                  deadLetters.reject(
                      group.row(r), group.int64(r, i[0]), group.string(r, i[1]), broken));
          continue;
        }
        if (sendMicros >= activeFrom && sendMicros < end) {
          active = true;
        }
        valid.add(new Message(sendMicros, sent, viewed, purchased, earnings));
      }
      rowsRead.inc(rows.size());
      rowsRejected.inc(rejected);
      PageAnalysis result;
      if (!active) {
        result = PageAnalysis.inactive(pageName, rows.size(), rejected);
      } else {
        activeCreators.inc();
        CreatorProfile profile = null;
        String error = null;
        try {
          profile = analyzer.analyze(pageName, valid, windows);
          if (profile == null) {
            error = "analysis failed: the analyzer returned no profile";
          }
        } catch (RuntimeException e) {
          error = describe(e);
        }
        if (error != null) {
          analysisFailures.inc();
        }
        result = new PageAnalysis(pageName, rows.size(), rejected, true, profile, error);
      }
      out.get(ANALYSES).output(result);
    }
  }
}
