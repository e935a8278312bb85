package com.eros.pipelines.report;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.time.LaTime;
import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.support.JobRun;
import com.eros.pipelines.support.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.beam.sdk.values.Row;

/**
 * A small warehouse in which every section of the report has something to show, at {@link #NOW} (a
 * Sunday on which Los Angeles moved to daylight saving time). The numbers the tests check are the
 * constants below.
 */
final class ReportFixture {
  static final Instant NOW = Instant.parse("2026-03-08T19:00:00Z");
  static final LocalDate TODAY = LaTime.dateOf(NOW);

  /** A caption text that must come out escaped. */
  static final String NASTY_TEXT = "<script>alert('x')</script> & \"quoted\" <b>bold</b>";

  /** The caption that carries {@link #NASTY_TEXT}: the best caption of the largest page. */
  static final long NASTY_CAPTION = 1001;

  /** Pages with statistics: 6 shown in full, 2 in the table. */
  static final int STAT_PAGES = 8;

  static final String FAILED_DAILY_JOB = "daily-failed-1";
  static final String FAILED_DAILY_ERROR = "circuit breaker opened after 5 consecutive failures";

  /** Creators analyzed on TODAY, of which QUEUED were queued. */
  static final int CREATORS = 10;

  static final int QUEUED = 7;
  static final long SWEEPS = 72;

  /** The project's bandit_backtests (the tests' rows go through its one definition). */
  static final TableDef BACKTESTS = Tables.BANDIT_BACKTESTS;

  private ReportFixture() {}

  static Instant ts(Instant t) {
    return Timestamps.truncate(t);
  }

  static Instant laTime(LocalDate d, int hour, int minute) {
    return d.atTime(hour, minute).atZone(LaTime.ZONE).toInstant();
  }

  /** An etl_job_runs row (status by name). */
  static Row jobRow(
      String jobId,
      String jobName,
      Instant start,
      Instant end,
      String status,
      LocalDate date,
      Long processed,
      Long failed,
      Long skipped,
      Long rowsRead,
      Long rowsRejected,
      String error) {
    return JobRun.builder(jobId, jobName, start)
        .end(end)
        .status(JobStatus.valueOf(status))
        .executionDate(date)
        .creatorsProcessed(processed)
        .creatorsFailed(failed)
        .creatorsSkipped(skipped)
        .rowsRead(rowsRead)
        .rowsRejected(rowsRejected)
        .error(error)
        .build()
        .toRow();
  }

  /** Fills every table. */
  static void fill(Warehouse w) {
    w.ensureTables(Tables.ALL);
    w.insertNow(Tables.ETL_JOB_RUNS, jobRuns());
    w.insertNow(Tables.AUTOMATION_ALERTS, alerts());
    w.insertNow(Tables.CREATOR_PERFORMANCE_PROFILES, profiles());
    w.insertNow(Tables.SCHEDULE_GENERATION_QUEUE, queue());
    w.insertNow(Tables.CREATOR_PROCESSING_ERRORS, errors());
    w.insertNow(Tables.LOCK_SWEEP_LOG, sweeps());
    w.insertNow(Tables.ACTIVE_CAPTION_ASSIGNMENTS, locks(25));
    w.insertNow(Tables.CAPTION_BANDIT_STATS, stats(STAT_PAGES, 16, NOW.minus(Duration.ofHours(2))));
    w.insertNow(Tables.CAPTION_BANK, captions(STAT_PAGES, 16));
    w.insertNow(Tables.REJECTED_ROWS, rejected());
  }

