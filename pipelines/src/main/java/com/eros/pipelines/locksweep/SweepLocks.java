package com.eros.pipelines.locksweep;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WriteSpec;
import com.eros.pipelines.alerts.AlertDelivery;
import com.eros.pipelines.alerts.DeliverAlerts;
import com.eros.pipelines.locksweep.LockRules.Verdict;
import com.eros.pipelines.support.AfterAll;
import com.eros.pipelines.support.RunContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The lock sweep (docs/lock-sweep.md) as one composite: read the active locks, classify them with
 * {@link LockRules}, release the selected ones with the port's guarded conditional update (which
 * also records the releasing sweep in {@code released_by}), then — once the updates have committed
 * — account for the releases from the store with {@link SweepLedger}: this sweep's {@code
 * lock_sweep_log} row, plus a row for any earlier sweep that released locks but died before logging
 * them, and the {@code lock_cleanup} alerts (written, delivered, outcome recorded: {@link
 * DeliverAlerts}). The output is this sweep's log row, emitted only after the locks, the log and
 * the alerts are written, so a caller can derive its job row from it.
 *
 * <p>Safety: the update's key is every identifying column of a lock ({@link #KEY_COLUMNS}, NULL
 * matching NULL), guarded by {@code is_active = true}. So a lock is released only when it is still
 * active and still exactly as the sweep read it (to the microsecond): a lock inserted after the
 * read has no row in the update's input and cannot match (unless it duplicates every key column of
 * a read lock, which would make it the same lock); a lock re-planned meanwhile (new send date, new
 * schedule, new assigned_at) no longer matches and is left alone; a lock deactivated meanwhile
 * fails the guard. Nothing is ever deleted. Each rule's release is one write whose commit is
 * idempotent (staging + commit marker per run), so a retried bundle changes nothing more.
 *
 * <p>Write names are prefixed {@code lock_sweep_} so that a pipeline applying this composite with
 * its own job id (daily automation) keeps its own writes distinct.
 */
public final class SweepLocks extends PTransform<PBegin, PCollection<Row>> {
  private static final long serialVersionUID = 1L;
  static final TableDef LOCKS = Tables.ACTIVE_CAPTION_ASSIGNMENTS;

  /** Identify one lock, also when assignment_key is NULL (the update matches them NULL-safely). */
  public static final List<String> KEY_COLUMNS =
      List.of(
          "assignment_key",
          "page_name",
          "caption_id",
          "assigned_at",
          "scheduled_send_date",
          "scheduled_send_hour",
          "schedule_id");

  public static final List<String> SET_COLUMNS =
      List.of("is_active", "deactivated_at", "deactivation_reason", "released_by");

  /** How far back a sweep looks for releases of earlier sweeps that were never logged. */
  public static final Duration LOOK_BACK = Duration.ofDays(7);

  /** Metrics namespace of the sweep's counters. */
  public static final String METRICS = "lock_sweep";

  static final TupleTag<Row> PAST_SEND_DATE = new TupleTag<>("past_send_date") {};
  static final TupleTag<Row> STALE = new TupleTag<>("stale") {};

  private final RunContext run;
  private final SweepConfig cfg;
  private final AlertDelivery alerts;

  /**
   * The sweep of run {@code run} (its job id is the sweep id and the locks' released_by).
   *
   * @param alerts where the lock_cleanup alerts are delivered (channels, routing, cooldown)
   */
  public SweepLocks(RunContext run, SweepConfig cfg, AlertDelivery alerts) {
    this.run = Objects.requireNonNull(run, "run");
    this.cfg = Objects.requireNonNull(cfg, "cfg");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
  }

  /**
   * What the sweep reads: the columns it classifies and matches on, active locks only (in the
   * store).
   */
  public static ReadSpec readSpec() {
    List<String> cols = new ArrayList<>(KEY_COLUMNS);
    cols.add("assigned_date");
    cols.add("is_active");
    return ReadSpec.columns(cols.toArray(new String[0])).where(Filter.eq("is_active", true));
  }

