package com.eros.pipelines.report;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.healthmonitor.Scorecard;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.beam.sdk.values.Row;

/**
 * Reads what the report needs through the storage port ({@link Warehouse#query} only: projected,
 * filtered to the window) and builds the section models. Read-only: it never creates or writes a
 * table; a missing table reads as no rows.
 */
public final class ReportReader {
  private final Warehouse warehouse;
  private final Consumer<String> progress;
  private final Optional<TableDef> backtests;

  /**
   * @param progress receives one line per step (the command prints them on stderr)
   */
  public ReportReader(Warehouse warehouse, Consumer<String> progress) {
    this(warehouse, progress, Optional.of(Tables.BANDIT_BACKTESTS));
  }

  /** With the bandit_backtests definition given (tests); empty: section 7 is left out. */
  ReportReader(Warehouse warehouse, Consumer<String> progress, Optional<TableDef> backtests) {
    this.warehouse = warehouse;
    this.progress = progress;
    this.backtests = backtests;
  }

  /** Every table the report reads (absent ones read as empty). */
  public List<TableDef> tables() {
    List<TableDef> t =
        new java.util.ArrayList<>(
            List.of(
                Tables.ETL_JOB_RUNS,
                Tables.AUTOMATION_ALERTS,
                Tables.ACTIVE_CAPTION_ASSIGNMENTS,
                Tables.LOCK_SWEEP_LOG,
                Tables.SCHEDULE_GENERATION_QUEUE,
                Tables.CREATOR_PERFORMANCE_PROFILES,
                Tables.CREATOR_PROCESSING_ERRORS,
                Tables.CAPTION_BANDIT_STATS,
                Tables.CAPTION_BANK,
                Tables.REJECTED_ROWS));
    backtests.ifPresent(t::add);
    return t;
  }

  public Report read(ReportWindow w) {
    long t0 = System.nanoTime();
    Instant from = w.from();
    Instant to = w.toExclusive();

    List<Scorecard.Check> checks = Scorecard.measure(warehouse, w.now());
    List<Row> alerts =
        query(
            Tables.AUTOMATION_ALERTS,
            ReadSpec.columns(
                    "alert_time",
                    "alert_level",
                    "alert_source",
                    "alert_message",
                    "acknowledged",
                    "delivery_status",
                    "delivery_detail")
                .where(Filter.between("alert_time", from, to)));
    HealthSection health = HealthSection.from(checks, alerts, w);

    List<Row> jobs =
        query(
            Tables.ETL_JOB_RUNS,
            ReadSpec.columns(
                    "job_id",
                    "job_name",
                    "job_start_time",
                    "job_end_time",
                    "job_status",
                    "execution_date",
                    "creators_processed",
                    "creators_failed",
                    "creators_skipped",
                    "job_duration_seconds",
                    "rows_read",
                    "rows_rejected",
                    "error_message")
                .where(Filter.between("job_start_time", from, to)));
    RunsSection runs = RunsSection.from(jobs, w);

    RunsSection.Run daily = DailySection.latestDailyRun(runs);
    List<Row> queueWindow =
        query(
            Tables.SCHEDULE_GENERATION_QUEUE,
            ReadSpec.columns("execution_date", "status")
                .where(
                    new Filter.Range(
                        "execution_date", w.firstDay(), w.today().plusDays(1), false)));
    List<Row> profiles = List.of();
    List<Row> queueOfDate = List.of();
    List<Row> errors = List.of();
    if (daily != null) {
      LocalDate d = RunsSection.dateOf(daily);
      profiles =
          query(
              Tables.CREATOR_PERFORMANCE_PROFILES,
              ReadSpec.columns(
                      "page_name",
                      "execution_date",
                      "saturation_pct",
                      "volume_factor",
                      "fatigue_risk",
                      "caption_pool_size",
                      "captions_unavailable")
                  .where(Filter.eq("execution_date", d)));
      queueOfDate =
          query(
              Tables.SCHEDULE_GENERATION_QUEUE,
              ReadSpec.columns(
                      "page_name", "execution_date", "saturation_pct", "volume_factor", "status")
                  .where(Filter.eq("execution_date", d)));
      errors =
          query(
              Tables.CREATOR_PROCESSING_ERRORS,
              ReadSpec.columns("job_id", "page_name", "execution_date", "error_message")
                  .where(Filter.eq("execution_date", d)));
    }
    DailySection dailySection =
        DailySection.from(runs, profiles, queueOfDate, errors, queueWindow, w);

    List<Row> sweeps =
        query(
            Tables.LOCK_SWEEP_LOG,
            ReadSpec.columns(
                    "sweep_time",
                    "locks_expired_stale",
                    "locks_expired_past_date",
                    "total_locks_cleaned",
                    "sweep_duration_seconds",
                    "active_locks_after")
                .where(Filter.between("sweep_time", from, to)));
    LocksSection locks = LocksSection.from(sweeps, w);

    List<Row> stats = query(Tables.CAPTION_BANDIT_STATS, ReadSpec.columns(CaptionSection.COLUMNS));
    Map<Long, String> texts = new HashMap<>();
    List<CaptionSection.CaptionStat> captionStats = CaptionSection.stats(stats);
    List<CaptionSection.PageRow> pages = CaptionSection.pages(captionStats);
    List<String> largest = CaptionSection.largestNames(pages);
    if (!largest.isEmpty()) {
      for (String page : largest) {
        addTexts(
            texts,
            query(
                Tables.CAPTION_BANK,
                ReadSpec.columns("caption_id", "caption_text")
                    .where(Filter.eq("page_name", page))));
      }
      addTexts(
          texts,
          query(
              Tables.CAPTION_BANK,
              ReadSpec.columns("caption_id", "caption_text").where(Filter.isNull("page_name"))));
    }
    CaptionSection captions = CaptionSection.from(stats, captionStats, pages, texts, runs);

    List<Row> rejected =
        query(
            Tables.REJECTED_ROWS,
            ReadSpec.columns("job_name", "source_table", "reason", "rejected_at")
                .where(Filter.between("rejected_at", from, to)));
    QualitySection quality = QualitySection.from(rejected, w);

    BacktestSection backtest = null;
    if (backtests.isPresent()) {
      backtest = BacktestSection.from(query(backtests.get(), ReadSpec.all()), w);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    return new Report(
        w,
        warehouse.spec(),
        w.now(),
        health,
        runs,
        dailySection,
        locks,
        captions,
        quality,
        backtest,
        took);
  }

  private List<Row> query(TableDef table, ReadSpec spec) {
    long t0 = System.nanoTime();
    List<Row> rows = warehouse.query(table, spec);
    progress.accept(
        String.format(
            java.util.Locale.ROOT,
            "read %-28s %,9d rows  %5.2f s",
            table.name(),
            rows.size(),
            (System.nanoTime() - t0) / 1e9));
    return rows;
  }

  private static void addTexts(Map<Long, String> texts, List<Row> rows) {
    for (Row r : rows) {
      Long id = Cells.lng(r, "caption_id");
      String t = Cells.string(r, "caption_text");
      if (id != null && t != null) {
        texts.put(id, t);
      }
    }
  }
}
