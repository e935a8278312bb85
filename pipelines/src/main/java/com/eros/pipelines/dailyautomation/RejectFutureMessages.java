package com.eros.pipelines.dailyautomation;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.validate.MessageRule;
import com.eros.common.validate.MessageValidator;
import com.eros.common.validate.RejectedRows;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Dead-letters the messages sent later than now + 1 hour (docs/tables.md, SENDING_TIME_IN_FUTURE).
 * They lie outside every window, so no analysis reads them: the daily run reads them on purpose
 * (sending_time after {@link #from}) and routes each to rejected_rows, once per row whatever the
 * number of runs (the dead letters are insert-if-absent on their fingerprint).
 */
final class RejectFutureMessages
    extends PTransform<PCollection<KV<String, List<Row>>>, PCollection<Row>> {
  private final Instant now;
  private final String jobId;

  RejectFutureMessages(Instant now, String jobId) {
    super("Reject future messages");
    this.now = now;
    this.jobId = jobId;
  }

  /**
   * The first sending time the run reads as "future": just after now + 1 hour, and never inside the
   * analysis window (which ends at {@code windowEnd}), so no row is read twice.
   */
  static Instant from(Instant now, Instant windowEnd) {
    Instant future = Timestamps.ofMicros(Timestamps.micros(now) + Timestamps.HOUR_MICROS + 1);
    return future.isAfter(windowEnd) ? future : windowEnd;
  }

  /**
   * What the run reads for this: the analysis columns of the messages sent from {@link #from} on.
   */
  static ReadSpec readSpec(Instant now, Instant windowEnd) {
    return ReadSpec.columns(AnalyzeCreators.COLUMNS)
        .where(Filter.atLeast("sending_time", from(now, windowEnd)));
  }

  @Override
  public PCollection<Row> expand(PCollection<KV<String, List<Row>>> pages) {
    return pages
        .apply("Route to dead letters", ParDo.of(new RejectFn(now, jobId)))
        .setRowSchema(Tables.REJECTED_ROWS.schema());
  }

  static final class RejectFn extends DoFn<KV<String, List<Row>>, Row> {
    private final Instant now;
    private final String jobId;
    private final Counter read = Metrics.counter(OutputRows.JOB_NAME, "future_rows_read");
    private final Counter rejected = Metrics.counter(OutputRows.JOB_NAME, "rows_rejected");

    RejectFn(Instant now, String jobId) {
      this.now = now;
      this.jobId = jobId;
    }

    @ProcessElement
    public void process(@Element KV<String, List<Row>> page, OutputReceiver<Row> out) {
      RejectedRows.Group deadLetters =
          new RejectedRows.Group(jobId, OutputRows.JOB_NAME, Tables.MASS_MESSAGES.name(), now);
      for (Row r : page.getValue()) {
        read.inc();
        MessageRule broken = MessageValidator.check(r, now);
        if (broken != null) {
          rejected.inc();
          out.output(
              deadLetters.reject(r, r.getValue("message_id"), r.getString("page_name"), broken));
        }
      }
    }
  }
}
