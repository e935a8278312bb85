package com.eros.common.table;

import static com.eros.common.table.ColumnType.BOOL;
import static com.eros.common.table.ColumnType.DATE;
import static com.eros.common.table.ColumnType.FLOAT64;
import static com.eros.common.table.ColumnType.INT64;
import static com.eros.common.table.ColumnType.STRING;
import static com.eros.common.table.ColumnType.TIMESTAMP;

import java.util.List;

/** Every table of the domain contract (docs/tables.md), defined once. */
public final class Tables {
  private Tables() {}

  // ---------------------------------------------------------------- inputs

  public static final TableDef MASS_MESSAGES =
      TableDef.builder("mass_messages")
          .description(
              "One send of a caption (or free text) by a page to its fans. Written by the messaging system.")
          .input()
          .nullable("message_id", INT64, "Unique id of the send (row_id in the original system)")
          .nullable("page_name", STRING, "Creator page that sent the message")
          .nullable("caption_id", INT64, "Caption used, NULL when sent as free text")
          .nullable("message", STRING, "Text as sent")
          .nullable("sending_time", TIMESTAMP, "When it was sent (UTC)")
          .nullable("price", FLOAT64, "Price of the paid message, NULL when free")
          .nullable("sent_count", INT64, "Recipients")
          .nullable("viewed_count", INT64, "Recipients who viewed it")
          .nullable("purchased_count", INT64, "Recipients who bought it")
          .nullable("earnings", FLOAT64, "Revenue of the send")
          .nullable("message_type", STRING, "Kind of message")
          .partitionByDayOf("sending_time")
          .clusterBy("page_name")
          .build();

  public static final TableDef CAPTION_BANK =
      TableDef.builder("caption_bank")
          .description("Reusable caption texts; page_name NULL means shared by every page.")
          .input()
          .required("caption_id", INT64, "Caption id")
          .required("caption_text", STRING, "Caption text")
          .nullable("page_name", STRING, "Owning page, NULL when shared by every page")
          .nullable("content_category", STRING, "Content category")
          .nullable("price_tier", STRING, "Price tier")
          .nullable("is_active", BOOL, "False once the caption is retired")
          .nullable("created_at", TIMESTAMP, "When the caption was created")
          .clusterBy("page_name")
          .build();

  public static final TableDef ACTIVE_CAPTION_ASSIGNMENTS =
      TableDef.builder("active_caption_assignments")
          .description(
              "Caption locks. Written by the schedule builder; the lock sweep updates only the last four columns.")
          .input()
          .nullable("assignment_key", STRING, "Hex SHA-256 of page|caption_id|date|hour")
          .nullable("page_name", STRING, "Page holding the lock")
          .nullable("caption_id", INT64, "Locked caption")
          .nullable("caption_text", STRING, "Text of the locked caption")
          .nullable("assigned_date", DATE, "Los Angeles date of the assignment")
          .nullable("assigned_at", TIMESTAMP, "When the lock was taken")
          .nullable(
              "scheduled_send_date",
              DATE,
              "Planned Los Angeles send date, NULL when not planned yet")
          .nullable("scheduled_send_hour", INT64, "Planned Los Angeles send hour")
          .nullable("price_tier", STRING, "Price tier")
          .nullable("schedule_id", STRING, "Schedule that took the lock")
          .nullable("is_active", BOOL, "True while the lock holds")
          .nullable("deactivated_at", TIMESTAMP, "When the sweep released it")
          .nullable("deactivation_reason", STRING, "PAST_SEND_DATE or STALE")
          .owned(
              "released_by",
              STRING,
              "Job id of the sweep that released the lock (the sweep adds this column)")
          .clusterBy("page_name", "is_active")
          .build();

  // ---------------------------------------------------------------- outputs

