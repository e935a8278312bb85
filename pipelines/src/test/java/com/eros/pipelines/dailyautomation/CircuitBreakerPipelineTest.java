package com.eros.pipelines.dailyautomation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.eros.common.table.Tables;
import com.eros.common.warehouse.Warehouse;
import com.eros.duckdb.TempDuckDb;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The breaker and the failure alerts through the pipeline, with an injected analyzer that fails for
 * chosen pages. Pages p01 .. p10 own captions; p11 has none (and there is no shared caption), so
 * its pool is empty: a failure too.
 */
class CircuitBreakerPipelineTest {
  static final LocalDate D = LocalDate.of(2026, 11, 29);
  static final Instant NOW = Instant.parse("2026-11-29T11:05:00Z");

  @TempDir Path dir;
  TempDuckDb db;
  Warehouse wh;

  @BeforeEach
  void setUp() {
    db = new TempDuckDb(dir);
    wh = db.warehouse();
    Fixture f = new Fixture(wh);
    for (int i = 1; i <= 11; i++) {
      String page = String.format("p%02d", i);
      f.messages(page, D, 3);
      if (i <= 10) {
        f.caption(100 + i, page, true);
      }
    }
    f.write();
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  /**
   * Fails for the given pages, analyzes the others for real. Serializable (a lambda of a
   * Serializable interface).
   */
  static Analyzer failingFor(Set<String> pages) {
    CreatorAnalyzer real = new CreatorAnalyzer();
    return (page, messages, windows) -> {
      if (pages.contains(page)) {
        throw new IllegalStateException("injected failure for " + page);
      }
      return real.analyze(page, messages, windows);
    };
  }

  static DailyAutomationConfig cfg(int breaker) {
    return new DailyAutomationConfig(D, NOW, 80, breaker, 7, 30, 90, 7, 1000, 5000, 10000);
  }

  static List<String> pages(List<Row> rows) {
    return rows.stream().map(r -> r.getString("page_name")).toList();
  }

  @Test
  void fourFailuresASuccessAndFourMoreDoNotOpenTheBreakerThenEveryFailureDoesNotEither() {
    DailyAutomationPipelineTest.run(
        wh,
        cfg(5),
        "run-a",
        failingFor(Set.of("p01", "p02", "p03", "p04", "p06", "p07", "p08", "p09")));

    assertThat(
        pages(Fixture.forDate(wh, Tables.SCHEDULE_GENERATION_QUEUE, D)), contains("p05", "p10"));
    List<Row> errors = Fixture.forDate(wh, Tables.CREATOR_PROCESSING_ERRORS, D);
    assertThat(
        pages(errors), contains("p01", "p02", "p03", "p04", "p06", "p07", "p08", "p09", "p11"));
    assertThat(
        errors.get(0).getString("error_message"),
        is("analysis failed: IllegalStateException: injected failure for p01"));
    assertThat(errors.get(8).getString("error_message"), is("caption pool empty"));
    Row job = Fixture.jobRow(wh, "run-a");
    assertThat(job.getString("job_status"), is("COMPLETED_WITH_ERRORS"));
    assertThat(job.getInt64("creators_processed"), is(2L));
    assertThat(job.getInt64("creators_failed"), is(9L));
    assertThat(job.getInt64("creators_skipped"), is(0L));
    assertThat(
        Fixture.alerts(wh, "run-a"),
        contains("WARNING completed_with_errors", "WARNING high_failure_rate"));
    // profiles are written for every analyzed creator (p11's analysis worked; its pool did not)
    assertThat(
        pages(Fixture.forDate(wh, Tables.CREATOR_PERFORMANCE_PROFILES, D)),
        contains("p05", "p10", "p11"));

    // every creator failing, with a breaker that does not open: the rate is 100 %, not NULL
    DailyAutomationPipelineTest.run(
        wh,
        cfg(100),
        "run-all",
        (page, messages, windows) -> {
          throw new IllegalStateException("down");
        });
    Row all = Fixture.jobRow(wh, "run-all");
    assertThat(all.getString("job_status"), is("COMPLETED_WITH_ERRORS"));
    assertThat(all.getInt64("creators_processed"), is(0L));
    assertThat(all.getInt64("creators_failed"), is(11L));
    assertThat(
        Fixture.alerts(wh, "run-all"),
        contains("WARNING completed_with_errors", "WARNING high_failure_rate"));
    // the earlier run's queue rows stay; each distinct (page, date, message) error is recorded once
    assertThat(
        pages(Fixture.forDate(wh, Tables.SCHEDULE_GENERATION_QUEUE, D)), contains("p05", "p10"));
    assertThat(Fixture.forDate(wh, Tables.CREATOR_PROCESSING_ERRORS, D).size(), is(9 + 11));
    DailyAutomationPipelineTest.run(
        wh,
        cfg(100),
        "run-all-again",
        (page, messages, windows) -> {
          throw new IllegalStateException("down");
        });
    assertThat(Fixture.forDate(wh, Tables.CREATOR_PROCESSING_ERRORS, D).size(), is(9 + 11));
  }

  @Test
  void fiveConsecutiveFailuresOpenTheBreaker() {
    DailyAutomationPipelineTest.run(
        wh, cfg(5), "run-b", failingFor(Set.of("p03", "p04", "p05", "p06", "p07")));

    assertThat(
        pages(Fixture.forDate(wh, Tables.SCHEDULE_GENERATION_QUEUE, D)), contains("p01", "p02"));
    assertThat(
        pages(Fixture.forDate(wh, Tables.CREATOR_PROCESSING_ERRORS, D)),
        contains("p03", "p04", "p05", "p06", "p07"));
    Row job = Fixture.jobRow(wh, "run-b");
    assertThat(job.getString("job_status"), is("FAILED"));
    assertThat(job.getInt64("creators_processed"), is(2L));
    assertThat(job.getInt64("creators_failed"), is(5L));
    assertThat(job.getInt64("creators_skipped"), is(4L)); // p08, p09, p10, p11
    assertThat(
        job.getString("error_message"),
        containsString("circuit breaker opened after 5 consecutive creator failures (at p07)"));
    assertThat(job.getString("error_message"), containsString("(p08 .. p11)"));
    assertThat(
        Fixture.alerts(wh, "run-b"), contains("CRITICAL job_failed", "WARNING high_failure_rate"));
    Row critical =
        wh.query(Tables.AUTOMATION_ALERTS, com.eros.common.warehouse.ReadSpec.all()).stream()
            .filter(r -> r.getString("alert_level").equals("CRITICAL"))
            .findFirst()
            .orElseThrow();
    assertThat(critical.getString("alert_source"), is("daily_automation"));
    assertThat(critical.getString("alert_id"), is(OutputRows.alertId("run-b", "job_failed")));
  }
}
