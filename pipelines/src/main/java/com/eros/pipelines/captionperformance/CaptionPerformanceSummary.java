package com.eros.pipelines.captionperformance;

import com.eros.common.table.Tables;
import com.eros.common.validate.MessageRule;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.support.JobStatus;
import com.eros.pipelines.support.RunContext;
import com.eros.pipelines.support.Runs;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;

/** The summary a local run prints: counts, and the best captions of the largest pages. */
final class CaptionPerformanceSummary {
  static final int PAGES = 3;
  static final int CAPTIONS = 5;

  private CaptionPerformanceSummary() {}

  /** A page's best captions by Wilson lower bound. */
  record TopPage(String page, long observations, List<Row> captions) {}

  /**
   * The {@code pages} pages with the most observations (Σ total_observations; ties by name), each
   * with its {@code perPage} captions of highest confidence_lower_bound (ties: more observations,
   * then lower caption_id).
   */
  static List<TopPage> topCaptions(List<Row> stats, int pages, int perPage) {
    Map<String, List<Row>> byPage = new HashMap<>();
    Map<String, Long> observations = new HashMap<>();
    for (Row r : stats) {
      String page = r.getString("page_name");
      byPage.computeIfAbsent(page, p -> new ArrayList<>()).add(r);
      observations.merge(page, r.getInt64("total_observations"), Long::sum);
    }
    List<String> largest = new ArrayList<>(byPage.keySet());
    largest.sort(Comparator.comparing((String p) -> -observations.get(p)).thenComparing(p -> p));
    List<TopPage> out = new ArrayList<>();
    for (String page : largest.subList(0, Math.min(pages, largest.size()))) {
      List<Row> rows = new ArrayList<>(byPage.get(page));
      rows.sort(
          Comparator.comparing((Row r) -> -r.getDouble("confidence_lower_bound"))
              .thenComparing(r -> -r.getInt64("total_observations"))
              .thenComparing(r -> r.getInt64("caption_id")));
      out.add(
          new TopPage(
              page,
              observations.get(page),
              List.copyOf(rows.subList(0, Math.min(perPage, rows.size())))));
    }
    return out;
  }

  /**
   * Prints what the run did; returns the exit code (1 when its job row says FAILED, e.g. the shrink
   * guard).
   */
  static int print(
      CaptionPerformanceSettings settings, RunContext run, Runs.Outcome r, PrintStream out) {
    Warehouse warehouse = run.warehouse();
    CaptionPerformanceConfig cfg = settings.stats();
    List<Row> jobs =
        warehouse.query(
            Tables.ETL_JOB_RUNS, ReadSpec.all().where(Filter.eq("job_id", run.jobId())));
    if (jobs.isEmpty()) {
      out.println(
          "  no job row was written for job " + run.jobId() + " (unexpected: see the log above)");
      return 1;
    }
    Row job = jobs.get(0);
    out.printf(
        "  asOf %s, median window %d d, stats window %d d, half-life %s d, z %s%n",
        cfg.asOf(), cfg.medianWindowDays(), cfg.statsWindowDays(), cfg.halfLifeDays(), cfg.z());
    out.printf(
        "  rows read            %,12d  (window and NULL sending times)%n", r.counter("rows_read"));
    out.printf(
        "  rows rejected        %,12d  (%,d new dead letters; the others were recorded by earlier runs)%n",
        r.counter("rows_rejected"), nz(job.getInt64("rows_rejected")));
    for (MessageRule rule : MessageRule.values()) {
      long n = r.counter(CaptionPerformancePipeline.rejectedCounter(rule));
      if (n > 0) {
        out.printf("    %-32s %,10d%n", rule.name(), n);
      }
    }
    out.printf("  attributed by text   %,12d%n", r.counter("attributed"));
    out.printf(
        "  unattributed         %,12d  (no match %,d, ambiguous %,d)%n",
        r.counter("unattributed_no_match") + r.counter("unattributed_ambiguous"),
        r.counter("unattributed_no_match"),
        r.counter("unattributed_ambiguous"));
    out.printf("  pages without median %,12d%n", r.counter("pages_without_median"));
    out.printf("  stats rows computed  %,12d%n", r.counter("stats_rows"));
    out.printf("  seconds              %12.1f%n", r.wallTime().toMillis() / 1000.0);
    String status = job.getString("job_status");
    out.println(
        "  job row: "
            + status
            + (job.getString("error_message") == null
                ? ""
                : ": " + job.getString("error_message")));
    if (JobStatus.FAILED.name().equals(status)) {
      return 1;
    }
    List<Row> stats =
        warehouse.query(
            Tables.CAPTION_BANDIT_STATS,
            ReadSpec.columns(
                "page_name",
                "caption_id",
                "successes",
                "total_observations",
                "confidence_lower_bound",
                "confidence_upper_bound",
                "avg_emv",
                "performance_percentile"));
    List<TopPage> top = topCaptions(stats, PAGES, CAPTIONS);
    if (top.isEmpty()) {
      return 0;
    }
    out.printf(
        "  Top %d captions by Wilson lower bound, %d largest pages (by observations):%n",
        CAPTIONS, top.size());
    for (TopPage page : top) {
      out.printf("    %s (%,d observations)%n", page.page(), page.observations());
      out.printf(
          "      %10s %8s %8s %9s %10s %5s%n",
          "caption", "lower", "upper", "succ/obs", "avg_emv", "pct");
      for (Row c : page.captions()) {
        out.printf(
            "      %10d %8.4f %8.4f %9s %10.4f %5d%n",
            c.getInt64("caption_id"),
            c.getDouble("confidence_lower_bound"),
            c.getDouble("confidence_upper_bound"),
            c.getInt64("successes") + "/" + c.getInt64("total_observations"),
            c.getDouble("avg_emv"),
            c.getInt64("performance_percentile"));
      }
    }
    return 0;
  }

  private static long nz(Long v) {
    return v == null ? 0 : v;
  }
}
