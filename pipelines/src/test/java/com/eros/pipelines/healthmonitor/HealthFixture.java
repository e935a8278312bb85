package com.eros.pipelines.healthmonitor;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.support.JobRun;
import com.eros.pipelines.support.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;

/**
 * The health tables as the other pipelines would have written them up to the last sweep S, then the
 * sweep stopped: hourly sweeps (job rows and lock_sweep_log) up to S, one daily run at 03:05 Los
 * Angeles, one caption_performance run at S, 40 locks (30 active), 4 queue rows (3 PENDING). The
 * health monitor's end-to-end test runs on {@link #base()}; the GoogleSQL run of sql/health/ uses
 * it too, alone and with {@link #extras()} (failed runs, errors, alerts, messages, statistics,
 * profiles, an old PENDING row) that the monitor test does not want.
 */
final class HealthFixture {
  static final Instant LAST_SWEEP = Instant.parse("2026-11-29T12:00:00Z");
  static final Instant DAILY = Instant.parse("2026-11-29T11:05:00Z"); // 03:05 Los Angeles
  static final LocalDate DAY = LocalDate.of(2026, 11, 29);

  private HealthFixture() {}

  /** A TIMESTAMP field value (microsecond precision). */
  static Instant ts(Instant i) {
    return i == null ? null : Timestamps.truncate(i);
  }

