package com.eros.pipelines.locksweep;

import static com.eros.pipelines.locksweep.TestLocks.lock;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import com.eros.common.table.Column;
import com.eros.common.table.StoredColumn;
import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.testing.Pipelines;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WriteSpec;
import com.eros.duckdb.DuckDbConnections;
import com.eros.duckdb.DuckDbWarehouse;
import com.eros.duckdb.TempDuckDb;
import com.eros.pipelines.alerts.TestAlerts;
import com.eros.pipelines.locksweep.LockRules.Verdict;
import com.eros.pipelines.support.RunContext;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep runs while a "schedule builder" thread inserts 1 000 locks and reactivates and re-plans
 * others in the same DuckDB file. A recording wrapper around the warehouse knows exactly which
 * locks the sweep read and selected, and holds the sweep between its read and its update until the
 * builder has done a batch of changes, so the "changed after the read" cases happen on every run,
 * not by luck of timing.
 *
 * <p>Phases of the builder: A (300 inserts, 50 reactivations) races the sweep's read; B (400
 * inserts, 50 reactivations, 50 re-plans of past-dated locks the sweep has read and selected) runs
 * after the read has finished and before the update may start; then the builder re-plans 50 more
 * selected locks in a transaction it keeps open until the sweep's update has been staged for 2 s,
 * while C (300 inserts) races the staging and the commit. The sweep's commit meets that open
 * transaction (DuckDB reports a write-write conflict; the port retries the commit), so the re-plans
 * must stand. Before the DuckDbWrite fix that writes the key columns in the update, this test
 * caught the sweep releasing locks the builder had re-planned (lock 51:
 * false/PAST_SEND_DATE/2026-12-24).
 */
class SweepLocksConcurrencyTest {
  static final Instant NOW = Instant.parse("2026-11-29T20:00:00Z");
  static final String PAST = "2026-11-20";
  static final String FUTURE = "2026-12-10";
  static final String REPLANNED = "2026-12-24";
  static final String RUN_ID = "sweep-concurrent";

  // Seeded locks, by caption_id.
  static final int PAST_FROM = 1, PAST_TO = 200; // active, send date in the past
  static final int REPLAN_B_TO =
      50; // 1..50 re-planned in phase B (after the read, before the update)
  static final int REPLAN_C_TO = 100; // 51..100 re-planned in a transaction open across the update
  static final int STALE_FROM = 201, STALE_TO = 300; // active, undated, assigned a month ago
  static final int FUTURE_FROM = 301, FUTURE_TO = 500; // active, send date ahead
  static final int INACTIVE_FROM = 501, INACTIVE_TO = 600; // inactive; reactivated by the builder
  static final int INSERT_FROM = 10_001, INSERT_TO = 11_000; // the builder's new locks

  // Hooks shared with the DoFns (same JVM under the DirectRunner).
  static final Set<Long> READ = ConcurrentHashMap.newKeySet();
  static final Set<Long> SELECTED = ConcurrentHashMap.newKeySet();
  static volatile CountDownLatch readDone;
  static volatile CountDownLatch builderPhaseBDone;

  @TempDir Path dir;
  private TempDuckDb db;
  private DuckDbWarehouse wh;

