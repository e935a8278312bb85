package com.eros.pipelines.captionperformance;

import com.eros.common.table.Tables;
import com.eros.common.time.Clock;
import com.eros.common.time.LaTime;
import com.eros.common.validate.MessageRule;
import com.eros.common.validate.RejectedRows;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WriteSpec;
import com.eros.pipelines.cli.Eros;
import com.eros.pipelines.support.JobRuns;
import com.eros.pipelines.support.OptionsParser;
import com.eros.pipelines.support.Runs;
import com.eros.pipelines.support.UsageException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;

/**
 * The caption-performance pipeline (REFERENCE §2, every 6 hours):
 *
 * <pre>
 *   mass_messages ─ read by page (projection, window [asOf − max(windows), asOf) or NULL time) ─┐
 *   caption_bank ─ read ─ index texts (side input) ───────────────────────────────────────────┤
 *     validate + attribute (per page) ─┬─ rejected_rows (insert if absent)                     │
 *                                      └─ page calculator ─ caption_bandit_stats (replace) ────┘
 *     tallies + the two commit signals ─ sum ─ etl_job_runs (last: needs both commits)
 * </pre>
 *
 * <p>One element per page all the way: the store groups by page, and all of §2 except the
 * attribution lookup is per page, so no shuffle per caption and no per-message elements.
 */
public final class CaptionPerformancePipeline {
  public static final String COMMAND = "caption-performance";
  public static final String JOB_NAME = "caption_performance";
  /** Metrics namespace of the pipeline's counters. */
  public static final String METRICS = "caption_performance";

  /** Columns of mass_messages the pipeline reads (all but message_type). */
  static final String[] MESSAGE_COLUMNS = {
    "message_id", "page_name", "caption_id", "message", "sending_time", "price", "sent_count", "viewed_count",
    "purchased_count", "earnings"
  };

  private CaptionPerformancePipeline() {}

  /** The columns of mass_messages that validation, attribution and the statistics need. */
  public static String[] messageColumns() {
    return MESSAGE_COLUMNS.clone();
  }