  /**
   * The conditional update releasing locks: set the sweep columns where the key matches and the
   * lock is still active.
   */
  public static WriteSpec releaseSpec() {
    return WriteSpec.update(KEY_COLUMNS, SET_COLUMNS, "is_active", true);
  }

  /** How log rows are written: one row per sweep id, rewritten whole (see {@link SweepLedger}). */
  public static WriteSpec logSpec() {
    return WriteSpec.replaceWhere("sweep_id");
  }

  @Override
  public PCollection<Row> expand(PBegin input) {
    Warehouse wh = run.warehouse();
    String jobId = run.jobId();
    PCollectionView<Long> startMillis =
        input
            .apply("Start", Create.of(0))
            .apply("Note start time", ParDo.of(new NoteStartFn()))
            .apply("As start time", View.asSingleton());

    PCollectionTuple classified =
        input
            .apply("Read active locks", wh.read(LOCKS, readSpec()))
            .apply(
                "Classify locks",
                ParDo.of(new ClassifyLockFn(cfg, jobId))
                    .withOutputTags(PAST_SEND_DATE, TupleTagList.of(STALE)));
    PCollection<Row> past = classified.get(PAST_SEND_DATE).setRowSchema(LOCKS.schema());
    PCollection<Row> stale = classified.get(STALE).setRowSchema(LOCKS.schema());

    PCollection<Long> pastReleased =
        past.apply(
            "Release past-send-date locks",
            wh.write(LOCKS, releaseSpec(), run.writeId(), "lock_sweep_past_send_date"));
    PCollection<Long> staleReleased =
        stale.apply(
            "Release stale locks",
            wh.write(LOCKS, releaseSpec(), run.writeId(), "lock_sweep_stale"));

    // The sum of both commit signals exists only once both updates have committed.
    PCollection<Row> logs =
        PCollectionList.of(pastReleased)
            .and(staleReleased)
            .apply("Join releases", Flatten.pCollections())
            .apply("Total released", Sum.longsGlobally())
            .apply(
                "Account for releases",
                ParDo.of(new AccountFn(wh, cfg, jobId, startMillis)).withSideInputs(startMillis))
            .setRowSchema(Tables.LOCK_SWEEP_LOG.schema());

    PCollection<Long> logWritten =
        logs.apply(
            "Write sweep log",
            wh.write(Tables.LOCK_SWEEP_LOG, logSpec(), run.writeId(), "lock_sweep_log"));
    // Written, then delivered (with the lock_cleanup cooldown), then the outcome recorded on the
    // row.
    PCollection<Row> alertsWritten =
        logs.apply("Raise alerts", ParDo.of(new RaiseAlertsFn(cfg, jobId)))
            .setRowSchema(Tables.AUTOMATION_ALERTS.schema())
            .apply(
                "Write and deliver alerts",
                new DeliverAlerts(wh, run.writeId(), "lock_sweep_alerts", alerts)
                    .withCooldown(SweepAlerts.SOURCE, SweepAlerts::kindOf, cfg.now()));

    return logs.apply(
            "Keep own log row",
            org.apache.beam.sdk.transforms.Filter.by(
                (Row r) -> r.getString("recovered_by") == null))
        .setRowSchema(Tables.LOCK_SWEEP_LOG.schema())
        .apply("Wait for log and alerts", AfterAll.of(logWritten, alertsWritten));
  }

  // ------------------------------------------------------------------ DoFns

  /** Wall-clock start of the sweep, for sweep_duration_seconds only (never for decisions). */
  static final class NoteStartFn extends DoFn<Integer, Long> {
    @ProcessElement
    public void process(OutputReceiver<Long> out) {
      out.output(System.currentTimeMillis());
    }
  }

  /**
   * Applies {@link LockRules}; emits a release row (full table schema) per selected lock, by rule.
   */
  static final class ClassifyLockFn extends DoFn<Row, Row> {
    private final SweepConfig cfg;
    private final Counter read = Metrics.counter(METRICS, "locks_read");
    private final Counter selectedPast = Metrics.counter(METRICS, "selected_past_send_date");
    private final Counter selectedStale = Metrics.counter(METRICS, "selected_stale");
    private final Counter kept = Metrics.counter(METRICS, "kept");
    private final Counter undatable = Metrics.counter(METRICS, "kept_undatable");
    private final Counter nullKeys = Metrics.counter(METRICS, "selected_null_assignment_key");
    private final String jobId;

