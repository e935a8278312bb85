package com.eros.pipelines.report;

import static com.eros.pipelines.report.ReportFixture.NOW;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.eros.common.testing.Pipelines;
import com.eros.duckdb.TempDuckDb;
import com.eros.pipelines.healthmonitor.HealthMonitorOptions;
import com.eros.pipelines.healthmonitor.HealthMonitorPipeline;
import com.eros.pipelines.support.Preflight;
import com.eros.pipelines.support.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report published from inside a pipeline, and by the health monitor with --reportLocation. */
class PublishReportTest {
  @TempDir Path dir;
  TempDuckDb db;

  @BeforeEach
  void open() {
    db = new TempDuckDb(dir);
    ReportFixture.fill(db.warehouse());
  }

  @AfterEach
  void close() {
    db.close();
  }

  static long counter(PipelineResult r, String name) {
    MetricQueryResults q =
        r.metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(PublishReport.class, name))
                    .build());
    long n = 0;
    for (MetricResult<Long> c : q.getCounters()) {
      n += c.getAttempted();
    }
    return n;
  }

  @Test
  void writesTheReportOnceWhatItWaitsForIsDone() throws Exception {
    Path file = dir.resolve("reports").resolve("eros-report.html");
    Files.createDirectories(file.getParent());
    Pipeline p = Pipelines.create();
    PCollection<String> written =
        p.apply(Create.of(1L, 2L, 3L))
            .apply(new PublishReport(db.warehouse(), file.toString(), NOW, 14));
    PAssert.that(written).containsInAnyOrder(file.toString());
    PipelineResult r = Pipelines.run(p);
    assertThat(counter(r, "report_published"), is(1L));
    String html = Files.readString(file);
    assertThat(ReportHtml.chartIds(html), equalTo(ReportHtmlTest.expectedCharts(false)));
  }

  @Test
  void aReportThatCannotBeWrittenIsCountedAndTheRunGoesOn() throws Exception {
    Path file = dir.resolve("eros-report.html");
    Pipeline p = Pipelines.create();
    PCollection<String> written =
        p.apply(Create.of(1L)).apply(new PublishReport(db.warehouse(), file.toString(), NOW, 14));
    PAssert.that(written).empty();
    Files.createDirectories(
        file); // after the location was checked, before the pipeline runs: now a folder
    PipelineResult r = Pipelines.run(p);
    assertThat(r.getState(), is(PipelineResult.State.DONE));
    assertThat(counter(r, "report_publish_failed"), is(1L));
    assertThat(counter(r, "report_published"), is(0L));
    assertThat(Files.isDirectory(file), is(true));
  }

  @Test
  void theHealthMonitorPublishesTheReportAfterItsOwnJobRow() throws Exception {
    Path file = dir.resolve("monitor-report.html");
    HealthMonitorOptions o =
        TestRuns.options(
            HealthMonitorOptions.class,
            "--warehouse=" + db.warehouse().spec(),
            "--now=" + NOW,
            "--jobId=monitor-with-report",
            "--reportLocation=" + file);
    StringBuilder out = new StringBuilder();
    int code = TestRuns.run(new HealthMonitorPipeline(name -> null), o, out).exitCode();
    assertThat(out.toString(), code, is(0));
    String html = Files.readString(file);
    long before =
        ReportFixture.jobRuns().stream()
            .filter(r -> r.getString("job_name").equals("health_monitor"))
            .filter(
                r ->
                    new ReportWindow(NOW, 14)
                        .contains(com.eros.common.table.Timestamps.get(r, "job_start_time")))
            .count();
    Matcher m =
        Pattern.compile("<tr><td>health_monitor</td><td class=\"n\">(\\d+)</td>").matcher(html);
    assertThat(m.find(), is(true));
    // the report counts the monitor's own run: it was built after the job row was written
    assertThat(Long.parseLong(m.group(1)), is(before + 1));
  }

  @Test
  void aBadReportLocationIsRefusedBeforeAnythingRuns() {
    for (String bad :
        new String[] {
          "gs://bucket-only", dir.resolve("missing/folder/r.html").toString(), dir.toString()
        }) {
      TestRuns.Exec e =
          TestRuns.exec(
              new HealthMonitorPipeline(name -> null),
              "--warehouse=" + db.warehouse().spec(),
              "--jobId=bad-location",
              "--reportLocation=" + bad);
      assertThat(bad, e.code(), is(2));
      assertThat(bad, e.err(), containsString("--reportLocation="));
    }
    assertThat("nothing ran", Preflight.jobRan(db.warehouse(), "bad-location"), is(false));
    HealthMonitorOptions none =
        TestRuns.options(HealthMonitorOptions.class, "--warehouse=" + db.warehouse().spec());
    assertThat(PublishReport.requested(none.getReportLocation()), is(false));
    assertThat(
        PublishReport.check("gs://eros-bucket/reports/r.html"),
        equalTo("gs://eros-bucket/reports/r.html"));
  }
}
