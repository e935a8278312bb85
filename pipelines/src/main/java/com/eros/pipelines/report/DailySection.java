package com.eros.pipelines.report;

import com.eros.pipelines.dailyautomation.DailyAutomationOptions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.Row;

/**
 * Section 3: the latest daily-automation execution date (saturation of every analyzed creator
 * against the queueing threshold, queued or not, failures, skips, volume factors) and the
 * generation queue by status per execution date.
 *
 * @param date the latest execution date with a daily-automation run in the window; null when none
 * @param run the latest run for that date
 */
public record DailySection(
    LocalDate date,
    RunsSection.Run run,
    List<Creator> creators,
    List<CreatorError> errors,
    Map<String, Long> volumeFactors,
    DailyCounts queueByStatus) {
  /**
   * Daily automation's default queueing threshold, drawn as the line the saturation is compared to
   * (the table does not record the threshold a run used).
   */
  public static final double SATURATION_THRESHOLD =
      DailyAutomationOptions.DEFAULT_SATURATION_THRESHOLD;

  public static final List<String> QUEUE_STATUSES =
      List.of("PENDING", "PROCESSING", "COMPLETED", "FAILED");
  public static final String DAILY = "daily_automation";

  /** How many processing errors are listed. */
  public static final int LISTED_ERRORS = 20;

  /** One analyzed (or queued) creator of the date; {@code queueStatus} null when not queued. */
  public record Creator(
      String page,
      Double saturationPct,
      Double volumeFactor,
      String fatigueRisk,
      Long poolSize,
      Long unavailable,
      String queueStatus) {
    public boolean queued() {
      return queueStatus != null;
    }
  }

  public record CreatorError(String page, String message, String jobId) {}

  /** The date the section is about: the latest daily-automation run of the window, or null. */
  public static RunsSection.Run latestDailyRun(RunsSection runs) {
    return runs.latest(DAILY);
  }

  /**
   * @param runs the runs section (its latest daily run picks the date)
   * @param profiles creator_performance_profiles rows of that date
   * @param queueOfDate schedule_generation_queue rows of that date
   * @param errors creator_processing_errors rows of that date
   * @param queueWindow schedule_generation_queue rows (execution_date, status) of the window's days
   */
  public static DailySection from(
      RunsSection runs,
      List<Row> profiles,
      List<Row> queueOfDate,
      List<Row> errors,
      List<Row> queueWindow,
      ReportWindow window) {
    DailyCounts.Builder queue = DailyCounts.builder(window.dates(), QUEUE_STATUSES);
    for (Row r : queueWindow) {
      queue.add(Cells.string(r, "status"), Cells.date(r, "execution_date"), 1);
    }
    RunsSection.Run run = latestDailyRun(runs);
    if (run == null) {
      return new DailySection(null, null, List.of(), List.of(), Map.of(), queue.build());
    }
    LocalDate date = RunsSection.dateOf(run);
    Map<String, Row> queued = new HashMap<>();
    for (Row q : queueOfDate) {
      if (date.equals(Cells.date(q, "execution_date")) && Cells.string(q, "page_name") != null) {
        queued.put(Cells.string(q, "page_name"), q);
      }
    }
    Map<String, Creator> creators = new LinkedHashMap<>();
    for (Row p : profiles) {
      String page = Cells.string(p, "page_name");
      if (page == null || !date.equals(Cells.date(p, "execution_date"))) {
        continue;
      }
      Row q = queued.get(page);
      creators.put(
          page,
          new Creator(
              page,
              Cells.dbl(p, "saturation_pct"),
              Cells.dbl(p, "volume_factor"),
              Cells.string(p, "fatigue_risk"),
              Cells.lng(p, "caption_pool_size"),
              Cells.lng(p, "captions_unavailable"),
              q == null ? null : Cells.string(q, "status")));
    }
    queued.forEach(
        (page, q) ->
            creators.computeIfAbsent(
                page,
                k ->
                    new Creator(
                        page,
                        Cells.dbl(q, "saturation_pct"),
                        Cells.dbl(q, "volume_factor"),
                        null,
                        null,
                        null,
                        Cells.string(q, "status"))));
    List<Creator> list = new ArrayList<>(creators.values());
    list.sort(
        Comparator.comparing((Creator c) -> c.saturationPct() == null ? -1 : c.saturationPct())
            .reversed()
            .thenComparing(Creator::page));
    Map<String, Long> factors = new TreeMap<>(Comparator.reverseOrder());
    for (Creator c : list) {
      String key =
          c.volumeFactor() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", c.volumeFactor());
      factors.merge(key, 1L, Long::sum);
    }
    List<CreatorError> errs = new ArrayList<>();
    for (Row e : errors) {
      if (date.equals(Cells.date(e, "execution_date"))) {
        errs.add(
            new CreatorError(
                Cells.string(e, "page_name"),
                Cells.string(e, "error_message"),
                Cells.string(e, "job_id")));
      }
    }
    errs.sort(Comparator.comparing((CreatorError e) -> String.valueOf(e.page())));
    return new DailySection(
        date,
        run,
        List.copyOf(list),
        List.copyOf(errs),
        new LinkedHashMap<>(factors),
        queue.build());
  }

  public long queuedCount() {
    return creators.stream().filter(Creator::queued).count();
  }

  public long belowThreshold() {
    return creators.stream()
        .filter(c -> c.saturationPct() != null && c.saturationPct() < SATURATION_THRESHOLD)
        .count();
  }

  public boolean hasRun() {
    return date != null;
  }
}