    ClassifyLockFn(SweepConfig cfg, String jobId) {
      this.cfg = cfg;
      this.jobId = jobId;
    }

    @ProcessElement
    public void process(@Element Row lock, MultiOutputReceiver out) {
      read.inc();
      Boolean active = lock.getBoolean("is_active");
      LocalDate sendDate = lock.getValue("scheduled_send_date");
      Instant assignedAt = Timestamps.get(lock, "assigned_at");
      LocalDate assignedDate = lock.getValue("assigned_date");
      Verdict v =
          LockRules.classify(
              active, sendDate, assignedAt, assignedDate, cfg.now(), cfg.staleLockDays());
      switch (v) {
        case PAST_SEND_DATE -> {
          selectedPast.inc();
          out.get(PAST_SEND_DATE).output(release(lock, v, cfg.now(), jobId));
        }
        case STALE -> {
          selectedStale.inc();
          out.get(STALE).output(release(lock, v, cfg.now(), jobId));
        }
        default -> {
          kept.inc();
          if (LockRules.isUndatable(active, sendDate, assignedAt, assignedDate)) {
            undatable.inc();
          }
        }
      }
      if (v.releases() && lock.getString("assignment_key") == null) {
        nullKeys.inc();
      }
    }
  }

  /**
   * Positions in the locks schema of the columns a release copies from the lock (assigned_date,
   * then the keys).
   */
  private static final int[] COPIED = copiedPositions();

  private static int[] copiedPositions() {
    List<String> names = new ArrayList<>();
    names.add("assigned_date");
    names.addAll(KEY_COLUMNS);
    return names.stream().mapToInt(n -> LOCKS.schema().indexOf(n)).toArray();
  }

  /**
   * The update row of a released lock: its key columns and the sweep columns (the others NULL).
   * Built by position: Beam's by-name row builder resolved field names per call, which was most of
   * the CPU of sweeping 150 000 locks.
   */
  static Row release(Row lock, Verdict verdict, Instant now, String sweepId) {
    org.apache.beam.sdk.schemas.Schema schema = LOCKS.schema();
    Object[] values = new Object[schema.getFieldCount()];
    for (int i : COPIED) {
      values[i] = lock.getValue(schema.getField(i).getName());
    }
    values[schema.indexOf("is_active")] = false;
    values[schema.indexOf("deactivated_at")] = Timestamps.truncate(now);
    values[schema.indexOf("deactivation_reason")] = verdict.name();
    values[schema.indexOf("released_by")] = sweepId;
    return Row.withSchema(schema).attachValues(java.util.Arrays.asList(values));
  }

  /**
   * Once the releases have committed (its input exists only then): reads the releases of the
   * look-back window and the sweeps already logged, and emits the log rows {@link SweepLedger} asks
   * for — this sweep's first. Active locks after are counted in the store, so locks the schedule
   * builder inserted or reactivated during the sweep count too: it is the figure the bloat rule is
   * about.
   */
  static final class AccountFn extends DoFn<Long, Row> {
    private final Warehouse wh;
    private final SweepConfig cfg;
    private final String jobId;
    private final PCollectionView<Long> startView;
    private final Counter recovered = Metrics.counter(METRICS, "unlogged_sweeps_recovered");