  @BeforeEach
  void open() {
    db = new TempDuckDb(dir);
    wh = db.warehouse();
    READ.clear();
    SELECTED.clear();
    readDone = new CountDownLatch(1);
    builderPhaseBDone = new CountDownLatch(1);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void concurrentInsertsReactivationsAndReplansAreNeitherLostNorOverwritten() throws Exception {
    List<Row> seed = new ArrayList<>();
    for (long id = PAST_FROM; id <= PAST_TO; id++) {
      seed.add(
          lock(id)
              .key(id % 10 == 0 ? null : "key-" + id)
              .send(PAST, 20L)
              .assigned("2026-11-10T00:00:00Z")
              .build());
    }
    for (long id = STALE_FROM; id <= STALE_TO; id++) {
      seed.add(
          lock(id)
              .key(id % 10 == 0 ? null : "key-" + id)
              .send(null, null)
              .assigned("2026-10-29T00:00:00Z")
              .build());
    }
    for (long id = FUTURE_FROM; id <= FUTURE_TO; id++) {
      seed.add(lock(id).send(FUTURE, 12L).assigned("2026-11-28T00:00:00Z").build());
    }
    for (long id = INACTIVE_FROM; id <= INACTIVE_TO; id++) {
      seed.add(
          lock(id)
              .send(PAST, 12L)
              .assigned("2026-11-01T00:00:00Z")
              .active(false)
              .deactivated("2026-11-21T00:00:00Z", "MANUAL")
              .build());
    }
    wh.insertNow(Tables.ACTIVE_CAPTION_ASSIGNMENTS, seed);

    wh.ensureTables(
        List.of(
            Tables.LOCK_SWEEP_LOG,
            Tables.AUTOMATION_ALERTS)); // as a run does: the sweep reads alerts
    Pipeline p = Pipelines.create();
    p.apply(
        "Sweep locks",
        new SweepLocks(
            new RunContext(
                RUN_ID,
                RUN_ID,
                LockSweepPipeline.JOB_NAME,
                new RecordingWarehouse(wh),
                NOW,
                System.currentTimeMillis()),
            SweepConfig.defaults(NOW),
            TestAlerts.unconfigured()));

    AtomicReference<Throwable> builderError = new AtomicReference<>();
    Set<Long> phaseBInserted = ConcurrentHashMap.newKeySet();
    AtomicBoolean stagedBeforeReplanCommit = new AtomicBoolean();
    Thread builder =
        new Thread(
            () -> {
              try {
                long next = INSERT_FROM;
                // Phase A: races the read.
                next = insert(next, 300, null);
                reactivate(INACTIVE_FROM, INACTIVE_FROM + 49);
                assertThat(
                    "the sweep's read finished", readDone.await(120, TimeUnit.SECONDS), is(true));
                // Phase B: after the read, before the update may start.
                next = insert(next, 400, phaseBInserted);
                reactivate(INACTIVE_FROM + 50, INACTIVE_TO);
                for (long id = PAST_FROM; id <= REPLAN_B_TO; id++) {
                  assertThat(replan(id), is(true));
                }
                // The builder starts re-planning 51..100 in a transaction it keeps open while the
                // sweep updates.
                try (DuckDBConnection tx = DuckDbConnections.connect(wh.path())) {
                  tx.setAutoCommit(false);
                  try (PreparedStatement ps =
                      tx.prepareStatement(
                          "UPDATE active_caption_assignments SET scheduled_send_date = "
                              + "CAST(? AS DATE) WHERE caption_id BETWEEN ? AND ? AND is_active")) {
                    ps.setString(1, REPLANNED);
                    ps.setLong(2, REPLAN_B_TO + 1);
                    ps.setLong(3, REPLAN_C_TO);
                    assertThat(ps.executeUpdate(), is(REPLAN_C_TO - REPLAN_B_TO));
                  }
                  builderPhaseBDone.countDown();
                  // Phase C: inserts race the sweep's staging and commit.
                  next = insert(next, 300, null);
                  // Commit the re-plan only once the sweep's update of these locks has committed
                  // (which a
                  // correct port cannot do while this transaction is open: it meets a write-write
                  // conflict
                  // and retries) or has been staged for 2 s (so the commit has run into this
                  // transaction).
                  long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                  long stagedAt = 0;
                  while (System.nanoTime() < deadline && !committed("lock_sweep_past_send_date")) {
                    if (stagedAt == 0 && stagingExists("lock_sweep_past_send_date")) {
                      stagedAt = System.nanoTime();
                      stagedBeforeReplanCommit.set(true);
                    }
                    if (stagedAt != 0
                        && System.nanoTime() - stagedAt > TimeUnit.SECONDS.toNanos(2)) {
                      break;
                    }
                    Thread.sleep(20);
                  }
                  tx.commit();
                }
                assertThat(next, is((long) INSERT_TO + 1));
              } catch (Throwable t) {
                builderError.set(t);
              } finally {
                builderPhaseBDone.countDown();
              }
            },
            "schedule-builder");
    builder.start();
    Pipelines.run(p);
    builder.join(120_000);
    assertThat(builderError.get(), nullValue());
    assertThat(
        "the update was staged while the re-plan transaction was open",
        stagedBeforeReplanCommit.get(),
        is(true));

    Map<Long, Row> rows = new HashMap<>();
    for (Row r : wh.query(Tables.ACTIVE_CAPTION_ASSIGNMENTS, ReadSpec.all())) {
      assertThat("no lock twice", rows.put(r.getInt64("caption_id"), r), nullValue());
    }
    // No lock lost, none deleted: 600 seeded + 1000 inserted.
    assertThat(rows.size(), is(600 + 1000));
    for (long id = INSERT_FROM; id <= INSERT_TO; id++) {
      assertThat("inserted lock " + id + " present", rows.containsKey(id), is(true));
    }

    // What the sweep changed: exactly the rows stamped with its now.
    Set<Long> released = new TreeSet<>();
    Map<String, Long> releasedByReason = new HashMap<>();
    for (Row r : rows.values()) {
      if (isReleasedBySweep(r)) {
        released.add(r.getInt64("caption_id"));
        releasedByReason.merge(r.getString("deactivation_reason"), 1L, Long::sum);
      }
    }
    // Only locks it read and selected; so nothing inserted after its read (phases B and C).
    assertThat(difference(released, SELECTED), empty());
    assertThat(difference(SELECTED, READ), empty());
    for (Long id : phaseBInserted) {
      assertThat("phase B lock " + id + " was not in the read", READ.contains(id), is(false));
    }
    for (long id = INSERT_FROM; id <= INSERT_TO; id++) {
      Row r = rows.get(id);
      if (!READ.contains(id)) {
        assertThat(
            "unread inserted lock " + id + " left active", r.getBoolean("is_active"), is(true));
        assertThat(r.getString("deactivation_reason"), nullValue());
      }
    }
    // Past-dated locks were inserted after the read and survived: the case is exercised.
    long pastInsertedAfterRead =
        phaseBInserted.stream().filter(id -> verdictOf(rows.get(id)) != Verdict.KEEP).count();
    assertThat(pastInsertedAfterRead, greaterThan(0L));

    // Every selected lock that nobody changed after the read is released, with its rule.
    for (Long id : SELECTED) {
      boolean replannedB = id >= PAST_FROM && id <= REPLAN_B_TO;
      boolean replannedC = id > REPLAN_B_TO && id <= REPLAN_C_TO;
      Row r = rows.get(id);
      if (replannedB) {
        // Re-planned after the read: the sweep must not overwrite the builder's change.
        assertThat("re-planned lock " + id, state(r), equalTo("true/null/" + REPLANNED));
      } else if (replannedC) {
        // Changed by a transaction open across the sweep's update, committed first: the change
        // stands.
        assertThat(
            "lock " + id + " re-planned during the update",
            state(r),
            equalTo("true/null/" + REPLANNED));
      } else {
        assertThat("selected lock " + id + " released", released.contains(id), is(true));
        // The released row keeps the columns the sweep classified on, so its rule can be
        // recomputed.
        assertThat(r.getString("deactivation_reason"), equalTo(verdictOf(r).name()));
      }
    }
    // Seeded past and stale locks not re-planned were all read and released; reactivated ones stay
    // active.
    for (long id = REPLAN_C_TO + 1; id <= STALE_TO; id++) {
      assertThat("seeded lock " + id, released.contains(id), is(true));
    }
    for (long id = INACTIVE_FROM; id <= INACTIVE_TO; id++) {
      assertThat("reactivated lock " + id, state(rows.get(id)), equalTo("true/null/" + FUTURE));
    }
    for (long id = FUTURE_FROM; id <= FUTURE_TO; id++) {
      assertThat("future lock " + id, rows.get(id).getBoolean("is_active"), is(true));
    }

    // Released exactly once: the log's counts are the rows that changed, per rule.
    Row log = wh.query(Tables.LOCK_SWEEP_LOG, ReadSpec.all()).get(0);
    assertThat(
        log.getInt64("locks_expired_past_date"),
        equalTo(releasedByReason.getOrDefault("PAST_SEND_DATE", 0L)));
    assertThat(
        log.getInt64("locks_expired_stale"), equalTo(releasedByReason.getOrDefault("STALE", 0L)));
    assertThat(log.getInt64("total_locks_cleaned"), equalTo((long) released.size()));
    long activeNow =
        rows.values().stream().filter(r -> Boolean.TRUE.equals(r.getBoolean("is_active"))).count();
    // Counted after the update committed: at most what is active now, at least that minus phase C's
    // 300 inserts.
    assertThat(log.getInt64("active_locks_after"), lessThanOrEqualTo(activeNow));
    assertThat(log.getInt64("active_locks_after"), greaterThanOrEqualTo(activeNow - 300));
    long phaseARead = READ.stream().filter(id -> id >= INSERT_FROM).count();
    System.out.printf(
        "concurrency: read %d locks (%d of them inserted in phase A), selected %d, released %d%n",
        READ.size(), phaseARead, SELECTED.size(), released.size());
  }

  // ------------------------------------------------------------------ the builder's operations

  private long insert(long from, int n, Set<Long> record) {
    List<Row> batch = new ArrayList<>();
    for (long id = from; id < from + n; id++) {
      int kind = (int) (id % 4);
      TestLocks.Builder b =
          lock(id).key(id % 9 == 0 ? null : "new-" + id).assigned("2026-11-29T19:00:00Z");
      switch (kind) {
        case 0 -> b.send("2026-11-25", 18L); // past send date
        case 1 -> b.send(null, null).assigned("2026-11-01T00:00:00Z"); // stale
        default -> b.send(FUTURE, 18L);
      }
      batch.add(b.build());
      if (batch.size() == 50) {
        wh.insertNow(Tables.ACTIVE_CAPTION_ASSIGNMENTS, batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      wh.insertNow(Tables.ACTIVE_CAPTION_ASSIGNMENTS, batch);
    }
    if (record != null) {
      for (long id = from; id < from + n; id++) {
        record.add(id);
      }
    }
    return from + n;
  }

  private void reactivate(long from, long to) {
    retryOnConflict(
        () ->
            wh.execute(
                "UPDATE active_caption_assignments SET is_active = true, deactivated_at = NULL, "
                    + "deactivation_reason = NULL, scheduled_send_date = CAST(? AS DATE) WHERE caption_id BETWEEN ? AND ?",
                FUTURE,
                from,
                to));
  }

  /** Moves an active lock to a later send date; false when it was no longer active. */
  private Boolean replan(long id) {
    boolean[] changed = {false};
    retryOnConflict(
        () -> {
          Object n =
              wh.scalar(
                  "UPDATE active_caption_assignments SET scheduled_send_date = CAST(? AS DATE) "
                      + "WHERE caption_id = ? AND is_active RETURNING caption_id",
                  REPLANNED,
                  id);
          changed[0] = n != null;
        });
    return changed[0];
  }

  /**
   * Whether the sweep's staging table of a write exists (created before its commit, dropped by it).
   */
  private boolean stagingExists(String writeName) {
    String name =
        ("_stg_active_caption_assignments_" + writeName + "_" + RUN_ID)
            .replaceAll("[^A-Za-z0-9_]", "_");
    return wh.tableExists(name);
  }

  /** Whether the sweep's write has committed (the port records a marker per run and write). */
  private boolean committed(String writeName) {
    return wh.tableExists("_eros_commits")
        && wh.longScalar(
                "SELECT count(*) FROM _eros_commits WHERE run_id = ? AND write_name = ?",
                RUN_ID,
                writeName)
            > 0;
  }

  private static void retryOnConflict(Runnable r) {
    for (int attempt = 1; ; attempt++) {
      try {
        r.run();
        return;
      } catch (IllegalStateException e) {
        if (attempt >= 50 || !String.valueOf(e.getMessage()).toLowerCase().contains("conflict")) {
          throw e;
        }
        try {
          Thread.sleep(5L * attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  private static boolean isReleasedBySweep(Row r) {
    return Boolean.FALSE.equals(r.getBoolean("is_active"))
        && NOW.equals(Timestamps.get(r, "deactivated_at"));
  }

  private static String state(Row r) {
    return r.getBoolean("is_active")
        + "/"
        + r.getString("deactivation_reason")
        + "/"
        + r.getValue("scheduled_send_date");
  }

  private static Verdict verdictOf(Row r) {
    return LockRules.classify(
        true,
        r.getValue("scheduled_send_date"),
        Timestamps.get(r, "assigned_at"),
        r.getValue("assigned_date"),
        NOW,
        SweepConfig.DEFAULT_STALE_LOCK_DAYS);
  }

  private static Set<Long> difference(Collection<Long> a, Collection<Long> b) {
    Set<Long> d = new TreeSet<>(a);
    d.removeAll(b);
    return d;
  }

  // ------------------------------------------------------------------ the recording warehouse

  /**
   * Delegates to DuckDB; records the locks read and selected, and holds the sweep after its read
   * until phase B is done.
   */
  static final class RecordingWarehouse implements Warehouse {
    private final Warehouse delegate;

    RecordingWarehouse(Warehouse delegate) {
      this.delegate = delegate;
    }

    @Override
    public String spec() {
      return delegate.spec();
    }

    @Override
    public void ensureTables(Collection<TableDef> tables) {
      delegate.ensureTables(tables);
    }

    @Override
    public void open(boolean mayCreate) {
      delegate.open(mayCreate);
    }

    @Override
    public Optional<List<StoredColumn>> describe(TableDef table) {
      return delegate.describe(table);
    }

    @Override
    public void addColumns(TableDef table, List<Column> columns) {
      delegate.addColumns(table, columns);
    }

    @Override
    public int dropStaleStaging(Duration maxAge) {
      return delegate.dropStaleStaging(maxAge);
    }

    @Override
    public PTransform<PCollection<Row>, PCollection<Long>> writeIf(
        TableDef table,
        WriteSpec spec,
        String runId,
        String writeName,
        PCollectionView<Boolean> proceed) {
      return delegate.writeIf(table, spec, runId, writeName, proceed);
    }

    @Override
    public PTransform<PBegin, PCollection<Row>> read(TableDef table, ReadSpec spec) {
      PTransform<PBegin, PCollection<Row>> inner = delegate.read(table, spec);
      return new PTransform<>() {
        @Override
        public PCollection<Row> expand(PBegin input) {
          PCollection<Row> rows =
              input
                  .apply("Read", inner)
                  .apply("Record read", ParDo.of(new RecordFn(READ_SET)))
                  .setRowSchema(spec.schema(table));
          PCollection<Long> done =
              rows.apply("Count read", Count.globally()).apply("Hold", ParDo.of(new HoldFn()));
          return rows.apply("After hold", Wait.on(done)).setRowSchema(spec.schema(table));
        }
      };
    }

    @Override
    public PTransform<PBegin, PCollection<KV<String, List<Row>>>> readGrouped(
        TableDef table, ReadSpec spec, String keyColumn) {
      return delegate.readGrouped(table, spec, keyColumn);
    }

    @Override
    public PTransform<PCollection<Row>, PCollection<Long>> write(
        TableDef table, WriteSpec spec, String runId, String writeName) {
      PTransform<PCollection<Row>, PCollection<Long>> inner =
          delegate.write(table, spec, runId, writeName);
      if (spec.mode() != WriteSpec.Mode.UPDATE) {
        return inner;
      }
      return new PTransform<>() {
        @Override
        public PCollection<Long> expand(PCollection<Row> input) {
          return input
              .apply("Record selected", ParDo.of(new RecordFn(SELECTED_SET)))
              .setRowSchema(input.getSchema())
              .apply("Update", inner);
        }
      };
    }

    @Override
    public List<Row> query(TableDef table, ReadSpec spec) {
      return delegate.query(table, spec);
    }

    @Override
    public void insertNow(TableDef table, List<Row> rows) {
      delegate.insertNow(table, rows);
    }

    @Override
    public void truncateNow(TableDef table) {
      delegate.truncateNow(table);
    }
  }

  static final int READ_SET = 0;
  static final int SELECTED_SET = 1;

  static final class RecordFn extends DoFn<Row, Row> {
    private final int which;

    RecordFn(int which) {
      this.which = which;
    }

    @ProcessElement
    public void process(@Element Row r, OutputReceiver<Row> out) {
      (which == READ_SET ? READ : SELECTED).add(r.getInt64("caption_id"));
      out.output(r);
    }
  }

  /** Runs once the whole read is done: lets the builder start phase B and waits for it. */
  static final class HoldFn extends DoFn<Long, Long> {
    @ProcessElement
    public void process(@Element Long n, OutputReceiver<Long> out) throws InterruptedException {
      readDone.countDown();
      if (!builderPhaseBDone.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the builder did not finish phase B");
      }
      out.output(n);
    }
  }
}