  /** Flex Template / plain-java entry point: {@code ./eros caption-performance ARGS}. */
  public static void main(String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = COMMAND;
    System.arraycopy(args, 0, all, 1, args.length);
    int code = Eros.execute(all, System.out, System.err);
    System.out.flush();
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Parses the command line; a value that is not a number is reported naming its option (Beam's
   * own message does not).
   */
  public static CaptionPerformanceOptions parseOptions(String[] args) {
    for (String a : args) {
      checkNumber(a, "medianWindowDays", true);
      checkNumber(a, "statsWindowDays", true);
      checkNumber(a, "halfLifeDays", false);
      checkNumber(a, "z", false);
    }
    return OptionsParser.parse(CaptionPerformanceOptions.class, args);
  }

  private static void checkNumber(String arg, String option, boolean whole) {
    String prefix = "--" + option + "=";
    if (!arg.startsWith(prefix)) {
      return;
    }
    String v = arg.substring(prefix.length()).strip();
    try {
      if (whole) {
        Integer.parseInt(v);
      } else {
        Double.parseDouble(v);
      }
    } catch (NumberFormatException e) {
      throw new UsageException(arg + " is not " + (whole ? "a whole number of days" : "a number") + " (see --help)");
    }
  }

  /** The run's parameters from the options; asOf defaults to {@code clock.now()}. */
  public static CaptionPerformanceConfig config(CaptionPerformanceOptions o, Clock clock) {
    try {
      String iso = o.getAsOf();
      Instant asOf = iso == null || iso.isBlank() ? clock.now() : LaTime.parseInstant(iso, "asOf");
      return new CaptionPerformanceConfig(asOf, o.getMedianWindowDays(), o.getStatsWindowDays(), o.getHalfLifeDays(), o.getZ());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  /** What is read from mass_messages: the projection and the window, plus NULL sending times. */
  static ReadSpec messageReadSpec(CaptionPerformanceConfig cfg) {
    return ReadSpec.columns(MESSAGE_COLUMNS).where(Filter.betweenOrNull("sending_time", cfg.readFrom(), cfg.asOf()));
  }

  /**
   * Composes the pipeline.
   *
   * @param jobStart when the run started (job_start_time of its etl_job_runs row)
   * @param clock gives job_end_time
   */
  public static Pipeline build(
      CaptionPerformanceOptions options, Warehouse warehouse, CaptionPerformanceConfig cfg, Instant jobStart, Clock clock) {
    String jobId = options.getJobId();
    Pipeline p = Pipeline.create(options);

    PCollectionView<CaptionIndex> index = p.begin().apply(new BuildCaptionIndex(warehouse));
    PCollection<KV<String, List<Row>>> byPage = p.apply("Read messages by page",
        warehouse.readGrouped(Tables.MASS_MESSAGES, messageReadSpec(cfg), "page_name"));

    PCollectionTuple checked = byPage.apply(new ValidateAndAttribute(index, cfg.asOf(), jobStart, jobId));
    PCollection<Long> rejectedDone = checked.get(ValidateAndAttribute.REJECTED)
        .apply("Write rejected_rows",
            warehouse.write(Tables.REJECTED_ROWS, WriteSpec.insertIfAbsent(RejectedRows.KEY), jobId, "rejected"));

    PCollectionTuple stats = checked.get(ValidateAndAttribute.VALID).apply(new ComputeCaptionStats(cfg));
    PCollection<Long> statsDone = stats.get(ComputeCaptionStats.STATS)
        .apply("Replace caption_bandit_stats",
            warehouse.write(Tables.CAPTION_BANDIT_STATS, WriteSpec.replace(), jobId, "stats"));

    PCollectionList.of(checked.get(ValidateAndAttribute.TALLY))
        .and(stats.get(ComputeCaptionStats.TALLY))
        .apply("Collect tallies", Flatten.pCollections())
        .apply(new WriteJobRow(warehouse, jobId, jobStart, cfg.asOf(), clock, List.of(statsDone, rejectedDone)));
    return p;
  }

  /** What a local run did (for the summary and the bench). */
  public record Result(boolean waited, Duration wallTime, Map<String, Long> counters, CaptionPerformanceConfig config) {
    public long counter(String name) {
      return counters.getOrDefault(name, 0L);
    }
  }

  /**
   * Runs the pipeline: locally waits and prints a summary (quiet = no summary); remotely submits.
   * A failed local run leaves a FAILED etl_job_runs row and throws with a clear message.
   */
  public static Result run(CaptionPerformanceOptions options, Clock clock, PrintStream out, boolean summary) {
    Warehouse warehouse = OptionsParser.warehouse(options);
    CaptionPerformanceConfig cfg = config(options, clock);
    boolean local = OptionsParser.runsLocally(options);
    if (local) {
      OptionsParser.tuneLocalRunner(options);
    }
    Instant start = clock.now();
    warehouse.ensureTables(List.of(Tables.MASS_MESSAGES, Tables.CAPTION_BANK, Tables.CAPTION_BANDIT_STATS,
        Tables.REJECTED_ROWS, Tables.ETL_JOB_RUNS));
    Pipeline pipeline = build(options, warehouse, cfg, start, clock);
    if (summary) {
      out.printf("caption-performance on %s: asOf %s, median window %d d, stats window %d d, half-life %s d, z %s, job %s%n",
          warehouse.spec(), cfg.asOf(), cfg.medianWindowDays(), cfg.statsWindowDays(), cfg.halfLifeDays(), cfg.z(),
          options.getJobId());
    }
    Runs.Outcome outcome;
    try {
      outcome = Runs.run(pipeline, COMMAND, out);
      if (outcome.waited() && outcome.result().getState() != PipelineResult.State.DONE) {
        throw new IllegalStateException("pipeline ended in state " + outcome.result().getState());
      }
    } catch (RuntimeException e) {
      if (local) {
        recordFailure(warehouse, options.getJobId(), start, clock, cfg, e);
      }
      throw new IllegalStateException("caption-performance failed (job " + options.getJobId()
          + ", FAILED row written to etl_job_runs): " + firstLine(rootMessage(e)), e);
    }
    Result result = new Result(outcome.waited(), outcome.wallTime(), outcome.counters(), cfg);
    if (summary && outcome.waited()) {
      CaptionPerformanceSummary.print(result, warehouse, out);
    }
    return result;
  }

  private static void recordFailure(Warehouse wh, String jobId, Instant start, Clock clock, CaptionPerformanceConfig cfg,
      RuntimeException e) {
    try {
      wh.insertNow(Tables.ETL_JOB_RUNS, List.of(JobRuns.row(jobId, JOB_NAME, start, clock.now(), JobRuns.FAILED,
          LaTime.dateOf(cfg.asOf()), null, null, null, null, null, firstLine(rootMessage(e)))));
    } catch (RuntimeException again) {
      e.addSuppressed(again);
    }
  }

  static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    String m = c.getMessage();
    return m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** Counter names of the per-rule rejection counts. */
  static String rejectedCounter(MessageRule rule) {
    return "rejected_" + rule.name();
  }
}
