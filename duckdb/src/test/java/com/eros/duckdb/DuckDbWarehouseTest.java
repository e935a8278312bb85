package com.eros.duckdb;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.testing.Pipelines;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.WriteSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbWarehouseTest {
  private static final TableDef Q = Tables.SCHEDULE_GENERATION_QUEUE;
  private static final TableDef LOCKS = Tables.ACTIVE_CAPTION_ASSIGNMENTS;
  private static final TableDef MSG = Tables.MASS_MESSAGES;

  @TempDir Path dir;
  private TempDuckDb db;
  private DuckDbWarehouse wh;

  @BeforeEach
  void open() {
    db = new TempDuckDb(dir);
    wh = db.warehouse();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static Row queueRow(String page, LocalDate date, String status, double sat) {
    return Row.withSchema(Q.schema())
        .withFieldValue("page_name", page)
        .withFieldValue("execution_date", date)
        .withFieldValue("saturation_pct", sat)
        .withFieldValue("queued_at", java.time.Instant.ofEpochMilli(1_700_000_000_000L))
        .withFieldValue("status", status)
        .build();
  }

  private void write(TableDef t, WriteSpec spec, String runId, List<Row> rows) {
    Pipeline p = Pipelines.create();
    PCollection<Long> done =
        p.apply(Create.of(rows).withRowSchema(t.schema())).apply(wh.write(t, spec, runId, "w"));
    Pipelines.run(p);
  }

  private Map<String, String> queueStatus() {
    Map<String, String> m = new TreeMap<>();
    for (Row r : wh.query(Q, ReadSpec.columns("page_name", "execution_date", "status"))) {
      m.put(r.getString("page_name") + "@" + r.getValue("execution_date"), r.getString("status"));
    }
    return m;
  }

  @Test
  void createsEveryTableWithTheColumnsOfItsDefinition() {
    wh.ensureTables(Tables.ALL);
    for (TableDef t : Tables.ALL) {
      List<String> cols = new ArrayList<>();
      List<Row> rows = new ArrayList<>();
      Object n =
          wh.scalar(
              "SELECT count(*) FROM information_schema.columns WHERE table_name = ?", t.name());
      assertThat(t.name(), ((Number) n).intValue(), equalTo(t.columns().size()));
      for (var c : t.columns()) {
        Object type =
            wh.scalar(
                "SELECT data_type FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
                t.name(),
                c.name());
        assertThat(t.name() + "." + c.name(), type, equalTo(c.type().duckDb()));
        Object nullable =
            wh.scalar(
                "SELECT is_nullable FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
                t.name(),
                c.name());
        assertThat(t.name() + "." + c.name(), nullable, equalTo(c.required() ? "NO" : "YES"));
      }
    }
  }

  @Test
  void appendsAndReadsWithProjectionAndTimeWindow() {
    Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(
          Row.withSchema(MSG.schema())
              .withFieldValue("message_id", (long) i)
              .withFieldValue("page_name", "p" + (i % 2))
              .withFieldValue("sending_time", i == 9 ? null : t0.plusSeconds(3600L * i))
              .withFieldValue("earnings", 1.5 * i)
              .withFieldValue("sent_count", 10L)
              .build());
    }
    write(MSG, WriteSpec.append(), "run1", rows);

    // [t0+2h, t0+5h) holds ids 2,3,4; NULL times only with betweenOrNull.
    List<Row> window =
        wh.query(
            MSG,
            ReadSpec.columns("message_id", "earnings")
                .where(
                    Filter.between("sending_time", t0.plusSeconds(7200), t0.plusSeconds(18000))));
    assertThat(ids(window), containsInAnyOrder(2L, 3L, 4L));
    assertThat(
        window.get(0).getSchema().getFieldNames(), equalTo(List.of("message_id", "earnings")));
    List<Row> withNull =
        wh.query(
            MSG,
            ReadSpec.columns("message_id")
                .where(
                    Filter.betweenOrNull(
                        "sending_time", t0.plusSeconds(7200), t0.plusSeconds(18000))));
    assertThat(ids(withNull), containsInAnyOrder(2L, 3L, 4L, 9L));

    // Counted in the store, with the same filters (NULL times included only by betweenOrNull).
    assertThat(
        wh.count(
            MSG,
            ReadSpec.columns("message_id")
                .where(
                    Filter.between("sending_time", t0.plusSeconds(7200), t0.plusSeconds(18000)))),
        equalTo(3L));
    assertThat(
        wh.count(
            MSG,
            ReadSpec.columns("message_id")
                .where(
                    Filter.betweenOrNull(
                        "sending_time", t0.plusSeconds(7200), t0.plusSeconds(18000)))
                .where(Filter.eq("page_name", "p1"))),
        equalTo(2L)); // ids 3 and 9
    assertThat(wh.count(MSG, ReadSpec.all()), equalTo(10L));
    assertThat("a missing table has no rows", wh.count(Q, ReadSpec.all()), equalTo(0L));

    // The same through the Beam read transform.
    Pipeline p = Pipelines.create();
    PCollection<Long> read =
        p.apply(
                wh.read(
                    MSG,
                    ReadSpec.columns("message_id", "page_name")
                        .where(
                            Filter.between(
                                "sending_time", t0.plusSeconds(7200), t0.plusSeconds(18000)))))
            .apply(MapElements.into(TypeDescriptors.longs()).via(r -> r.getInt64("message_id")));
    PAssert.that(read).containsInAnyOrder(2L, 3L, 4L);
    Pipelines.run(p);
  }

  @Test
  void readsGroupedByPage() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rows.add(
          Row.withSchema(MSG.schema())
              .withFieldValue("message_id", (long) i)
              .withFieldValue("page_name", i < 3 ? null : "page" + (i % 5))
              .build());
    }
    write(MSG, WriteSpec.append(), "run1", rows);
    Pipeline p = Pipelines.create();
    PCollection<String> sizes =
        p.apply(wh.readGrouped(MSG, ReadSpec.columns("message_id", "page_name"), "page_name"))
            .apply(
                MapElements.into(TypeDescriptors.strings())
                    .via(kv -> kv.getKey() + "=" + kv.getValue().size()));
    // 27 named rows over 5 pages (i % 5 for i in 3..29) and 3 NULL pages grouped under "".
    PAssert.that(sizes)
        .containsInAnyOrder("=3", "page0=5", "page1=5", "page2=5", "page3=6", "page4=6");
    Pipelines.run(p);
  }

  @Test
  void replaceIsAtomicAndRepeatable() {
    LocalDate d = LocalDate.parse("2026-11-29");
    write(
        Q,
        WriteSpec.replace(),
        "r1",
        List.of(queueRow("a", d, "PENDING", 1), queueRow("b", d, "PENDING", 2)));
    write(Q, WriteSpec.replace(), "r2", List.of(queueRow("c", d, "PENDING", 3)));
    assertThat(queueStatus().keySet(), containsInAnyOrder("c@2026-11-29"));

    // A retried commit of run r2 (same run id and write name) changes nothing.
    write(Q, WriteSpec.replace(), "r2", List.of(queueRow("x", d, "PENDING", 3)));
    assertThat(queueStatus().keySet(), containsInAnyOrder("c@2026-11-29"));

    // A failing replace (status is REQUIRED) leaves the old table intact.
    // Rows built with a lax schema reach the store, where the NOT NULL of status rejects the
    // commit.
    org.apache.beam.sdk.schemas.Schema lax =
        org.apache.beam.sdk.schemas.Schema.builder()
            .addFields(Q.schema().getFields().stream().map(f -> f.withNullable(true)).toList())
            .build();
    Row good = Row.withSchema(lax).addValues(queueRow("y", d, "PENDING", 1).getValues()).build();
    Row bad =
        Row.withSchema(lax)
            .withFieldValue("page_name", "z")
            .withFieldValue("execution_date", d)
            .withFieldValue("queued_at", java.time.Instant.parse("2026-11-29T10:00:00.000001Z"))
            .build();
    assertThrows(
        RuntimeException.class,
        () -> {
          Pipeline p = Pipelines.create();
          p.apply(Create.of(List.of(good, bad)).withRowSchema(lax))
              .apply(wh.write(Q, WriteSpec.replace(), "r3", "w"));
          Pipelines.run(p);
        });
    assertThat(queueStatus().keySet(), containsInAnyOrder("c@2026-11-29"));

    // Replacing with nothing empties the table.
    write(Q, WriteSpec.replace(), "r4", List.of());
    assertThat(queueStatus().size(), is(0));
  }

  /** Stages one queue row for page {@code page} of run {@code runId} under {@code bundle}. */
  private String stage(String runId, String page, String bundle) throws Exception {
    String staging = DuckDbWrite.stagingName(Q, runId, "w");
    DuckDbWrite.ensureStaging(wh.path(), Q, staging);
    wh.execute(
        "INSERT INTO "
            + staging
            + " (page_name, execution_date, saturation_pct, queued_at, status, _bundle)"
            + " VALUES (?, DATE '2026-11-29', 1.0, TIMESTAMP '2026-11-29 10:00:00', 'PENDING', ?)",
        page,
        bundle);
    return staging;
  }

  @Test
  void rowsStagedByADiscardedBundleAttemptAreNeverCommitted() throws Exception {
    LocalDate d = LocalDate.parse("2026-11-29");
    // A bundle of run r9 staged a row, then failed: the runner discarded its output (its bundle
    // id) and retried the elements in a bundle of another id.
    String staging = stage("r9", "ghost", "discarded-attempt");

    write(
        Q,
        WriteSpec.append(),
        "r9",
        List.of(queueRow("a", d, "PENDING", 1), queueRow("b", d, "PENDING", 2)));

    assertThat(queueStatus().keySet(), containsInAnyOrder("a@2026-11-29", "b@2026-11-29"));
    assertThat(wh.tableExists(staging), is(false));
  }

  /** {@code n} PENDING queue rows for pages p0 … p(n-1), emitted from one element. */
  static final class QueueRowsFn extends DoFn<Integer, Row> {
    @ProcessElement
    public void process(@Element Integer n, OutputReceiver<Row> out) {
      for (int i = 0; i < n; i++) {
        out.output(queueRow("p" + i, LocalDate.parse("2026-11-29"), "PENDING", i));
      }
    }
  }

  @Test
  void aBundleLargerThanOneFlushIsStagedInPiecesAndCommittedWhole() {
    Pipeline p = Pipelines.create();
    PCollection<Long> committed =
        p.apply(Create.of(5))
            // one input element's outputs are one bundle: 5 rows, flushed as 2 + 2 + 1
            .apply(ParDo.of(new QueueRowsFn()))
            .setRowSchema(Q.schema())
            .apply(new DuckDbWrite(wh.path(), Q, WriteSpec.append(), "r11", "w", null, 2));
    // the commit checks the staged count against what the bundles reported over their flushes
    PAssert.that(committed).containsInAnyOrder(5L);
    Pipelines.run(p);

    assertThat(queueStatus().size(), is(5));
  }

  @Test
  void aCommitRefusesStagingThatDoesNotHoldWhatTheBundlesReported() throws Exception {
    String staging = stage("r10", "a", "b1");
    stage("r10", "b", "b1");
    stage("r10", "c", "b2");
    try (org.duckdb.DuckDBConnection conn = DuckDbConnections.connect(wh.path())) {
      conn.setAutoCommit(false);
      // b1 reported 2 rows and b2 was discarded: b2's row goes, b1's two stay.
      DuckDbWrite.keepOnly(conn, staging, List.of("b1"), 2);
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> DuckDbWrite.keepOnly(conn, staging, List.of("b1"), 3));
      assertThat(
          e.getMessage(),
          equalTo(
              "staging table "
                  + staging
                  + " holds 2 rows of the committed bundles, which reported 3: nothing committed"));
      conn.rollback();
    }
  }

  @Test
  void aWindowedInputIsRefusedWithTheReason() {
    Pipeline p = Pipelines.create();
    PCollection<Row> windowed =
        p.apply(
                "Rows",
                Create.of(queueRow("a", LocalDate.of(2026, 11, 29), "PENDING", 0.5))
                    .withRowSchema(Q.schema()))
            .apply("Window", Window.into(FixedWindows.of(org.joda.time.Duration.standardHours(1))));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> windowed.apply(wh.write(Q, WriteSpec.append(), "run-w", "queue")));
    assertThat(
        e.getMessage(),
        containsString("a DuckDB write handles globally windowed batch collections only"));
    assertThat(e.getMessage(), containsString("FixedWindows"));
  }

  @Test
  void insertIfAbsentNeverTouchesExistingRows() {
    LocalDate d = LocalDate.parse("2026-11-29");
    write(
        Q,
        WriteSpec.insertIfAbsent("page_name", "execution_date"),
        "r1",
        List.of(queueRow("a", d, "PENDING", 1)));
    wh.execute("UPDATE schedule_generation_queue SET status = 'PROCESSING' WHERE page_name = 'a'");
    write(
        Q,
        WriteSpec.insertIfAbsent("page_name", "execution_date"),
        "r2",
        List.of(
            queueRow("a", d, "PENDING", 9),
            queueRow("b", d, "PENDING", 2),
            queueRow("b", d, "PENDING", 2),
            queueRow("a", d.plusDays(1), "PENDING", 1)));
    assertThat(
        queueStatus(),
        equalTo(
            new TreeMap<>(
                Map.of(
                    "a@2026-11-29",
                    "PROCESSING",
                    "b@2026-11-29",
                    "PENDING",
                    "a@2026-11-30",
                    "PENDING"))));
    Object sat =
        wh.scalar(
            "SELECT saturation_pct FROM schedule_generation_queue WHERE page_name = 'a' AND execution_date = DATE '2026-11-29'");
    assertThat(sat, equalTo(1.0));
  }

  @Test
  void updateOnlyChangesMatchingGuardedRowsAndMatchesNullKeys() {
    List<Row> locks =
        List.of(
            lock("k1", "p", 1L, true),
            lock(null, "p", 2L, true),
            lock("k3", "p", 3L, false),
            lock("k4", "p", 4L, true));
    write(LOCKS, WriteSpec.append(), "seed", locks);
    List<Row> sweep = new ArrayList<>();
    for (Row l : List.of(locks.get(0), locks.get(1), locks.get(2))) {
      sweep.add(
          Row.fromRow(l)
              .withFieldValue("is_active", false)
              .withFieldValue("deactivation_reason", "STALE")
              .withFieldValue("deactivated_at", java.time.Instant.ofEpochSecond(0, 5_000))
              .build());
    }
    WriteSpec spec =
        WriteSpec.update(
            List.of("assignment_key", "page_name", "caption_id"),
            List.of("is_active", "deactivated_at", "deactivation_reason"),
            "is_active",
            true);
    Pipeline p = Pipelines.create();
    PCollection<Long> changed =
        p.apply(Create.of(sweep).withRowSchema(LOCKS.schema()))
            .apply(wh.write(LOCKS, spec, "sweep1", "w"));
    PAssert.that(changed).containsInAnyOrder(2L); // k3 was inactive already
    Pipelines.run(p);

    Map<Long, String> state = new TreeMap<>();
    for (Row r :
        wh.query(LOCKS, ReadSpec.columns("caption_id", "is_active", "deactivation_reason"))) {
      state.put(
          r.getInt64("caption_id"),
          r.getBoolean("is_active") + "/" + r.getString("deactivation_reason"));
    }
    assertThat(
        state,
        equalTo(
            new TreeMap<>(
                Map.of(1L, "false/STALE", 2L, "false/STALE", 3L, "false/null", 4L, "true/null"))));
    assertThat(wh.query(LOCKS, ReadSpec.all()).size(), is(4));
  }

  @Test
  void replaceWhereSwapsOnlyTheNamedDate() {
    LocalDate d = LocalDate.parse("2026-11-29");
    write(
        Q,
        WriteSpec.append(),
        "r0",
        List.of(queueRow("a", d, "PENDING", 1), queueRow("b", d.minusDays(1), "PENDING", 1)));
    write(
        Q, WriteSpec.replaceWhere("execution_date"), "r1", List.of(queueRow("c", d, "PENDING", 1)));
    assertThat(queueStatus().keySet(), containsInAnyOrder("c@2026-11-29", "b@2026-11-28"));
  }

  @Test
  void roundTripsEveryType() {
    Row r =
        Row.withSchema(LOCKS.schema())
            .withFieldValue("assignment_key", "k")
            .withFieldValue("caption_id", 42L)
            .withFieldValue("assigned_date", LocalDate.parse("2024-02-29"))
            .withFieldValue(
                "assigned_at",
                java.time.Instant.parse("2026-03-08T10:30:00.123457Z")) // microseconds kept
            .withFieldValue(
                "deactivated_at",
                java.time.Instant.parse("1969-12-31T23:59:59.999999Z")) // before the epoch too
            .withFieldValue("is_active", true)
            .build();
    wh.insertNow(LOCKS, List.of(r));
    Row back = wh.query(LOCKS, ReadSpec.all()).get(0);
    assertThat(back, equalTo(r));
    assertThat(back.getValue("scheduled_send_date"), nullValue());
  }

  private static Row lock(String key, String page, long caption, boolean active) {
    return Row.withSchema(LOCKS.schema())
        .withFieldValue("assignment_key", key)
        .withFieldValue("page_name", page)
        .withFieldValue("caption_id", caption)
        .withFieldValue("is_active", active)
        .build();
  }

  private static List<Long> ids(List<Row> rows) {
    List<Long> ids = new ArrayList<>();
    for (Row r : rows) {
      ids.add(r.getInt64("message_id"));
    }
    return ids;
  }
}
