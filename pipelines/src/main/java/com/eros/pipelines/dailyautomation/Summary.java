package com.eros.pipelines.dailyautomation;

import com.eros.common.table.Tables;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.support.JobStatus;
import com.eros.pipelines.support.Runs;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.values.Row;

/**
 * The summary a local run prints: the queue, failed and skipped creators, the sweep and the job
 * row.
 */
final class Summary {
  /** Queue rows printed one per line; the rest are counted. */
  static final int QUEUE_LINES = 40;

  private Summary() {}

  /** Prints the summary; returns the exit code (1 when the job row says FAILED). */
  static int print(
      Warehouse wh,
      DailyAutomationConfig cfg,
      String jobId,
      Runs.Outcome outcome,
      PrintStream out) {
    List<Row> jobs =
        wh.query(Tables.ETL_JOB_RUNS, ReadSpec.all().where(Filter.eq("job_id", jobId)));
    if (jobs.isEmpty()) {
      out.println("  no job row was written for job " + jobId + " (unexpected: see the log above)");
      return 1;
    }
    Row job = jobs.get(0);

    List<Row> queue =
        wh.query(
            Tables.SCHEDULE_GENERATION_QUEUE,
            ReadSpec.columns("page_name", "saturation_pct", "volume_factor", "status", "job_id")
                .where(Filter.eq("execution_date", cfg.executionDate())));
    queue =
        queue.stream().sorted(Comparator.comparing((Row r) -> r.getString("page_name"))).toList();
    long mine = queue.stream().filter(r -> jobId.equals(r.getString("job_id"))).count();
    out.printf(
        "  queue for %s: %d creator(s) (%d queued by this run, %d by earlier runs of the date)%n",
        cfg.executionDate(), queue.size(), mine, queue.size() - mine);
    for (int i = 0; i < Math.min(QUEUE_LINES, queue.size()); i++) {
      Row r = queue.get(i);
      out.printf(
          Locale.ROOT,
          "    %-28s saturation %7s  volume factor %.2f  %s%n",
          r.getString("page_name"),
          DailyAutomationPipeline.pct(r.getDouble("saturation_pct")),
          r.getDouble("volume_factor") == null ? Double.NaN : r.getDouble("volume_factor"),
          r.getString("status"));
    }
    if (queue.size() > QUEUE_LINES) {
      out.printf("    ... and %d more%n", queue.size() - QUEUE_LINES);
    }

    List<Row> errors =
        wh.query(
            Tables.CREATOR_PROCESSING_ERRORS,
            ReadSpec.columns("page_name", "error_message", "job_id")
                .where(Filter.eq("execution_date", cfg.executionDate())));
    out.printf(
        "  failed creators: %d this run; errors recorded for %s: %d%n",
        nz(job.getInt64("creators_failed")), cfg.executionDate(), errors.size());
    errors.stream()
        .sorted(Comparator.comparing((Row r) -> r.getString("page_name")))
        .limit(QUEUE_LINES)
        .forEach(
            r ->
                out.printf(
                    "    %-28s %s%n", r.getString("page_name"), r.getString("error_message")));
    out.printf("  skipped creators (circuit breaker): %d%n", nz(job.getInt64("creators_skipped")));

    List<Row> sweeps =
        wh.query(Tables.LOCK_SWEEP_LOG, ReadSpec.all().where(Filter.eq("sweep_id", jobId)));
    if (sweeps.isEmpty()) {
      out.println("  lock sweep: no lock_sweep_log row for this run");
    } else {
      Row s = sweeps.get(0);
      out.printf(
          "  lock sweep: %d swept (PAST_SEND_DATE %d, STALE %d), %d active locks after%n",
          nz(s.getInt64("total_locks_cleaned")),
          nz(s.getInt64("locks_expired_past_date")),
          nz(s.getInt64("locks_expired_stale")),
          nz(s.getInt64("active_locks_after")));
    }

    List<Row> alerts =
        wh
            .query(Tables.AUTOMATION_ALERTS, ReadSpec.all().where(Filter.eq("job_id", jobId)))
            .stream()
            .sorted(Comparator.comparing((Row r) -> r.getString("alert_id")))
            .toList();
    out.printf("  alerts: %d%n", alerts.size());
    for (Row a : alerts) {
      out.printf(
          "    %-8s %s%n             -> %s: %s%n",
          a.getString("alert_level"),
          a.getString("alert_message"),
          a.getString("delivery_status"),
          a.getString("delivery_detail"));
    }

    out.printf(
        Locale.ROOT,
        "  job row: %s  processed %d, failed %d, skipped %d; rows read %d, rejected %d; %.1f s%n",
        job.getString("job_status"),
        nz(job.getInt64("creators_processed")),
        nz(job.getInt64("creators_failed")),
        nz(job.getInt64("creators_skipped")),
        nz(job.getInt64("rows_read")),
        nz(job.getInt64("rows_rejected")),
        job.getDouble("job_duration_seconds") == null
            ? 0.0
            : job.getDouble("job_duration_seconds"));
    if (job.getString("error_message") != null) {
      out.println("    " + job.getString("error_message"));
    }
    out.printf(Locale.ROOT, "  wall time %.1f s%n", outcome.wallTime().toMillis() / 1000.0);
    return JobStatus.FAILED.name().equals(job.getString("job_status")) ? 1 : 0;
  }

  private static long nz(Long v) {
    return v == null ? 0 : v;
  }
}