  public static final TableDef CAPTION_BANDIT_STATS =
      TableDef.builder("caption_bandit_stats")
          .description(
              "Per (page, caption) bandit statistics, replaced atomically by caption_performance.")
          .required("page_name", STRING, "Page")
          .required("caption_id", INT64, "Caption")
          .required("successes", INT64, "Sends with EMV above the page median")
          .required("failures", INT64, "Sends with EMV at or below the page median")
          .required("total_observations", INT64, "successes + failures")
          .required("effective_successes", FLOAT64, "Decay-weighted successes")
          .required("effective_failures", FLOAT64, "Decay-weighted failures")
          .required("confidence_lower_bound", FLOAT64, "Wilson lower bound on effective counts")
          .required("confidence_upper_bound", FLOAT64, "Wilson upper bound on effective counts")
          .required("posterior_alpha", FLOAT64, "1 + effective_successes")
          .required("posterior_beta", FLOAT64, "1 + effective_failures")
          .required("exploration_score", FLOAT64, "1 / sqrt(n + 1)")
          .required("avg_emv", FLOAT64, "Mean EMV (earnings / sent_count)")
          .required("last_emv_observed", FLOAT64, "EMV of the latest send")
          .required("total_revenue", FLOAT64, "Sum of earnings")
          .required(
              "avg_conversion_rate", FLOAT64, "Sum purchased / sum viewed, 0 when nothing viewed")
          .required(
              "performance_percentile", INT64, "floor(100 * percent_rank(avg_emv)) within the page")
          .required("last_used", TIMESTAMP, "Latest sending_time")
          .required("last_updated", TIMESTAMP, "asOf of the run that computed the row")
          .partitionByDayOf("last_updated")
          .clusterBy("page_name", "caption_id")
          .build();

  public static final TableDef CREATOR_PERFORMANCE_PROFILES =
      TableDef.builder("creator_performance_profiles")
          .description("Per (page, execution_date) creator analysis written by daily_automation.")
          .required("page_name", STRING, "Page")
          .required("execution_date", DATE, "Los Angeles date of the run")
          .nullable("job_id", STRING, "Run that wrote the row")
          .nullable("message_count", INT64, "Valid messages in the analysis window")
          .nullable("total_revenue", FLOAT64, "Sum of earnings")
          .nullable("rpr", FLOAT64, "Revenue per recipient: sum earnings / sum sent")
          .nullable("view_rate", FLOAT64, "Sum viewed / sum sent")
          .nullable("conversion_rate", FLOAT64, "Sum purchased / sum viewed")
          .nullable("size_tier", STRING, "MICRO | SMALL | MEDIUM | LARGE | MEGA")
          .nullable("segment", STRING, "EXPLORATORY | BUDGET | STANDARD | PREMIUM | LUXURY")
          .nullable("best_hour_1", INT64, "Best Los Angeles send hour by RPR")
          .nullable("best_hour_2", INT64, "Second best hour")
          .nullable("best_hour_3", INT64, "Third best hour")
          .nullable("best_weekday", STRING, "Best Los Angeles weekday by RPR")
          .nullable("recent_view_rate", FLOAT64, "View rate over the last 7 days")
          .nullable("baseline_view_rate", FLOAT64, "View rate over the 30 days before those")
          .nullable("recent_rpr", FLOAT64, "RPR over the last 7 days")
          .nullable("baseline_rpr", FLOAT64, "RPR over the 30 days before those")
          .nullable(
              "last_3_days_below_baseline",
              BOOL,
              "Each of D-1, D-2, D-3 had messages with RPR below baseline_rpr")
          .nullable("fatigue_score", FLOAT64, "0..1")
          .nullable("fatigue_risk", STRING, "LOW | MEDIUM | HIGH")
          .nullable("volume_factor", FLOAT64, "1.0 | 0.85 | 0.70")
          .nullable("caption_pool_size", INT64, "Active captions visible to the page")
          .nullable("captions_unavailable", INT64, "Pool captions locked within the cooldown")
          .nullable("saturation_pct", FLOAT64, "100 * unavailable / pool")
          .nullable("computed_at", TIMESTAMP, "When the row was computed")
          .partitionByDate("execution_date")
          .clusterBy("page_name")
          .build();

  public static final TableDef SCHEDULE_GENERATION_QUEUE =
      TableDef.builder("schedule_generation_queue")
          .description(
              "Creators due a new schedule; at most one row per (page_name, execution_date).")
          .required("page_name", STRING, "Page")
          .required("execution_date", DATE, "Los Angeles date of the run")
          .nullable("saturation_pct", FLOAT64, "Caption saturation when queued")
          .nullable("volume_factor", FLOAT64, "Fatigue volume factor")
          .nullable("job_id", STRING, "Run that queued it")
          .required("queued_at", TIMESTAMP, "When it was queued")
          .nullable("processed_at", TIMESTAMP, "Set by the schedule builder")
          .required("status", STRING, "PENDING -> PROCESSING -> COMPLETED | FAILED")
          .nullable("schedule_id", STRING, "Set by the schedule builder")
          .nullable("error_message", STRING, "Set by the schedule builder")
          .partitionByDate("execution_date")
          .clusterBy("status", "page_name")
          .build();

