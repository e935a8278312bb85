package com.eros.pipelines.report;

import com.eros.common.stats.Median;
import com.eros.common.time.LaTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;

/**
 * Section 2: every pipeline run of the window (etl_job_runs), per pipeline, failures first to see.
 */
public record RunsSection(List<Run> runs, List<PipelineStats> pipelines, List<Run> failures) {
  /** The pipelines in schedule order; other job names follow alphabetically. */
  public static final List<String> PIPELINES =
      List.of("caption_performance", "daily_automation", "lock_sweep", "health_monitor");

  public static final String FAILED = "FAILED";
  public static final String WITH_ERRORS = "COMPLETED_WITH_ERRORS";

  /** How many failed runs are listed. */
  public static final int LATEST_FAILURES = 10;

  /** One etl_job_runs row. */
  public record Run(
      String jobId,
      String jobName,
      Instant start,
      Instant end,
      String status,
      Double durationSeconds,
      LocalDate executionDate,
      Long creatorsProcessed,
      Long creatorsFailed,
      Long creatorsSkipped,
      Long rowsRead,
      Long rowsRejected,
      String errorMessage) {
    public boolean failed() {
      return FAILED.equals(status);
    }
  }

  /** Key numbers of one pipeline over the window. */
  public record PipelineStats(
      String jobName,
      int runs,
      int failed,
      int withErrors,
      Run last,
      Double medianSeconds,
      Double maxSeconds) {}

  public static Run run(Row r) {
    Instant start = Cells.instant(r, "job_start_time");
    Instant end = Cells.instant(r, "job_end_time");
    Double duration = Cells.dbl(r, "job_duration_seconds");
    if (duration == null && start != null && end != null) {
      duration = Duration.between(start, end).toNanos() / 1e9;
    }
    LocalDate date = Cells.date(r, "execution_date");
    return new Run(
        Cells.string(r, "job_id"),
        Cells.string(r, "job_name"),
        start,
        end,
        Cells.string(r, "job_status"),
        duration,
        date,
        Cells.lng(r, "creators_processed"),
        Cells.lng(r, "creators_failed"),
        Cells.lng(r, "creators_skipped"),
        Cells.lng(r, "rows_read"),
        Cells.lng(r, "rows_rejected"),
        Cells.string(r, "error_message"));
  }

  /**
   * @param jobRows etl_job_runs rows (any order); rows outside the window are left out
   */
  public static RunsSection from(List<Row> jobRows, ReportWindow window) {
    List<Run> runs = new ArrayList<>();
    for (Row r : jobRows) {
      Run run = run(r);
      if (window.contains(run.start())) {
        runs.add(run);
      }
    }
    runs.sort(Comparator.comparing(Run::start).thenComparing(run -> String.valueOf(run.jobId())));
    Map<String, List<Run>> byName = new LinkedHashMap<>();
    for (String p : PIPELINES) {
      byName.put(p, new ArrayList<>());
    }
    List<String> others =
        runs.stream()
            .map(Run::jobName)
            .filter(n -> n != null && !PIPELINES.contains(n))
            .distinct()
            .sorted()
            .toList();
    for (String o : others) {
      byName.put(o, new ArrayList<>());
    }
    for (Run run : runs) {
      if (run.jobName() != null) {
        byName.get(run.jobName()).add(run);
      }
    }
    List<PipelineStats> stats = new ArrayList<>();
    byName.forEach((name, list) -> stats.add(stats(name, list)));
    List<Run> failures = new ArrayList<>(runs.stream().filter(Run::failed).toList());
    failures.sort(Comparator.comparing(Run::start).reversed());
    return new RunsSection(
        List.copyOf(runs),
        List.copyOf(stats),
        List.copyOf(failures.subList(0, Math.min(LATEST_FAILURES, failures.size()))));
  }

  static PipelineStats stats(String name, List<Run> runs) {
    int failed = 0;
    int withErrors = 0;
    List<Double> durations = new ArrayList<>();
    for (Run r : runs) {
      if (r.failed()) {
        failed++;
      } else if (WITH_ERRORS.equals(r.status())) {
        withErrors++;
      }
      if (r.durationSeconds() != null) {
        durations.add(r.durationSeconds());
      }
    }
    return new PipelineStats(
        name,
        runs.size(),
        failed,
        withErrors,
        runs.isEmpty() ? null : runs.get(runs.size() - 1),
        median(durations),
        durations.stream().max(Double::compare).orElse(null));
  }

  /** The exact median ({@link Median}: mean of the two middle values); null when empty. */
  static Double median(List<Double> values) {
    return values.isEmpty()
        ? null
        : Median.medianInPlace(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The latest run of a pipeline in the window, or null. */
  public Run latest(String jobName) {
    for (int i = runs.size() - 1; i >= 0; i--) {
      if (jobName.equals(runs.get(i).jobName())) {
        return runs.get(i);
      }
    }
    return null;
  }

  /** The latest run of a pipeline with the given status, or null. */
  public Run latest(String jobName, String status) {
    for (int i = runs.size() - 1; i >= 0; i--) {
      Run r = runs.get(i);
      if (jobName.equals(r.jobName()) && status.equals(r.status())) {
        return r;
      }
    }
    return null;
  }

  /** The Los Angeles date a run is for: its execution_date, else the date it started. */
  public static LocalDate dateOf(Run r) {
    return r.executionDate() != null ? r.executionDate() : LaTime.dateOf(r.start());
  }

  public boolean isEmpty() {
    return runs.isEmpty();
  }
}
