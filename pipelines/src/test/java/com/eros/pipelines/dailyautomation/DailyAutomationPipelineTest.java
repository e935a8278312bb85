package com.eros.pipelines.dailyautomation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.time.LaTime;
import com.eros.common.warehouse.Warehouse;
import com.eros.duckdb.TempDuckDb;
import com.eros.pipelines.alerts.TestAlerts;
import com.eros.pipelines.alerts.delivery.Environment;
import com.eros.pipelines.support.Lifecycle;
import com.eros.pipelines.support.TestRuns;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wiring on DuckDB: activity at its Los Angeles boundary, saturation, queue, profiles,
 * idempotency.
 */
class DailyAutomationPipelineTest {
  static final LocalDate D = LocalDate.of(2026, 11, 29);
  static final Instant NOW = Instant.parse("2026-11-29T11:05:00Z"); // 03:05 in Los Angeles
  static final DailyAutomationConfig CFG =
      new DailyAutomationConfig(D, NOW, 80, 5, 7, 30, 90, 7, 1000, 5000, 10000);

  @TempDir Path dir;
  TempDuckDb db;
  Warehouse wh;

  @BeforeEach
  void setUp() {
    db = new TempDuckDb(dir);
    wh = db.warehouse();
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  /**
   * Runs the pipeline through the lifecycle with exactly {@code cfg}'s settings (Beam's checks on).
   */
  static Lifecycle.Result<DailyAutomationSettings> run(
      Warehouse wh, DailyAutomationConfig cfg, String jobId, Analyzer analyzer) {
    return run(wh, cfg, jobId, analyzer, TestAlerts.NO_CHANNELS);
  }

  /** As {@link #run}, with alert channels looked up in {@code env}. */
  static Lifecycle.Result<DailyAutomationSettings> run(
      Warehouse wh, DailyAutomationConfig cfg, String jobId, Analyzer analyzer, Environment env) {
    DailyAutomationOptions o =
        TestRuns.options(
            DailyAutomationOptions.class,
            "--warehouse=" + wh.spec(),
            "--jobId=" + jobId,
            "--now=" + cfg.now(),
            "--executionDate=" + cfg.executionDate(),
            "--saturationThreshold=" + cfg.saturationThreshold(),
            "--circuitBreakerThreshold=" + cfg.circuitBreakerThreshold(),
            "--cooldownDays=" + cfg.cooldownDays(),
            "--activeWindowDays=" + cfg.activeWindowDays(),
            "--analysisWindowDays=" + cfg.analysisWindowDays(),
            "--staleLockDays=" + cfg.staleLockDays(),
            "--highVolumeThreshold=" + cfg.highVolumeThreshold(),
            "--bloatWarning=" + cfg.bloatWarning(),
            "--bloatCritical=" + cfg.bloatCritical());
    Lifecycle.Result<DailyAutomationSettings> r =
        TestRuns.run(new DailyAutomationPipeline(analyzer, env), o, null);
    assertThat(r.settings().config(), is(cfg));
    return r;
  }

  @Test
  void decidesQueuesAndIsIdempotent() {
    Instant activeFrom = LaTime.startOf(D.minusDays(30));
    Fixture f =
        new Fixture(wh)
            // one message at the first instant of D − 30 (Los Angeles): active
            .message("active_edge", activeFrom, 10L, 5L, 1L, 2.0)
            // one message a millisecond earlier, on D − 31: not active
            .message("inactive_edge", activeFrom.minusMillis(1), 10L, 5L, 1L, 2.0)
            .messages("queued", D, 25)
            .messages("saturated", D, 25)
            .messages("moved_on", D, 3)
            // invalid: viewed > sent, and no page
            .message("queued", LaTime.startOf(D.minusDays(2)), 10L, 11L, 0L, 1.0)
            .message(null, LaTime.startOf(D.minusDays(2)), 10L, 1L, 0L, 1.0)
            // outside the analysis window: not read at all
            .message("queued", LaTime.startOf(D.minusDays(91)), 10L, 11L, 0L, 1.0)
            // shared pool: 10, 11 (12 retired)
            .caption(10, null, true)
            .caption(11, null, true)
            .caption(12, null, false)
            // queued: owns 1, 2, 3 (4 retired); saturated: owns 21, 22, 23
            .caption(1, "queued", true)
            .caption(2, "queued", true)
            .caption(3, "queued", true)
            .caption(4, "queued", false)
            .caption(21, "saturated", true)
            .caption(22, "saturated", true)
            .caption(23, "saturated", true)
            // queued: 1 at D−7 counts, 2 at D−8 does not, 10 (shared) inactive lock on D+1 counts,
            // 4 is retired, 21 is another page's caption, 3 has no send date
            .lock("queued", 1, D.minusDays(7), true)
            .lock("queued", 2, D.minusDays(8), false)
            .lock("queued", 10, D.plusDays(1), false)
            .lock("queued", 4, D, true)
            .lock("queued", 21, D, true)
            .lock("queued", 3, null, true)
            // saturated: 4 of its 5 pool captions locked -> exactly 80 %
            .lock("saturated", 21, D, true)
            .lock("saturated", 22, D.minusDays(1), false)
            .lock("saturated", 10, D.minusDays(3), true)
            .lock("saturated", 11, D.plusDays(2), true);
    f.write();
    // the schedule builder already took moved_on's row for D: it must stay as it is
    wh.insertNow(
        Tables.SCHEDULE_GENERATION_QUEUE,
        List.of(
            Row.withSchema(Tables.SCHEDULE_GENERATION_QUEUE.schema())
                .withFieldValue("page_name", "moved_on")
                .withFieldValue("execution_date", D)
                .withFieldValue("saturation_pct", 12.5)
                .withFieldValue("volume_factor", 0.7)
                .withFieldValue("job_id", "earlier")
                .withFieldValue("queued_at", Fixture.ts(Instant.parse("2026-11-29T11:00:00Z")))
                .withFieldValue("status", "COMPLETED")
                .withFieldValue("schedule_id", "s-1")
                .build()));

    run(wh, CFG, "run-1", new CreatorAnalyzer());

    List<Row> queue = Fixture.forDate(wh, Tables.SCHEDULE_GENERATION_QUEUE, D);
    assertThat(
        queue.stream().map(r -> r.getString("page_name")).toList(),
        contains("active_edge", "moved_on", "queued"));
    Row edge = queue.get(0);
    assertThat(edge.getDouble("saturation_pct"), is(0.0));
    assertThat(edge.getDouble("volume_factor"), is(1.0));
    assertThat(edge.getString("status"), is("PENDING"));
    assertThat(edge.getString("job_id"), is("run-1"));
    assertThat(Timestamps.get(edge, "queued_at"), is(NOW));
    Row movedOn = queue.get(1);
    assertThat(movedOn.getString("status"), is("COMPLETED"));
    assertThat(movedOn.getString("job_id"), is("earlier"));
    assertThat(movedOn.getDouble("saturation_pct"), is(12.5));
    assertThat(queue.get(2).getDouble("saturation_pct"), is(40.0)); // 2 of 5

    List<Row> profiles = Fixture.forDate(wh, Tables.CREATOR_PERFORMANCE_PROFILES, D);
    assertThat(
        profiles.stream().map(r -> r.getString("page_name")).toList(),
        contains("active_edge", "moved_on", "queued", "saturated"));
    Row q = profiles.get(2);
    assertThat(q.getInt64("message_count"), is(25L));
    assertThat(q.getInt64("caption_pool_size"), is(5L));
    assertThat(q.getInt64("captions_unavailable"), is(2L));
    assertThat(
        q.getDouble("rpr"),
        closeTo(925.0 / 2500, 1e-12)); // earnings 25 .. 49 over 25 × 100 recipients
    assertThat(q.getString("segment"), is("BUDGET"));
    Row sat = profiles.get(3);
    assertThat(sat.getDouble("saturation_pct"), is(80.0));
    assertThat(profiles.get(0).getInt64("message_count"), is(1L));
    assertThat(profiles.get(0).getString("segment"), is("EXPLORATORY"));

    Row job = Fixture.jobRow(wh, "run-1");
    assertThat(job.getString("job_name"), is("daily_automation"));
    assertThat(job.getString("job_status"), is("SUCCESS"));
    assertThat(job.getValue("execution_date"), is(D));
    assertThat(job.getInt64("creators_processed"), is(4L));
    assertThat(job.getInt64("creators_failed"), is(0L));
    assertThat(job.getInt64("creators_skipped"), is(0L));
    assertThat(job.getInt64("rows_read"), is(2L + 25 + 25 + 3 + 2));
    assertThat(job.getInt64("rows_rejected"), is(2L));
    assertThat(job.getString("error_message"), nullValue());
    assertThat(Fixture.alerts(wh, "run-1"), empty());
    List<Row> rejected = Fixture.all(wh, Tables.REJECTED_ROWS);
    assertThat(
        rejected.stream().map(r -> r.getString("reason").split(":")[0]).toList(),
        containsInAnyOrder("VIEWED_COUNT_OUT_OF_RANGE", "PAGE_NAME_MISSING"));
    assertThat(Fixture.all(wh, Tables.CREATOR_PROCESSING_ERRORS), empty());

    // the lock sweep ran as part of the job (today = D): the two active locks sent before D are
    // released
    List<Row> sweeps = Fixture.all(wh, Tables.LOCK_SWEEP_LOG);
    assertThat(sweeps.size(), is(1));
    assertThat(sweeps.get(0).getString("sweep_id"), is("run-1"));
    assertThat(sweeps.get(0).getInt64("locks_expired_past_date"), is(2L));
    assertThat(sweeps.get(0).getInt64("locks_expired_stale"), is(0L));
    List<String> released =
        Fixture.all(wh, Tables.ACTIVE_CAPTION_ASSIGNMENTS).stream()
            .filter(r -> "PAST_SEND_DATE".equals(r.getString("deactivation_reason")))
            .map(r -> r.getString("page_name") + "/" + r.getInt64("caption_id"))
            .sorted()
            .toList();
    assertThat(released, contains("queued/1", "saturated/10"));

    // a second run of the same date: same queue and profiles, nothing duplicated, a new job row
    run(wh, CFG, "run-2", new CreatorAnalyzer());
    List<Row> queue2 = Fixture.forDate(wh, Tables.SCHEDULE_GENERATION_QUEUE, D);
    assertThat(queue2, is(queue));
    Map<String, Row> p1 = Fixture.byPage(profiles, "job_id");
    List<Row> profiles2 = Fixture.forDate(wh, Tables.CREATOR_PERFORMANCE_PROFILES, D);
    assertThat(Fixture.byPage(profiles2, "job_id"), is(p1));
    assertThat(
        profiles2.stream().map(r -> r.getString("job_id")).distinct().toList(), contains("run-2"));
    assertThat(Fixture.all(wh, Tables.REJECTED_ROWS).size(), is(2));
    assertThat(Fixture.jobRow(wh, "run-2").getString("job_status"), is("SUCCESS"));
    assertThat(Fixture.all(wh, Tables.ETL_JOB_RUNS).size(), is(2));
    // released locks still count for saturation (active or not), so the decisions did not move
    assertThat(Fixture.all(wh, Tables.LOCK_SWEEP_LOG).size(), is(2));
  }
}
