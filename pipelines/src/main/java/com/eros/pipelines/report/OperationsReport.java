package com.eros.pipelines.report;

import com.eros.common.warehouse.Warehouse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** Builds the operations report: read the warehouse, model the sections, render the HTML. */
public final class OperationsReport {
  private OperationsReport() {}

  /** The report and how long each half took. */
  public record Built(Report report, String html, Duration readTime, Duration renderTime) {
    public int bytes() {
      return html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
  }

  /** Reads through the storage port and renders; {@code progress} receives one line per step. */
  public static Built build(Warehouse warehouse, Instant now, int days, Consumer<String> progress) {
    Report report = new ReportReader(warehouse, progress).read(new ReportWindow(now, days));
    long t0 = System.nanoTime();
    progress.accept("rendering the charts and the page");
    String html = ReportHtml.render(report);
    Duration render = Duration.ofNanos(System.nanoTime() - t0);
    return new Built(report, html, report.readTime(), render);
  }
}