    AccountFn(Warehouse wh, SweepConfig cfg, String jobId, PCollectionView<Long> startView) {
      this.wh = wh;
      this.cfg = cfg;
      this.jobId = jobId;
      this.startView = startView;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      Instant since = cfg.now().minus(LOOK_BACK);
      List<SweepLedger.Release> releases = new ArrayList<>();
      for (Row r :
          wh.query(
              LOCKS,
              ReadSpec.columns("released_by", "deactivation_reason", "deactivated_at")
                  .where(Filter.eq("is_active", false))
                  .where(Filter.atLeast("deactivated_at", since)))) {
        releases.add(
            new SweepLedger.Release(
                r.getString("released_by"),
                r.getString("deactivation_reason"),
                Timestamps.get(r, "deactivated_at")));
      }
      Set<String> logged = new HashSet<>();
      for (Row r :
          wh.query(
              Tables.LOCK_SWEEP_LOG,
              ReadSpec.columns("sweep_id")
                  .where(Filter.atLeast("sweep_time", since.minus(Duration.ofDays(1)))))) {
        logged.add(r.getString("sweep_id"));
      }
      long activeAfter =
          wh.count(LOCKS, ReadSpec.columns("is_active").where(Filter.eq("is_active", true)));
      double seconds = Math.max(0, System.currentTimeMillis() - c.sideInput(startView)) / 1000.0;
      for (SweepLedger.Entry e : SweepLedger.entries(jobId, cfg.now(), releases, logged)) {
        if (e.recovered()) {
          recovered.inc();
          c.output(logRow(e, null, null));
        } else {
          c.output(logRow(e, seconds, activeAfter));
        }
      }
    }
  }

  /** A lock_sweep_log row; duration and active locks after are NULL for a recovered sweep. */
  static Row logRow(SweepLedger.Entry e, Double seconds, Long activeAfter) {
    return Row.withSchema(Tables.LOCK_SWEEP_LOG.schema())
        .withFieldValue("sweep_id", e.sweepId())
        .withFieldValue("sweep_time", Timestamps.truncate(e.sweepTime()))
        .withFieldValue("locks_expired_stale", e.stale())
        .withFieldValue("locks_expired_past_date", e.pastSendDate())
        .withFieldValue("total_locks_cleaned", e.total())
        .withFieldValue("sweep_duration_seconds", seconds)
        .withFieldValue("active_locks_after", activeAfter)
        .withFieldValue("recovered_by", e.recoveredBy())
        .build();
  }

  static final class RaiseAlertsFn extends DoFn<Row, Row> {
    private final SweepConfig cfg;
    private final String jobId;
    private final Counter raised = Metrics.counter(METRICS, "alerts_raised");

    RaiseAlertsFn(SweepConfig cfg, String jobId) {
      this.cfg = cfg;
      this.jobId = jobId;
    }

    @ProcessElement
    public void process(@Element Row log, OutputReceiver<Row> out) {
      for (Row alert : alertRows(log, cfg, jobId)) {
        raised.inc();
        out.output(alert);
      }
    }
  }

  /**
   * The automation_alerts rows a log row calls for (a recovered sweep's row has no active count:
   * only the high-volume rule applies to it). Alert ids are per (sweep, rule): written once however
   * many sweeps account for it.
   */
  static List<Row> alertRows(Row log, SweepConfig cfg, String jobId) {
    List<Row> rows = new ArrayList<>();
    Long activeAfter = log.getInt64("active_locks_after");
    String sweepId = log.getString("sweep_id");
    for (SweepAlerts.Alert a :
        SweepAlerts.evaluate(
            log.getInt64("total_locks_cleaned"),
            activeAfter == null ? 0 : activeAfter,
            cfg.highVolumeThreshold(),
            cfg.bloatWarning(),
            cfg.bloatCritical())) {
      String message =
          a.rule()
              + ": "
              + a.message()
              + (sweepId.equals(jobId)
                  ? ""
                  : " (sweep " + sweepId + " died before logging; recovered by " + jobId + ")");
      rows.add(
          Row.withSchema(Tables.AUTOMATION_ALERTS.schema())
              .withFieldValue("alert_id", SweepAlerts.alertId(sweepId, a.rule()))
              .withFieldValue("alert_time", Timestamps.truncate(cfg.now()))
              .withFieldValue("alert_level", a.level())
              .withFieldValue("alert_source", SweepAlerts.SOURCE)
              .withFieldValue("alert_message", message)
              .withFieldValue("job_id", jobId)
              .withFieldValue("acknowledged", false)
              .build());
    }
    return rows;
  }
}
