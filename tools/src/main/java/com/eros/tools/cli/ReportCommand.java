package com.eros.tools.cli;

import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.report.OperationsReport;
import com.eros.pipelines.report.ReportFiles;
import com.eros.pipelines.report.ReportHtml;
import com.eros.pipelines.report.ReportReader;
import com.eros.pipelines.report.ReportWindow;
import com.eros.pipelines.support.OptionsParser;
import com.eros.pipelines.support.Preflight;
import com.eros.pipelines.support.RunClock;
import com.eros.pipelines.support.UsageException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.io.FileSystems;

/**
 * {@code ./eros report}: writes the operations report, one self-contained HTML file. Read-only: it
 * reads through {@link Warehouse#query} and never creates or writes a table. Progress goes to
 * stderr; the path written is printed last on stdout.
 */
public final class ReportCommand implements Command {
  private final PrintStream progress;

  public ReportCommand() {
    this(System.err);
  }

  /** With another stream for the progress lines (tests). */
  public ReportCommand(PrintStream progress) {
    this.progress = progress;
  }

  @Override
  public String name() {
    return "report";
  }

  @Override
  public String summary() {
    return "write the operations report: one self-contained HTML page with charts (read-only)";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    if (OptionsParser.wantsHelp(args)) {
      out.println(
          "./eros report [--out=eros-report.html] [--now=ISO] [--days=14] [--warehouse=...]");
      out.println(
          "  Writes one self-contained HTML file (inline SVG charts, no script, nothing fetched from the");
      out.println(
          "  network): health scorecard and alerts, pipeline runs, daily automation, locks, caption");
      out.println(
          "  performance, data quality (and the latest backtest). Reads the warehouse only.");
      out.flush();
      OptionsParser.printHelp(ReportOptions.class);
      return 0;
    }
    ReportOptions options = OptionsParser.parse(ReportOptions.class, args);
    Instant now = RunClock.instant(options.getNow(), "now", Instant.now());
    int days = options.getDays() == null ? ReportWindow.DEFAULT_DAYS : options.getDays();
    if (days < 1 || days > ReportWindow.MAX_DAYS) {
      throw new UsageException(
          "--days=" + days + " must be between 1 and " + ReportWindow.MAX_DAYS);
    }
    String target;
    try {
      target = ReportFiles.check(options.getOut(), "out");
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    Warehouse warehouse = OptionsParser.warehouse(options);
    long t0 = System.nanoTime();
    warehouse.open(false); // a DuckDB file that does not exist is refused, not created
    // a table the report reads with the wrong column types: exit 2 (absent tables read as empty)
    Preflight.checkTables(warehouse, List.of(), new ReportReader(warehouse, line -> {}).tables());
    FileSystems.setDefaultPipelineOptions(options);
    progress.println("report: " + warehouse.spec() + ", last " + days + " days up to " + now);
    OperationsReport.Built built =
        OperationsReport.build(warehouse, now, days, line -> progress.println("report: " + line));
    ReportFiles.write(target, built.html());
    Duration total = Duration.ofNanos(System.nanoTime() - t0);
    progress.printf(
        Locale.ROOT,
        "report: %d charts, %,d bytes; read %.2f s, rendered %.2f s; %.2f s in all (with the table checks and the write)%n",
        ReportHtml.chartIds(built.html()).size(),
        built.bytes(),
        built.readTime().toMillis() / 1000.0,
        built.renderTime().toMillis() / 1000.0,
        total.toMillis() / 1000.0);
    progress.flush();
    out.println(target);
    return 0;
  }
}
