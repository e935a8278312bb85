package com.eros.pipelines.report;

import static com.eros.pipelines.report.ReportFixture.NOW;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.text.HtmlText;
import com.eros.duckdb.DuckDbWarehouse;
import com.eros.duckdb.TempDuckDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML document, read through the storage port from a DuckDB file. */
class ReportHtmlTest {
  /** Every chart the fixture's report has (section 7 only with a backtest definition). */
  static List<String> expectedCharts(boolean backtest) {
    List<String> ids =
        new ArrayList<>(
            List.of(
                "chart-alerts",
                "chart-runs",
                "chart-saturation",
                "chart-queue",
                "chart-active-locks",
                "chart-released",
                "chart-posteriors"));
    for (int p = 1; p <= 6; p++) {
      ids.add("chart-best-page-" + ReportFixture.page(p));
      ids.add("chart-emv-page-" + ReportFixture.page(p));
    }
    ids.add("chart-rejected");
    if (backtest) {
      ids.add("chart-backtest");
    }
    return ids;
  }

  @TempDir Path dir;
  TempDuckDb db;

  @BeforeEach
  void open() {
    db = new TempDuckDb(dir);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private String render(Optional<TableDef> backtests) {
    Report r = new ReportReader(db.warehouse(), s -> {}, backtests).read(new ReportWindow(NOW, 14));
    return ReportHtml.render(r);
  }

  static List<String> tables(DuckDbWarehouse w) {
    List<String> t = new ArrayList<>();
    for (TableDef d : Tables.ALL) {
      if (w.tableExists(d.name())) {
        t.add(d.name());
      }
    }
    return t;
  }

  /** The parts of a document that would fetch or run something. */
  static void assertSelfContained(String html) {
    String lower = html.toLowerCase(Locale.ROOT);
    for (String bad :
        List.of(
            "<script",
            "<link",
            "<img",
            "<iframe",
            "<object",
            "<embed",
            "@import",
            " src=",
            "href=\"http",
            "href='http",
            "xlink:href",
            "javascript:",
            " on" + "load=",
            " on" + "error=")) {
      assertThat("the report must not contain " + bad, lower.contains(bad), is(false));
    }
    // url(...) only for references inside the document (the charts' clip paths)
    assertThat(Pattern.compile("url\\(\\s*(?!#)").matcher(lower).find(), is(false));
  }

  /** The {@code <svg>} of each {@code figure.chart}, by figure id. */
  static java.util.Map<String, String> svgs(String html) {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    Matcher f =
        Pattern.compile(
                "<figure class=\"chart\" id=\"([^\"]+)\"[^>]*>(.*?)</figure>", Pattern.DOTALL)
            .matcher(html);
    while (f.find()) {
      m.put(f.group(1), f.group(2));
    }
    return m;
  }

  static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void theFullReportHasEveryChartAsInlineSvgAndFetchesNothing() {
    ReportFixture.fill(db.warehouse());
    String html = render(Optional.empty());
    assertSelfContained(html);
    assertThat(html, containsString("<!DOCTYPE html>"));
    assertThat(ReportHtml.chartIds(html), equalTo(expectedCharts(false)));
    java.util.Map<String, String> svgs = svgs(html);
    for (String id : expectedCharts(false)) {
      String svg = svgs.get(id);
      assertThat(id, count(svg, "<svg "), is(1));
      assertThat(id, svg, containsString("viewBox="));
      assertThat(
          id + " draws shapes",
          count(svg, "<path") + count(svg, "<rect") + count(svg, "<line"),
          greaterThan(20));
    }
    // few enough creators to name each one
    assertThat(svgs.get("chart-saturation"), containsString(">page_01</text>"));
    // chart definitions (clip paths) never collide between charts
    Matcher ids = Pattern.compile(" id='([^']+)'").matcher(html);
    List<String> seen = new ArrayList<>();
    while (ids.find()) {
      assertThat("duplicate id " + ids.group(1), seen.contains(ids.group(1)), is(false));
      seen.add(ids.group(1));
    }
    assertThat(html.getBytes(StandardCharsets.UTF_8).length, lessThan(5_000_000));
  }

  @Test
  void everySectionShowsItsKeyNumbers() {
    ReportFixture.fill(db.warehouse());
    String html = render(Optional.empty());
    for (String id : List.of("health", "runs", "daily", "locks", "captions", "quality")) {
      assertThat(html, containsString("<section id=\"" + id + "\">"));
    }
    assertThat(count(html, "<td class=\"mark\">"), is(6));
    assertThat(html, containsString(ReportFixture.FAILED_DAILY_ERROR));
    assertThat(html, not(containsString("old failure")));
    assertThat(html, not(containsString("future failure")));
    assertThat(html, containsString("<dt>execution date</dt><dd>" + ReportFixture.TODAY + "</dd>"));
    assertThat(
        html, containsString("<dt>queued for the date</dt><dd>" + ReportFixture.QUEUED + "</dd>"));
    assertThat(html, containsString("caption pool empty"));
    assertThat(
        html, containsString("<dt>sweeps in the window</dt><dd>" + ReportFixture.SWEEPS + "</dd>"));
    assertThat(html, containsString("<dt>rows rejected in the window</dt><dd>11</dd>"));
    assertThat(html, containsString("<dt>unacknowledged CRITICAL</dt><dd>1</dd>"));
    for (int p = 1; p <= 6; p++) {
      assertThat(
          html,
          containsString("<article class=\"page\" id=\"page-" + ReportFixture.page(p) + "\">"));
      assertThat(html, containsString("<a href=\"#page-" + ReportFixture.page(p) + "\">"));
    }
    assertThat(html, containsString("<tr id=\"page-page_07\">"));
    assertThat(html, containsString("<tr id=\"page-page_08\">"));
    assertThat(html, not(containsString("id=\"backtest\"")));
  }

  @Test
  void textFromTheWarehouseIsEscaped() {
    ReportFixture.fill(db.warehouse());
    String html = render(Optional.empty());
    assertThat(html, containsString(HtmlText.escape(ReportFixture.NASTY_TEXT)));
    assertThat(html, not(containsString(ReportFixture.NASTY_TEXT)));
    assertThat(html, not(containsString("<b>bold</b>")));
  }

  @Test
  void anEmptyWarehouseGivesAReportThatSaysSoAndCreatesNoTable() {
    db.warehouse().execute("CREATE TABLE unrelated (x INTEGER)");
    String html = render(Optional.of(ReportFixture.BACKTESTS));
    assertSelfContained(html);
    assertThat(ReportHtml.chartIds(html), empty());
    for (String message :
        List.of(
            "no alerts in the last 14 days",
            "no runs yet in the last 14 days",
            "no daily automation run in the last 14 days",
            "no queue rows for the last 14 days",
            "no lock sweep in the last 14 days",
            "no caption statistics yet",
            "no rejected rows in the last 14 days",
            "no backtest yet")) {
      assertThat(html, containsString(message));
    }
    assertThat(html, containsString("health checks fail"));
    assertThat(tables(db.warehouse()), empty());
  }

  @Test
  void aPartialWarehouseShowsWhatItHas() {
    db.warehouse().ensureTables(List.of(Tables.ETL_JOB_RUNS, Tables.LOCK_SWEEP_LOG));
    db.warehouse().insertNow(Tables.ETL_JOB_RUNS, ReportFixture.jobRuns());
    String html = render(Optional.empty());
    assertThat(ReportHtml.chartIds(html), equalTo(List.of("chart-runs")));
    assertThat(html, containsString("no creator profile for " + ReportFixture.TODAY));
    assertThat(html, containsString("no lock sweep in the last 14 days"));
    assertThat(tables(db.warehouse()), equalTo(List.of("etl_job_runs", "lock_sweep_log")));
  }

  @Test
  void withABacktestDefinitionTheLatestBacktestGetsItsSection() {
    ReportFixture.fill(db.warehouse());
    db.warehouse().insertNow(ReportFixture.BACKTESTS, ReportFixture.backtests());
    String html = render(Optional.of(ReportFixture.BACKTESTS));
    assertThat(ReportHtml.chartIds(html), equalTo(expectedCharts(true)));
    assertThat(html, containsString("<section id=\"backtest\">"));
    assertThat(html, containsString("<dt>backtest</dt><dd>bt-latest</dd>"));
    assertThat(html, containsString("<dt>lift (top / bottom decile)</dt><dd>3.00×</dd>"));
    assertThat(html, containsString("<a href=\"#backtest\">"));
  }

  @Test
  void theReportReadsTheProjectsBacktestTable() {
    ReportFixture.fill(db.warehouse());
    db.warehouse().insertNow(Tables.BANDIT_BACKTESTS, ReportFixture.backtests());
    String html =
        ReportHtml.render(
            new ReportReader(db.warehouse(), s -> {}).read(new ReportWindow(NOW, 14)));
    assertThat(html, containsString("<section id=\"backtest\">"));
    assertThat(html, containsString("<dt>backtest</dt><dd>bt-latest</dd>"));
  }

  /**
   * 1 000 creators: the six largest pages in full, the rest as table rows; the file stays small.
   */
  @Test
  void aThousandCreatorsGiveSixPagesInFullAndNineHundredNinetyFourRows() {
    DuckDbWarehouse w = db.warehouse();
    w.ensureTables(Tables.ALL);
    w.insertNow(Tables.ETL_JOB_RUNS, ReportFixture.jobRuns());
    List<Row> profiles = new ArrayList<>();
    List<Row> queue = new ArrayList<>();
    LocalDate today = ReportFixture.TODAY;
    for (int i = 0; i < 1000; i++) {
      String page = String.format("creator_%04d", i);
      double sat = (i * 37) % 100;
      profiles.add(Row.fromRow(ReportFixture.profile(page, today, sat, 1.0, "LOW")).build());
      if (sat < 80) {
        queue.add(ReportFixture.queueRow(page, today, sat, "PENDING"));
      }
    }
    w.insertNow(Tables.CREATOR_PERFORMANCE_PROFILES, profiles);
    w.insertNow(Tables.SCHEDULE_GENERATION_QUEUE, queue);
    w.insertNow(Tables.LOCK_SWEEP_LOG, ReportFixture.sweeps());
    w.insertNow(Tables.CAPTION_BANDIT_STATS, ReportFixture.stats(1000, 20, NOW.minusSeconds(3600)));
    w.insertNow(Tables.CAPTION_BANK, ReportFixture.captions(1000, 20));
    w.insertNow(Tables.REJECTED_ROWS, ReportFixture.rejected());
    long t0 = System.nanoTime();
    OperationsReport.Built built = OperationsReport.build(w, NOW, 14, s -> {});
    double seconds = (System.nanoTime() - t0) / 1e9;
    String html = built.html();
    System.out.printf(
        Locale.ROOT, "1000 creators: %,d bytes, built in %.2f s%n", built.bytes(), seconds);
    assertThat(built.bytes(), lessThan(5_000_000));
    assertThat(count(html, "<article class=\"page\""), is(6));
    Matcher rows = Pattern.compile("<tr id=\"page-page_[0-9]+\">").matcher(html);
    int n = 0;
    while (rows.find()) {
      n++;
    }
    assertThat(n, is(994));
    assertThat(html, containsString("<tr id=\"page-page_1000\">"));
    String saturation = svgs(html).get("chart-saturation");
    assertThat(saturation, containsString("1,000 creators, most saturated first"));
    assertThat(saturation, not(containsString("creator_0500")));
    assertThat(ReportHtml.chartIds(html), hasItem("chart-saturation"));
    assertSelfContained(html);
  }
}
