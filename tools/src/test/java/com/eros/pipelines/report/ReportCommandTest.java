package com.eros.pipelines.report;

import static com.eros.pipelines.report.ReportFixture.NOW;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.eros.common.table.Tables;
import com.eros.duckdb.TempDuckDb;
import com.eros.tools.cli.Commands;
import com.eros.tools.cli.Eros;
import com.eros.tools.cli.ReportCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./eros report}: options, exit codes, progress, and that it only reads. */
class ReportCommandTest {
  @TempDir Path dir;
  TempDuckDb db;
  String warehouse;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void open() {
    db = new TempDuckDb(dir);
    warehouse = "--warehouse=duckdb:" + db.warehouse().path();
  }

  @AfterEach
  void close() {
    db.close();
  }

  int eros(String... args) {
    return Eros.execute(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesTheReportPrintsProgressOnStderrAndThePathLast() throws Exception {
    ReportFixture.fill(db.warehouse());
    Path file = dir.resolve("r.html");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    int code =
        new ReportCommand(new PrintStream(progress, true, StandardCharsets.UTF_8))
            .run(
                new String[] {warehouse, "--out=" + file, "--now=" + NOW, "--days=7"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(code, is(0));
    List<String> lines = out().lines().toList();
    assertThat(lines.get(lines.size() - 1), equalTo(file.toAbsolutePath().toString()));
    String html = Files.readString(file);
    assertThat(ReportHtml.chartIds(html), equalTo(ReportHtmlTest.expectedCharts(false)));
    assertThat(
        html, containsString("last 7 days (since " + ReportFixture.TODAY.minusDays(6) + ")"));
    String p = progress.toString(StandardCharsets.UTF_8);
    assertThat(p, containsString("report: read etl_job_runs"));
    assertThat(p, containsString("charts"));
    assertThat(p, containsString("bytes"));
  }

  @Test
  void theCommandIsListedAndItsHelpNamesItsOptions() {
    assertThat(Commands.find("report").isPresent(), is(true));
    assertThat(eros("report", "--help"), is(0));
    assertThat(
        out(),
        containsString(
            "./eros report [--out=eros-report.html] [--now=ISO] [--days=14] [--warehouse=...]"));
  }

  @Test
  void itOnlyReadsAPartialWarehouseStaysAsItWas() {
    db.warehouse().ensureTables(List.of(Tables.ETL_JOB_RUNS));
    db.warehouse().insertNow(Tables.ETL_JOB_RUNS, ReportFixture.jobRuns());
    Path file = dir.resolve("partial.html");
    assertThat(eros("report", warehouse, "--out=" + file, "--now=" + NOW), is(0));
    assertThat(Files.isRegularFile(file), is(true));
    assertThat(ReportHtmlTest.tables(db.warehouse()), equalTo(List.of("etl_job_runs")));
  }

  @Test
  void aMissingDatabaseFileIsRefusedAndNotCreated() {
    Path missing = dir.resolve("nothing-here.duckdb");
    assertThat(
        eros("report", "--warehouse=duckdb:" + missing, "--out=" + dir.resolve("x.html")), is(2));
    assertThat(err(), containsString("does not exist"));
    assertThat(err().lines().count(), is(1L));
    assertThat(Files.exists(missing), is(false));
    assertThat(Files.exists(dir.resolve("x.html")), is(false));
  }

  @Test
  void badValuesExitTwoWithOneLine() throws Exception {
    db.warehouse().ensureTables(List.of(Tables.ETL_JOB_RUNS));
    String[][] cases = {
      {"--days=0", "--days=0 must be between 1 and 366"},
      {"--days=400", "--days=400 must be between 1 and 366"},
      {"--days=abc", "--days=abc is not a whole number"},
      {"--now=yesterday", "--now=yesterday is not an ISO-8601 instant"},
      {"--now=2999-01-01T00:00:00Z", "more than a day after the current time"},
      {"--now=1999-12-31T00:00:00Z", "before 2000-01-01"},
      {"--now=", "--now is empty"},
      {"--out=" + dir.resolve("no/such/folder/r.html"), "does not exist"},
      {"--out=" + dir, "is a folder"},
      {"--out=gs://bucket-only", "is not a GCS object"},
      {"--colour=blue", "unknown option --colour"},
    };
    for (String[] c : cases) {
      out.reset();
      err.reset();
      int code = eros("report", warehouse, c[0]);
      assertThat(c[0], code, is(2));
      assertThat(c[0], err(), startsWith("eros report: "));
      assertThat(c[0], err(), containsString(c[1]));
      assertThat(c[0] + " prints one line", err().lines().count(), is(1L));
    }
  }
}