  static List<Row> jobRuns() {
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < 4; d++) {
      LocalDate day = TODAY.minusDays(d);
      for (int h = 0; h < 24; h += 6) {
        Instant s = laTime(day, h, 0);
        if (s.isBefore(NOW)) {
          rows.add(
              jobRow(
                  "cp-" + d + "-" + h,
                  "caption_performance",
                  s,
                  s.plusSeconds(6 + h / 6),
                  "SUCCESS",
                  day,
                  null,
                  null,
                  null,
                  100_000L,
                  500L,
                  null));
        }
      }
      for (int h = 0; h < 24; h += 4) {
        Instant s = laTime(day, h, 1);
        if (s.isBefore(NOW)) {
          rows.add(
              jobRow(
                  "hm-" + d + "-" + h,
                  "health_monitor",
                  s,
                  s.plusSeconds(4),
                  "SUCCESS",
                  day,
                  null,
                  null,
                  null,
                  10L,
                  null,
                  null));
        }
      }
    }
    rows.add(
        jobRow(
            FAILED_DAILY_JOB,
            "daily_automation",
            laTime(TODAY.minusDays(3), 3, 5),
            laTime(TODAY.minusDays(3), 3, 6),
            "FAILED",
            TODAY.minusDays(3),
            4L,
            5L,
            3L,
            90_000L,
            400L,
            FAILED_DAILY_ERROR));
    rows.add(
        jobRow(
            "daily-2",
            "daily_automation",
            laTime(TODAY.minusDays(2), 3, 5),
            laTime(TODAY.minusDays(2), 3, 7),
            "COMPLETED_WITH_ERRORS",
            TODAY.minusDays(2),
            9L,
            1L,
            0L,
            95_000L,
            410L,
            null));
    rows.add(
        jobRow(
            "daily-1",
            "daily_automation",
            laTime(TODAY.minusDays(1), 3, 5),
            laTime(TODAY.minusDays(1), 3, 6),
            "SUCCESS",
            TODAY.minusDays(1),
            10L,
            0L,
            0L,
            96_000L,
            420L,
            null));
    rows.add(
        jobRow(
            "daily-0",
            "daily_automation",
            laTime(TODAY, 3, 5),
            laTime(TODAY, 3, 6).plusSeconds(12),
            "COMPLETED_WITH_ERRORS",
            TODAY,
            9L,
            1L,
            0L,
            97_000L,
            430L,
            null));
    // outside the window (too old) and after now: never shown
    rows.add(
        jobRow(
            "old",
            "daily_automation",
            NOW.minus(Duration.ofDays(30)),
            NOW.minus(Duration.ofDays(30)),
            "FAILED",
            TODAY.minusDays(30),
            0L,
            0L,
            0L,
            0L,
            0L,
            "old failure"));
    rows.add(
        jobRow(
            "future",
            "daily_automation",
            NOW.plusSeconds(3600),
            NOW.plusSeconds(3700),
            "FAILED",
            TODAY,
            0L,
            0L,
            0L,
            0L,
            0L,
            "future failure"));
    for (int i = 0; i < SWEEPS; i++) {
      Instant s = NOW.minus(Duration.ofHours(SWEEPS - i)).plusSeconds(60);
      rows.add(
          jobRow(
              "ls-" + i,
              "lock_sweep",
              s,
              s.plusSeconds(2),
              "SUCCESS",
              LaTime.dateOf(s),
              null,
              null,
              null,
              5000L,
              null,
              null));
    }
    return rows;
  }

  static Row alert(
      String id,
      Instant t,
      String level,
      String source,
      String message,
      Boolean ack,
      String delivery,
      String detail) {
    return Row.withSchema(Tables.AUTOMATION_ALERTS.schema())
        .withFieldValue("alert_id", id)
        .withFieldValue("alert_time", ts(t))
        .withFieldValue("alert_level", level)
        .withFieldValue("alert_source", source)
        .withFieldValue("alert_message", message)
        .withFieldValue("job_id", "job-" + id)
        .withFieldValue("acknowledged", ack)
        .withFieldValue("acknowledged_at", null)
        .withFieldValue("acknowledged_by", null)
        .withFieldValue("delivery_status", delivery)
        .withFieldValue("delivery_detail", detail)
        .withFieldValue("delivered_at", null)
        .build();
  }

  static List<Row> alerts() {
    return List.of(
        alert(
            "a1",
            laTime(TODAY.minusDays(3), 3, 6),
            "CRITICAL",
            "daily_automation",
            FAILED_DAILY_ERROR,
            false,
            "FAILED",
            "slack: HTTP 500; pagerduty: HTTP 500"),
        alert(
            "a2",
            laTime(TODAY.minusDays(2), 10, 0),
            "WARNING",
            "lock_cleanup",
            "1200 locks swept",
            null,
            "DELIVERED",
            "slack: delivered"),
        alert(
            "a3",
            laTime(TODAY.minusDays(1), 10, 0),
            "WARNING",
            "lock_table_bloat",
            "5600 active locks",
            null,
            "DELIVERED",
            "slack: delivered"),
        alert(
            "a4",
            laTime(TODAY, 3, 7),
            "INFO",
            "daily_automation",
            "run finished",
            null,
            "NOT_ROUTED",
            "info"),
        alert(
            "a5",
            laTime(TODAY.minusDays(2), 3, 8),
            "CRITICAL",
            "queue_stuck",
            "acknowledged one",
            true,
            "PARTIAL",
            "slack: delivered; pagerduty: HTTP 400"),
        alert(
            "old",
            NOW.minus(Duration.ofDays(40)),
            "CRITICAL",
            "daily_automation",
            "old",
            false,
            "FAILED",
            "old"));
  }

  static String page(int i) {
    return String.format("page_%02d", i);
  }

  static Row profile(
      String page, LocalDate date, double saturation, double volumeFactor, String risk) {
    return Row.withSchema(Tables.CREATOR_PERFORMANCE_PROFILES.schema())
        .withFieldValue("page_name", page)
        .withFieldValue("execution_date", date)
        .withFieldValue("job_id", "daily-0")
        .withFieldValue("message_count", 100L)
        .withFieldValue("total_revenue", 1000.0)
        .withFieldValue("rpr", 1.0)
        .withFieldValue("view_rate", 0.5)
        .withFieldValue("conversion_rate", 0.1)
        .withFieldValue("size_tier", "MICRO")
        .withFieldValue("segment", "STANDARD")
        .withFieldValue("best_hour_1", 20L)
        .withFieldValue("best_hour_2", 21L)
        .withFieldValue("best_hour_3", 22L)
        .withFieldValue("best_weekday", "SATURDAY")
        .withFieldValue("recent_view_rate", 0.5)
        .withFieldValue("baseline_view_rate", 0.5)
        .withFieldValue("recent_rpr", 1.0)
        .withFieldValue("baseline_rpr", 1.0)
        .withFieldValue("last_3_days_below_baseline", false)
        .withFieldValue("fatigue_score", 0.0)
        .withFieldValue("fatigue_risk", risk)
        .withFieldValue("volume_factor", volumeFactor)
        .withFieldValue("caption_pool_size", 50L)
        .withFieldValue("captions_unavailable", Math.round(saturation / 2))
        .withFieldValue("saturation_pct", saturation)
        .withFieldValue("computed_at", ts(laTime(date, 3, 6)))
        .build();
  }

  /** Saturation of creator i on TODAY: the first QUEUED are below 80 %. */
  static double saturation(int i) {
    return i < QUEUED ? 10.0 + i * 9 : 85.0 + i;
  }

  static List<Row> profiles() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < CREATORS; i++) {
      double vf = i % 5 == 0 ? 0.70 : i % 3 == 0 ? 0.85 : 1.0;
      rows.add(
          profile(
              page(i + 1),
              TODAY,
              saturation(i),
              vf,
              vf == 1.0 ? "LOW" : vf == 0.85 ? "MEDIUM" : "HIGH"));
      rows.add(profile(page(i + 1), TODAY.minusDays(1), 50.0, 1.0, "LOW"));
    }
    return rows;
  }

  static Row queueRow(String page, LocalDate date, double saturation, String status) {
    return Row.withSchema(Tables.SCHEDULE_GENERATION_QUEUE.schema())
        .withFieldValue("page_name", page)
        .withFieldValue("execution_date", date)
        .withFieldValue("saturation_pct", saturation)
        .withFieldValue("volume_factor", 1.0)
        .withFieldValue("job_id", "daily")
        .withFieldValue("queued_at", ts(laTime(date, 3, 6)))
        .withFieldValue("processed_at", null)
        .withFieldValue("status", status)
        .withFieldValue("schedule_id", null)
        .withFieldValue("error_message", null)
        .build();
  }

  static List<Row> queue() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < QUEUED; i++) {
      rows.add(queueRow(page(i + 1), TODAY, saturation(i), "PENDING"));
    }
    String[] older = {"COMPLETED", "COMPLETED", "FAILED", "PROCESSING", "COMPLETED"};
    for (int d = 1; d <= 3; d++) {
      for (int i = 0; i < older.length; i++) {
        rows.add(queueRow(page(i + 1), TODAY.minusDays(d), 40.0, older[(i + d) % older.length]));
      }
    }
    return rows;
  }

  static List<Row> errors() {
    return List.of(
        Row.withSchema(Tables.CREATOR_PROCESSING_ERRORS.schema())
            .withFieldValue("job_id", "daily-0")
            .withFieldValue("page_name", "page_99")
            .withFieldValue("execution_date", TODAY)
            .withFieldValue("error_message", "caption pool empty")
            .withFieldValue("error_time", ts(laTime(TODAY, 3, 6)))
            .build(),
        Row.withSchema(Tables.CREATOR_PROCESSING_ERRORS.schema())
            .withFieldValue("job_id", "daily-2")
            .withFieldValue("page_name", "page_98")
            .withFieldValue("execution_date", TODAY.minusDays(2))
            .withFieldValue("error_message", "older error")
            .withFieldValue("error_time", ts(laTime(TODAY.minusDays(2), 3, 6)))
            .build());
  }

  /**
   * Hourly sweeps over three days; active locks climb from 4 000 to past 5 000; one sweep releases
   * 1 200.
   */
  static List<Row> sweeps() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < SWEEPS; i++) {
      Instant t = NOW.minus(Duration.ofHours(SWEEPS - i)).plusSeconds(60);
      long stale = i == 40 ? 200 : i % 3;
      long past = i == 40 ? 1000 : i % 4 == 0 ? 30 : 5;
      rows.add(
          Row.withSchema(Tables.LOCK_SWEEP_LOG.schema())
              .withFieldValue("sweep_id", "ls-" + i)
              .withFieldValue("sweep_time", ts(t))
              .withFieldValue("locks_expired_stale", stale)
              .withFieldValue("locks_expired_past_date", past)
              .withFieldValue("total_locks_cleaned", stale + past)
              .withFieldValue("sweep_duration_seconds", 1.5)
              .withFieldValue("active_locks_after", 4000L + i * 30)
              .build());
    }
    return rows;
  }

  static List<Row> locks(int n) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(
          Row.withSchema(Tables.ACTIVE_CAPTION_ASSIGNMENTS.schema())
              .withFieldValue("assignment_key", "k" + i)
              .withFieldValue("page_name", page(1 + i % 5))
              .withFieldValue("caption_id", 1000L + i)
              .withFieldValue("caption_text", "t")
              .withFieldValue("assigned_date", TODAY)
              .withFieldValue("assigned_at", ts(NOW.minusSeconds(3600)))
              .withFieldValue("scheduled_send_date", TODAY.plusDays(1))
              .withFieldValue("scheduled_send_hour", 20L)
              .withFieldValue("price_tier", "mid")
              .withFieldValue("schedule_id", "s")
              .withFieldValue("is_active", true)
              .withFieldValue("deactivated_at", null)
              .withFieldValue("deactivation_reason", null)
              .build());
    }
    return rows;
  }

  /** Caption id of caption c (0-based) of page p (1-based). */
  static long captionId(int p, int c) {
    return p * 1000L + c + 1;
  }

  /**
   * Statistics for {@code pages} pages with {@code perPage} captions each; page 1 has the most
   * sends (page i has fewer than page i-1), and caption 0 of every page has the highest lower
   * bound.
   */
  static List<Row> stats(int pages, int perPage, Instant asOf) {
    Random rnd = new Random(7);
    List<Row> rows = new ArrayList<>(pages * perPage);
    for (int p = 1; p <= pages; p++) {
      for (int c = 0; c < perPage; c++) {
        long obs = Math.max(2, (long) ((pages - p + 1) * 40.0 / (c + 1)));
        double rate = c == 0 ? 0.9 : 0.2 + 0.5 * rnd.nextDouble();
        double es = obs * rate * 0.8;
        double ef = obs * (1 - rate) * 0.8;
        double n = es + ef;
        double half = c == 0 ? 0.05 : 0.6 / Math.sqrt(n + 1);
        double lo = Math.max(0, es / n - half);
        double hi = Math.min(1, es / n + half);
        rows.add(
            Row.withSchema(Tables.CAPTION_BANDIT_STATS.schema())
                .withFieldValue("page_name", page(p))
                .withFieldValue("caption_id", captionId(p, c))
                .withFieldValue("successes", Math.round(obs * rate))
                .withFieldValue("failures", obs - Math.round(obs * rate))
                .withFieldValue("total_observations", obs)
                .withFieldValue("effective_successes", es)
                .withFieldValue("effective_failures", ef)
                .withFieldValue("confidence_lower_bound", lo)
                .withFieldValue("confidence_upper_bound", hi)
                .withFieldValue("posterior_alpha", 1 + es)
                .withFieldValue("posterior_beta", 1 + ef)
                .withFieldValue("exploration_score", 1 / Math.sqrt(n + 1))
                .withFieldValue("avg_emv", 0.05 + rnd.nextDouble())
                .withFieldValue("last_emv_observed", 0.5)
                .withFieldValue("total_revenue", obs * 3.0)
                .withFieldValue("avg_conversion_rate", 0.1)
                .withFieldValue("performance_percentile", (long) (100.0 * c / perPage))
                .withFieldValue("last_used", ts(asOf.minusSeconds(3600)))
                .withFieldValue("last_updated", ts(asOf))
                .build());
      }
    }
    return rows;
  }

  static List<Row> captions(int pages, int perPage) {
    List<Row> rows = new ArrayList<>();
    for (int p = 1; p <= pages; p++) {
      for (int c = 0; c < perPage; c++) {
        long id = captionId(p, c);
        rows.add(
            Row.withSchema(Tables.CAPTION_BANK.schema())
                .withFieldValue("caption_id", id)
                .withFieldValue(
                    "caption_text", id == NASTY_CAPTION ? NASTY_TEXT : "caption text " + id)
                .withFieldValue("page_name", c % 4 == 3 ? null : page(p))
                .withFieldValue("content_category", "x")
                .withFieldValue("price_tier", "mid")
                .withFieldValue("is_active", true)
                .withFieldValue("created_at", ts(NOW.minus(Duration.ofDays(100))))
                .build());
      }
    }
    return rows;
  }

  static final Map<String, Integer> REJECTED_PER_REASON =
      Map.of("SENT_COUNT_NOT_POSITIVE", 6, "SENDING_TIME_IN_FUTURE", 3, "EARNINGS_INVALID", 2);

  static List<Row> rejected() {
    List<Row> rows = new ArrayList<>();
    int k = 0;
    for (Map.Entry<String, Integer> e : REJECTED_PER_REASON.entrySet()) {
      for (int i = 0; i < e.getValue(); i++) {
        rows.add(
            Row.withSchema(Tables.REJECTED_ROWS.schema())
                .withFieldValue("job_id", "cp-0-0")
                .withFieldValue("job_name", i % 2 == 0 ? "caption_performance" : "daily_automation")
                .withFieldValue("source_table", "mass_messages")
                .withFieldValue("row_key", "m" + k)
                .withFieldValue("reason", e.getKey())
                .withFieldValue("payload", "{}")
                .withFieldValue("rejected_at", ts(NOW.minus(Duration.ofHours(5 + 11L * k++))))
                .build());
      }
    }
    rows.add(
        Row.withSchema(Tables.REJECTED_ROWS.schema())
            .withFieldValue("job_id", "old")
            .withFieldValue("job_name", "caption_performance")
            .withFieldValue("source_table", "mass_messages")
            .withFieldValue("row_key", "old")
            .withFieldValue("reason", "OLD_RULE")
            .withFieldValue("payload", "{}")
            .withFieldValue("rejected_at", ts(NOW.minus(Duration.ofDays(60))))
            .build());
    return rows;
  }

  static Row backtest(
      String id,
      Instant asOf,
      Instant computedAt,
      double top,
      double bottom,
      double rho,
      double baseline) {
    return Row.withSchema(BACKTESTS.schema())
        .withFieldValue("backtest_id", id)
        .withFieldValue("as_of", ts(asOf))
        .withFieldValue("horizon_days", 7L)
        .withFieldValue("computed_at", ts(computedAt))
        .withFieldValue("captions_scored", 420L)
        .withFieldValue("spearman_rank_correlation", rho)
        .withFieldValue("top_decile_success_rate", top)
        .withFieldValue("bottom_decile_success_rate", bottom)
        .withFieldValue("interval_coverage", 0.93)
        .withFieldValue("brier_score", 0.21)
        .withFieldValue("baseline_spearman_rank_correlation", baseline)
        .build();
  }

  static List<Row> backtests() {
    return List.of(
        backtest(
            "bt-old",
            NOW.minus(Duration.ofDays(15)),
            NOW.minus(Duration.ofDays(8)),
            0.6,
            0.3,
            0.3,
            0.2),
        backtest(
            "bt-latest",
            NOW.minus(Duration.ofDays(8)),
            NOW.minus(Duration.ofDays(1)),
            0.72,
            0.24,
            0.41,
            0.28));
  }
}