  public static final TableDef ETL_JOB_RUNS =
      TableDef.builder("etl_job_runs")
          .description("One row per pipeline run of any pipeline.")
          .required("job_id", STRING, "Run id")
          .required(
              "job_name",
              STRING,
              "caption_performance | daily_automation | lock_sweep | health_monitor | backtest")
          .required("job_start_time", TIMESTAMP, "Start")
          .nullable("job_end_time", TIMESTAMP, "End")
          .required(
              "job_status", STRING, "SUCCESS | COMPLETED_WITH_ERRORS | COMPLETED_NO_WORK | FAILED")
          .nullable("execution_date", DATE, "Los Angeles date the run is for")
          .nullable("creators_processed", INT64, "Creators processed")
          .nullable("creators_failed", INT64, "Creators whose processing failed")
          .nullable("error_message", STRING, "Why it failed")
          .nullable("job_duration_seconds", FLOAT64, "Duration")
          .nullable("rows_read", INT64, "Input rows read")
          .nullable("rows_rejected", INT64, "Input rows routed to rejected_rows")
          .nullable("creators_skipped", INT64, "Creators skipped after the circuit breaker opened")
          .partitionByDayOf("job_start_time")
          .clusterBy("job_name", "job_status")
          .build();

  public static final TableDef CREATOR_PROCESSING_ERRORS =
      TableDef.builder("creator_processing_errors")
          .description("A creator whose processing failed in a run.")
          .required("job_id", STRING, "Run id")
          .required("page_name", STRING, "Page")
          .nullable("execution_date", DATE, "Los Angeles date of the run")
          .nullable("error_message", STRING, "What failed")
          .required("error_time", TIMESTAMP, "When")
          .partitionByDayOf("error_time")
          .clusterBy("job_id", "page_name")
          .build();

  public static final TableDef AUTOMATION_ALERTS =
      TableDef.builder("automation_alerts")
          .description(
              "Alerts raised by the pipelines and the health monitor, with their delivery outcome.")
          .required("alert_id", STRING, "Alert id")
          .required("alert_time", TIMESTAMP, "When raised")
          .required("alert_level", STRING, "CRITICAL | WARNING | INFO")
          .required("alert_source", STRING, "Pipeline or rule that raised it")
          .nullable("alert_message", STRING, "Measured value and threshold")
          .nullable("job_id", STRING, "Run that raised it")
          .nullable("acknowledged", BOOL, "Set by an operator")
          .nullable("acknowledged_at", TIMESTAMP, "Set by an operator")
          .nullable("acknowledged_by", STRING, "Set by an operator")
          .nullable(
              "delivery_status",
              STRING,
              "PENDING | NOT_ROUTED | DELIVERED | PARTIAL | FAILED | SUPPRESSED")
          .nullable("delivery_detail", STRING, "Per-channel outcome, without secrets")
          .nullable("delivered_at", TIMESTAMP, "When delivery finished")
          .partitionByDayOf("alert_time")
          .clusterBy("alert_level", "alert_source", "acknowledged")
          .build();

  public static final TableDef LOCK_SWEEP_LOG =
      TableDef.builder("lock_sweep_log")
          .description("One row per lock sweep.")
          .required("sweep_id", STRING, "Sweep id (the run's job_id)")
          .required("sweep_time", TIMESTAMP, "When the sweep ran")
          .nullable("locks_expired_stale", INT64, "Locks swept by the STALE rule")
          .nullable("locks_expired_past_date", INT64, "Locks swept by the PAST_SEND_DATE rule")
          .nullable("total_locks_cleaned", INT64, "Total swept")
          .nullable("sweep_duration_seconds", FLOAT64, "Duration")
          .nullable("active_locks_after", INT64, "Active locks left after the sweep")
          .nullable(
              "recovered_by",
              STRING,
              "Sweep that wrote this row for an earlier sweep that released locks "
                  + "but died before logging them; NULL when the sweep logged itself")
          .partitionByDayOf("sweep_time")
          .clusterBy("sweep_time")
          .build();

  public static final TableDef REJECTED_ROWS =
      TableDef.builder("rejected_rows")
          .description(
              "Dead letters: input rows that failed validation, with the rule that failed.")
          .required("job_id", STRING, "Run that first rejected the row")
          .required("job_name", STRING, "Pipeline")
          .required("source_table", STRING, "Table the row came from")
          .nullable("row_key", STRING, "Key of the row in its table (message_id), when it has one")
          .nullable("page_name", STRING, "Page of the row, when it has one")
          .nullable(
              "row_fingerprint",
              STRING,
              "SHA-256 of the row's JSON and its occurrence among identical rows: "
                  + "one dead letter per bad row")
          .required("reason", STRING, "The validity rule that failed")
          .nullable("payload", STRING, "The row as JSON")
          .required("rejected_at", TIMESTAMP, "When")
          .partitionByDayOf("rejected_at")
          .clusterBy("job_name", "source_table")
          .build();

