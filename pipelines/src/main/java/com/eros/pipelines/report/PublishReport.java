package com.eros.pipelines.report;

import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.support.UsageException;
import java.time.Instant;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the operations report from inside a pipeline, after {@code after} has been computed
 * (the health monitor applies it to its job-row write): one element builds the report through the
 * warehouse (the same reads as {@code ./eros report}) and writes it with Beam's {@code FileSystems}
 * ({@code gs://} on Dataflow, a local path in tests). Outputs the location written.
 *
 * <p>The report is a by-product of the run: a report that cannot be built or written is logged as
 * an error and counted ({@code report_publish_failed}), and the run's own outcome is left alone
 * (its job row is already committed).
 */
public final class PublishReport extends PTransform<PCollection<?>, PCollection<String>> {
  private final Warehouse warehouse;
  private final String location;
  private final Instant now;
  private final int days;

  public PublishReport(Warehouse warehouse, String location, Instant now, int days) {
    super("Publish report");
    this.warehouse = warehouse;
    this.location = check(location);
    this.now = now;
    this.days = new ReportWindow(now, days).days();
  }

  /**
   * Checks a {@code --reportLocation} value before anything runs; {@link UsageException} says what
   * is wrong.
   */
  public static String check(String location) {
    try {
      return ReportFiles.check(location, "reportLocation");
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  /** Whether a {@code --reportLocation} value asks for a report. */
  public static boolean requested(String location) {
    return location != null && !location.isBlank();
  }

  @Override
  public PCollection<String> expand(PCollection<?> after) {
    return waitFor(after)
        .apply(
            "Build and write report", ParDo.of(new WriteReportFn(warehouse, location, now, days)));
  }

  /** One element once {@code in} is complete (also when it is empty). */
  private static <T> PCollection<Long> waitFor(PCollection<T> in) {
    return in.apply("Wait for the run", Count.globally());
  }

  static final class WriteReportFn extends DoFn<Long, String> {
    private static final Logger LOG = LoggerFactory.getLogger(WriteReportFn.class);
    private final Counter published = Metrics.counter(PublishReport.class, "report_published");
    private final Counter failed = Metrics.counter(PublishReport.class, "report_publish_failed");
    private final Warehouse warehouse;
    private final String location;
    private final Instant now;
    private final int days;

    WriteReportFn(Warehouse warehouse, String location, Instant now, int days) {
      this.warehouse = warehouse;
      this.location = location;
      this.now = now;
      this.days = days;
    }

    @ProcessElement
    public void process(OutputReceiver<String> out) {
      try {
        OperationsReport.Built built =
            OperationsReport.build(warehouse, now, days, line -> LOG.debug("report: {}", line));
        ReportFiles.write(location, built.html());
        published.inc();
        LOG.info("operations report written to {} ({} bytes)", location, built.bytes());
        out.output(location);
      } catch (Exception e) {
        failed.inc();
        LOG.error("could not publish the operations report to {}: {}", location, e.toString(), e);
      }
    }
  }
}