  /** Rows per table, in the order they are inserted. */
  static Map<TableDef, List<Row>> base() {
    Map<TableDef, List<Row>> m = new LinkedHashMap<>();
    List<Row> jobs = new ArrayList<>();
    for (int h = 12; h >= 0; h--) { // hourly sweeps up to S
      Instant t = LAST_SWEEP.minus(Duration.ofHours(h));
      jobs.add(
          JobRun.builder("sweep-" + h, "lock_sweep", t)
              .end(t.plusSeconds(3))
              .status(JobStatus.SUCCESS)
              .executionDate(DAY)
              .rowsRead(40L)
              .rowsRejected(0L)
              .build()
              .toRow());
    }
    jobs.add(
        JobRun.builder("daily-1", "daily_automation", DAILY)
            .end(DAILY.plusSeconds(140))
            .status(JobStatus.SUCCESS)
            .executionDate(DAY)
            .creatorsProcessed(60L)
            .creatorsFailed(0L)
            .creatorsSkipped(0L)
            .rowsRead(200_000L)
            .rowsRejected(12L)
            .build()
            .toRow());
    jobs.add(
        JobRun.builder("perf-1", "caption_performance", LAST_SWEEP)
            .end(LAST_SWEEP.plusSeconds(50))
            .status(JobStatus.SUCCESS)
            .executionDate(DAY)
            .rowsRead(200_000L)
            .rowsRejected(12L)
            .build()
            .toRow());
    m.put(Tables.ETL_JOB_RUNS, jobs);
    List<Row> log = new ArrayList<>();
    for (int h = 12; h >= 0; h--) {
      log.add(
          Row.withSchema(Tables.LOCK_SWEEP_LOG.schema())
              .withFieldValue("sweep_id", "sweep-" + h)
              .withFieldValue("sweep_time", ts(LAST_SWEEP.minus(Duration.ofHours(h))))
              .withFieldValue("locks_expired_stale", 1L)
              .withFieldValue("locks_expired_past_date", 4L)
              .withFieldValue("total_locks_cleaned", 5L)
              .withFieldValue("sweep_duration_seconds", 3.0)
              .withFieldValue("active_locks_after", 30L)
              .build());
    }
    m.put(Tables.LOCK_SWEEP_LOG, log);
    List<Row> locks = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      locks.add(
          Row.withSchema(Tables.ACTIVE_CAPTION_ASSIGNMENTS.schema())
              .withFieldValue("assignment_key", "k" + i)
              .withFieldValue("page_name", "page" + (i % 4))
              .withFieldValue("caption_id", (long) i)
              .withFieldValue("assigned_at", ts(LAST_SWEEP.minus(Duration.ofDays(1))))
              .withFieldValue("scheduled_send_date", LocalDate.of(2026, 11, 30))
              .withFieldValue("is_active", i < 30)
              .build());
    }
    m.put(Tables.ACTIVE_CAPTION_ASSIGNMENTS, locks);
    List<Row> queue = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      queue.add(
          queueRow(
              "page" + i,
              DAY,
              DAILY.plusSeconds(100),
              i == 0 ? "COMPLETED" : "PENDING",
              null,
              null));
    }
    m.put(Tables.SCHEDULE_GENERATION_QUEUE, queue);
    return m;
  }

  static Row queueRow(
      String page,
      LocalDate date,
      Instant queuedAt,
      String status,
      Instant processedAt,
      String error) {
    return Row.withSchema(Tables.SCHEDULE_GENERATION_QUEUE.schema())
        .withFieldValue("page_name", page)
        .withFieldValue("execution_date", date)
        .withFieldValue("saturation_pct", 42.5)
        .withFieldValue("volume_factor", 0.85)
        .withFieldValue("queued_at", ts(queuedAt))
        .withFieldValue("processed_at", ts(processedAt))
        .withFieldValue("status", status)
        .withFieldValue("error_message", error)
        .build();
  }

  /**
   * More history: a FAILED and a slow daily run, runs of other pipelines, creator errors, alerts,
   * data tables.
   */
  static Map<TableDef, List<Row>> extras() {
    Map<TableDef, List<Row>> m = new LinkedHashMap<>();
    Instant before = DAILY.minus(Duration.ofDays(1));
    Instant failed = DAILY.minus(Duration.ofDays(2));
    m.put(
        Tables.ETL_JOB_RUNS,
        List.of(
            JobRun.builder("daily-0", "daily_automation", before)
                .end(before.plusSeconds(710))
                .status(JobStatus.COMPLETED_WITH_ERRORS)
                .executionDate(DAY.minusDays(1))
                .creatorsProcessed(52L)
                .creatorsFailed(8L)
                .creatorsSkipped(0L)
                .rowsRead(190_000L)
                .rowsRejected(3L)
                .build()
                .toRow(),
            JobRun.builder("daily-f", "daily_automation", failed)
                .end(failed.plusSeconds(30))
                .status(JobStatus.FAILED)
                .executionDate(DAY.minusDays(2))
                .creatorsProcessed(0L)
                .creatorsFailed(5L)
                .creatorsSkipped(55L)
                .rowsRead(180_000L)
                .rowsRejected(0L)
                .error("circuit breaker opened after 5 consecutive failures")
                .build()
                .toRow(),
            JobRun.builder("perf-0", "caption_performance", LAST_SWEEP.minus(Duration.ofHours(6)))
                .end(LAST_SWEEP.minus(Duration.ofHours(6)).plusSeconds(45))
                .status(JobStatus.SUCCESS)
                .executionDate(DAY)
                .rowsRead(10L)
                .rowsRejected(0L)
                .build()
                .toRow(),
            JobRun.builder("perf-f", "caption_performance", LAST_SWEEP.plus(Duration.ofHours(2)))
                .end(LAST_SWEEP.plus(Duration.ofHours(2)).plusSeconds(5))
                .status(JobStatus.FAILED)
                .executionDate(DAY)
                .rowsRead(0L)
                .rowsRejected(0L)
                .error("boom")
                .build()
                .toRow(),
            JobRun.builder("sweep-late", "lock_sweep", LAST_SWEEP.plus(Duration.ofHours(1)))
                .end(LAST_SWEEP.plus(Duration.ofHours(1)).plusSeconds(3))
                .status(JobStatus.FAILED)
                .executionDate(DAY)
                .rowsRead(0L)
                .rowsRejected(0L)
                .error("locked")
                .build()
                .toRow()));
    List<Row> errors = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      errors.add(
          Row.withSchema(Tables.CREATOR_PROCESSING_ERRORS.schema())
              .withFieldValue("job_id", i < 3 ? "daily-f" : "daily-0")
              .withFieldValue("page_name", "page" + (i % 2))
              .withFieldValue("execution_date", i < 3 ? DAY.minusDays(2) : DAY.minusDays(1))
              .withFieldValue("error_message", "no captions " + i)
              .withFieldValue("error_time", ts((i < 3 ? failed : before).plusSeconds(10 + i)))
              .build());
    }
    m.put(Tables.CREATOR_PROCESSING_ERRORS, errors);
    m.put(
        Tables.AUTOMATION_ALERTS,
        List.of(
            alert(
                "a1",
                failed.plusSeconds(40),
                "CRITICAL",
                "daily_automation_failure",
                false,
                "DELIVERED"),
            alert(
                "a2",
                LAST_SWEEP.minus(Duration.ofHours(2)),
                "CRITICAL",
                "lock_table_bloat",
                false,
                "FAILED"),
            alert(
                "a3",
                LAST_SWEEP.minus(Duration.ofHours(1)),
                "CRITICAL",
                "queue_stuck",
                true,
                "PARTIAL"),
            alert(
                "a4",
                LAST_SWEEP.minus(Duration.ofHours(30)),
                "WARNING",
                "lock_sweep_not_run",
                null,
                "DELIVERED"),
            alert(
                "a5",
                LAST_SWEEP.plus(Duration.ofHours(1)),
                "CRITICAL",
                "daily_automation_not_run",
                false,
                "PENDING"),
            alert("a6", LAST_SWEEP, "INFO", "lock_cleanup", false, "NOT_ROUTED")));
    List<Row> messages = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      messages.add(
          Row.withSchema(Tables.MASS_MESSAGES.schema())
              .withFieldValue("message_id", (long) i)
              .withFieldValue("page_name", i == 11 ? "" : "page" + (i % 3))
              .withFieldValue("caption_id", (long) (i % 4))
              .withFieldValue("message", "m" + i)
              .withFieldValue("sending_time", ts(DAILY.minus(Duration.ofHours(5 + 37L * i))))
              .withFieldValue("price", 9.99)
              .withFieldValue("sent_count", i == 10 ? 0L : 100L)
              .withFieldValue("viewed_count", 40L)
              .withFieldValue("purchased_count", 4L)
              .withFieldValue("earnings", 39.96)
              .withFieldValue("message_type", "PAID")
              .build());
    }
    m.put(Tables.MASS_MESSAGES, messages);
    List<Row> stats = new ArrayList<>();
    for (long c = 0; c < 3; c++) {
      stats.add(
          Row.withSchema(Tables.CAPTION_BANDIT_STATS.schema())
              .addValues(
                  "page0",
                  c,
                  3L,
                  2L,
                  5L,
                  2.5,
                  1.5,
                  0.2,
                  0.8,
                  3.5,
                  2.5,
                  0.4,
                  0.39,
                  0.4,
                  120.0,
                  0.1,
                  50L,
                  ts(DAILY.minus(Duration.ofHours(5 + c))),
                  ts(LAST_SWEEP))
              .build());
    }
    m.put(Tables.CAPTION_BANDIT_STATS, stats);
    m.put(
        Tables.CREATOR_PERFORMANCE_PROFILES,
        List.of(profile("page1", DAY), profile("page0", DAY.minusDays(9))));
    m.put(
        Tables.SCHEDULE_GENERATION_QUEUE,
        List.of(
            queueRow(
                "page9",
                DAY.minusDays(2),
                failed.minus(Duration.ofHours(1)),
                "PENDING",
                null,
                null),
            queueRow(
                "page8",
                DAY.minusDays(1),
                before.plusSeconds(100),
                "COMPLETED",
                before.plusSeconds(1300),
                null),
            queueRow(
                "page7",
                DAY.minusDays(1),
                before.plusSeconds(100),
                "FAILED",
                before.plusSeconds(400),
                "no slots")));
    return m;
  }

  static Row alert(
      String id, Instant at, String level, String source, Boolean acknowledged, String delivery) {
    return Row.withSchema(Tables.AUTOMATION_ALERTS.schema())
        .withFieldValue("alert_id", id)
        .withFieldValue("alert_time", ts(at))
        .withFieldValue("alert_level", level)
        .withFieldValue("alert_source", source)
        .withFieldValue("alert_message", "message of " + id)
        .withFieldValue("job_id", "job-" + id)
        .withFieldValue("acknowledged", acknowledged)
        .withFieldValue("delivery_status", delivery)
        .build();
  }

  static Row profile(String page, LocalDate date) {
    return Row.withSchema(Tables.CREATOR_PERFORMANCE_PROFILES.schema())
        .withFieldValue("page_name", page)
        .withFieldValue("execution_date", date)
        .withFieldValue("job_id", "daily-1")
        .withFieldValue("message_count", 10L)
        .build();
  }

  /** base + extras, per table. */
  static Map<TableDef, List<Row>> withExtras() {
    Map<TableDef, List<Row>> m = new LinkedHashMap<>();
    base().forEach((t, rows) -> m.put(t, new ArrayList<>(rows)));
    extras().forEach((t, rows) -> m.computeIfAbsent(t, k -> new ArrayList<>()).addAll(rows));
    return m;
  }

  /** Creates every table and inserts the rows. */
  static void seed(Warehouse wh, Map<TableDef, List<Row>> rows) {
    wh.ensureTables(Tables.ALL);
    rows.forEach(wh::insertNow);
  }
}