  public static final TableDef BANDIT_BACKTESTS =
      TableDef.builder("bandit_backtests")
          .description(
              "One row per backtest run (docs/backtest.md): the caption statistics as of as_of judged on the sends of "
                  + "[as_of, as_of + horizon_days). Appended by ./eros backtest.")
          .required("backtest_id", STRING, "Run id of the backtest")
          .required("as_of", TIMESTAMP, "T: the instant the statistics were computed at")
          .required(
              "horizon_days", INT64, "H: days (of 24 h) after T whose sends judge the statistics")
          .required("computed_at", TIMESTAMP, "When the backtest ran")
          .required(
              "captions_scored",
              INT64,
              "Captions with statistics at T and at least minSends sends in the horizon")
          .nullable(
              "spearman_rank_correlation",
              FLOAT64,
              "Posterior mean at T vs realised success rate: Spearman per page (average ranks), weighted by captions scored")
          .nullable(
              "top_decile_success_rate",
              FLOAT64,
              "Pooled realised success rate of each page's top decile by posterior mean")
          .nullable(
              "bottom_decile_success_rate",
              FLOAT64,
              "Pooled realised success rate of each page's bottom decile")
          .required(
              "interval_coverage",
              FLOAT64,
              "Share of scored captions whose realised rate lies in the Wilson interval at T")
          .required(
              "brier_score",
              FLOAT64,
              "Mean (posterior mean - outcome)^2 over the horizon sends of the scored captions")
          .nullable(
              "baseline_spearman_rank_correlation",
              FLOAT64,
              "As spearman_rank_correlation, ranking by the raw rate successes / total_observations")
          .partitionByDayOf("as_of")
          .clusterBy("horizon_days", "backtest_id")
          .build();

  public static final TableDef BANDIT_BACKTEST_PAGES =
      TableDef.builder("bandit_backtest_pages")
          .description(
              "Per-page detail of a backtest: one row per (backtest_id, page_name) with a scored caption.")
          .required("backtest_id", STRING, "Run id of the backtest (bandit_backtests.backtest_id)")
          .required("as_of", TIMESTAMP, "T")
          .required("horizon_days", INT64, "H")
          .required("page_name", STRING, "Page")
          .required("captions_scored", INT64, "Captions of the page scored")
          .required("horizon_sends", INT64, "Horizon sends of the scored captions")
          .required(
              "median_emv",
              FLOAT64,
              "Page median EMV as of T: the success threshold of the horizon sends")
          .nullable(
              "spearman_rank_correlation",
              FLOAT64,
              "Posterior mean vs realised rate; NULL below two captions or without variation")
          .nullable(
              "baseline_spearman_rank_correlation", FLOAT64, "Raw success rate vs realised rate")
          .nullable(
              "top_decile_success_rate", FLOAT64, "Realised success rate of the page's top decile")
          .nullable(
              "bottom_decile_success_rate",
              FLOAT64,
              "Realised success rate of the page's bottom decile")
          .nullable("top_decile_mean_emv", FLOAT64, "Mean EMV per horizon send of the top decile")
          .nullable(
              "bottom_decile_mean_emv", FLOAT64, "Mean EMV per horizon send of the bottom decile")
          .required(
              "interval_coverage",
              FLOAT64,
              "Share of the page's scored captions inside their Wilson interval")
          .required("brier_score", FLOAT64, "Brier score of the page's horizon sends")
          .partitionByDayOf("as_of")
          .clusterBy("backtest_id", "page_name")
          .build();

  public static final List<TableDef> INPUTS =
      List.of(MASS_MESSAGES, CAPTION_BANK, ACTIVE_CAPTION_ASSIGNMENTS);

  public static final List<TableDef> OUTPUTS =
      List.of(
          CAPTION_BANDIT_STATS,
          CREATOR_PERFORMANCE_PROFILES,
          SCHEDULE_GENERATION_QUEUE,
          ETL_JOB_RUNS,
          CREATOR_PROCESSING_ERRORS,
          AUTOMATION_ALERTS,
          LOCK_SWEEP_LOG,
          REJECTED_ROWS,
          BANDIT_BACKTESTS,
          BANDIT_BACKTEST_PAGES);

  public static final List<TableDef> ALL = concat(INPUTS, OUTPUTS);

  public static TableDef byName(String name) {
    for (TableDef t : ALL) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown table: " + name);
  }

  private static List<TableDef> concat(List<TableDef> a, List<TableDef> b) {
    java.util.ArrayList<TableDef> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
