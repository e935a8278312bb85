package com.eros.pipelines.locksweep;

import static com.eros.pipelines.locksweep.TestLocks.lock;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.duckdb.DuckDbWarehouse;
import com.eros.duckdb.TempDuckDb;
import com.eros.pipelines.support.TestRuns;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on a DuckDB file: the pipeline as ./eros runs it, with Beam's checks on. */
class SweepLocksTest {
  static final String NOW =
      "2026-11-29T20:00:00Z"; // 12:00 PST; today T = 2026-11-29, stale cutoff 2026-11-22T20:00Z

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

  private static final List<Row> LOCKS =
      List.of(
          lock(1).text("a past").send("2026-11-28", 21L).assigned("2026-11-20T10:00:00Z").build(),
          lock(2)
              .text("b past null key")
              .key(null)
              .page("p1")
              .send("2026-11-01", 9L)
              .assigned("2026-10-30T10:00:00Z")
              .build(),
          // Same page, caption and NULL key as b, planned for today: must stay.
          lock(2)
              .text("c today null key")
              .key(null)
              .page("p1")
              .send("2026-11-29", 9L)
              .assigned("2026-10-30T10:00:00Z")
              .build(),
          lock(4).text("d stale").send(null, null).assigned("2026-11-20T00:00:00Z").build(),
          lock(5)
              .text("e stale by date null key")
              .key(null)
              .send(null, null)
              .assigned(null)
              .assignedDate("2026-11-10")
              .build(),
          lock(6)
              .text("f recent undated")
              .send(null, null)
              .assigned("2026-11-25T00:00:00Z")
              .build(),
          lock(7).text("g no dates").clearAll().active(true).build(),
          lock(8)
              .text("h inactive past")
              .send("2026-11-01", 8L)
              .active(false)
              .deactivated("2026-11-02T00:00:00Z", "MANUAL")
              .build(),
          lock(9)
              .text("i future old")
              .send("2026-12-05", 10L)
              .assigned("2026-10-01T00:00:00Z")
              .build(),
          lock(10).text("j unknown state").key(null).send("2026-11-01", 8L).active(null).build());

  private LockSweepOptions options(String jobId) {
    return TestRuns.options(
        LockSweepOptions.class,
        "--warehouse=" + wh.spec(),
        "--jobId=" + jobId,
        "--now=" + NOW,
        "--highVolumeThreshold=3",
        "--bloatWarning=3",
        "--bloatCritical=10");
  }

  private String sweep(String jobId) {
    StringBuilder out = new StringBuilder();
    assertThat(TestRuns.run(new LockSweepPipeline(), options(jobId), out).exitCode(), is(0));
    return out.toString();
  }

  private Map<String, Row> locksByText() {
    Map<String, Row> m = new TreeMap<>();
    for (Row r : wh.query(Tables.ACTIVE_CAPTION_ASSIGNMENTS, ReadSpec.all())) {
      m.put(r.getString("caption_text"), r);
    }
    return m;
  }

  private static String state(Row r) {
    return r.getBoolean("is_active")
        + "/"
        + r.getString("deactivation_reason")
        + "/"
        + Timestamps.get(r, "deactivated_at");
  }

  @Test
  void locksWithMicrosecondTimestampsAreSweptAndKeepTheirDigits() {
    // BigQuery TIMESTAMPs carry microseconds; the guarded update must match them exactly.
    List<Row> micro =
        List.of(
            lock(21)
                .text("past, micro assigned_at")
                .send("2026-11-28", 21L)
                .assigned("2026-11-20T10:00:00.123456Z")
                .build(),
            lock(22)
                .text("stale, micro assigned_at")
                .send(null, null)
                .assigned("2026-11-20T00:00:00.000001Z")
                .build(),
            lock(23)
                .text("recent, micro assigned_at")
                .send(null, null)
                .assigned("2026-11-22T20:00:00.000001Z")
                .build());
    wh.insertNow(Tables.ACTIVE_CAPTION_ASSIGNMENTS, micro);

    String out = sweep("job-micro");

    Map<String, Row> after = locksByText();
    assertThat(state(after.get("past, micro assigned_at")), equalTo("false/PAST_SEND_DATE/" + NOW));
    assertThat(state(after.get("stale, micro assigned_at")), equalTo("false/STALE/" + NOW));
    // 1 µs after the stale cut-off (now - 7 x 24 h): kept
    assertThat(state(after.get("recent, micro assigned_at")), equalTo("true/null/null"));
    assertThat(
        Timestamps.get(after.get("past, micro assigned_at"), "assigned_at"),
        equalTo(Instant.parse("2026-11-20T10:00:00.123456Z")));
    assertThat(out, not(containsString("left alone")));
  }

  @Test
  void sweepsReleasesLogsAlertsAndIsIdempotent() {
    wh.insertNow(Tables.ACTIVE_CAPTION_ASSIGNMENTS, LOCKS);
    Map<String, Row> before = locksByText();

    String out1 = sweep("job-1");

    Map<String, Row> after = locksByText();
    assertThat(after.size(), is(LOCKS.size())); // nothing deleted, nothing added
    Map<String, String> expected =
        new TreeMap<>(
            Map.of(
                "a past", "false/PAST_SEND_DATE/" + NOW,
                "b past null key", "false/PAST_SEND_DATE/" + NOW,
                "d stale", "false/STALE/" + NOW,
                "e stale by date null key", "false/STALE/" + NOW));
    for (Map.Entry<String, Row> e : before.entrySet()) {
      Row was = e.getValue();
      Row now = after.get(e.getKey());
      if (expected.containsKey(e.getKey())) {
        assertThat(e.getKey(), state(now), equalTo(expected.get(e.getKey())));
        // Only the three sweep columns changed.
        for (String c : Tables.ACTIVE_CAPTION_ASSIGNMENTS.columnNames()) {
          if (!SweepLocks.SET_COLUMNS.contains(c)) {
            assertThat(e.getKey() + "." + c, now.getValue(c), equalTo(was.getValue(c)));
          }
        }
      } else {
        assertThat(e.getKey() + " untouched", now, equalTo(was));
      }
    }

    List<Row> logs = wh.query(Tables.LOCK_SWEEP_LOG, ReadSpec.all());
    assertThat(logs, hasSize(1));
    Row log = logs.get(0);
    assertThat(log.getString("sweep_id"), is("job-1"));
    assertThat(Timestamps.get(log, "sweep_time"), is(Instant.parse(NOW)));
    assertThat(log.getInt64("locks_expired_past_date"), is(2L));
    assertThat(log.getInt64("locks_expired_stale"), is(2L));
    assertThat(log.getInt64("total_locks_cleaned"), is(4L));
    assertThat(log.getInt64("active_locks_after"), is(4L)); // c, f, g, i (j has is_active NULL)

    // 4 released > 3: high volume; 4 active > 3 (and not > 10): bloat WARNING.
    assertThat(
        alerts(),
        containsInAnyOrder(
            "lock_cleanup:lock_cleanup_high_volume:job-1/WARNING/job-1",
            "lock_cleanup:lock_table_bloat:job-1/WARNING/job-1"));

    List<Row> jobs = wh.query(Tables.ETL_JOB_RUNS, ReadSpec.all());
    assertThat(jobs, hasSize(1));
    assertThat(jobs.get(0).getString("job_name"), is("lock_sweep"));
    assertThat(jobs.get(0).getString("job_status"), is("SUCCESS"));
    assertThat(jobs.get(0).getValue("execution_date"), equalTo(LocalDate.parse("2026-11-29")));
    assertThat(jobs.get(0).getString("error_message"), nullValue());

    assertThat(
        out1,
        matchesPattern(
            "(?s).*released PAST_SEND_DATE +2\\n.*released STALE +2\\n.*released total +4\\n.*"
                + "kept without any date +1\\n.*active locks after +4\\n.*alerts written +2\\n.*"));
    assertThat(out1, containsString("WARNING  lock_table_bloat: 4 active locks"));

    // The same job id again is refused before it reads anything: a job id names one run.
    TestRuns.Exec again =
        TestRuns.exec(
            new LockSweepPipeline(), "--warehouse=" + wh.spec(), "--jobId=job-1", "--now=" + NOW);
    assertThat(again.code(), is(2));
    assertThat(again.err(), containsString("--jobId=job-1 already ran"));
    assertThat(again.out(), not(containsString("released")));
    assertThat(locksByText(), equalTo(after));
    assertThat(wh.query(Tables.LOCK_SWEEP_LOG, ReadSpec.all()), hasSize(1));
    assertThat(wh.query(Tables.ETL_JOB_RUNS, ReadSpec.all()), hasSize(1));
    assertThat(alerts(), hasSize(2));

    // A new run right after sweeps nothing more and raises no volume alert (bloat still holds).
    String out2 = sweep("job-2");
    assertThat(locksByText(), equalTo(after));
    Row log2 =
        wh.query(Tables.LOCK_SWEEP_LOG, ReadSpec.all().where(Filter.eq("sweep_id", "job-2")))
            .get(0);
    assertThat(log2.getInt64("total_locks_cleaned"), is(0L));
    assertThat(log2.getInt64("active_locks_after"), is(4L));
    assertThat(
        alerts(),
        containsInAnyOrder(
            "lock_cleanup:lock_cleanup_high_volume:job-1/WARNING/job-1",
            "lock_cleanup:lock_table_bloat:job-1/WARNING/job-1",
            "lock_cleanup:lock_table_bloat:job-2/WARNING/job-2"));
    assertThat(out2, matchesPattern("(?s).*released total +0\\n.*alerts written +1\\n.*"));
    // every run dropped its staging after its commits
    assertThat(
        wh.longScalar(
            "SELECT count(*) FROM information_schema.tables WHERE starts_with(table_name, '_stg_')"),
        is(0L));
  }

  @Test
  void aLocksTableWithoutTheSweepsColumnsIsRefusedWritingNothing() {
    wh.execute("CREATE TABLE active_caption_assignments (something INTEGER)");
    TestRuns.Exec r =
        TestRuns.exec(
            new LockSweepPipeline(), "--warehouse=" + wh.spec(), "--jobId=job-bad", "--now=" + NOW);
    assertThat(r.code(), is(2));
    assertThat(r.err(), containsString("active_caption_assignments.assignment_key is missing"));
    assertThat(r.err().lines().count(), is(1L));
    assertThat(wh.tableExists("etl_job_runs"), is(false)); // nothing written, nothing created
    assertThat(wh.tableExists("lock_sweep_log"), is(false));
  }

  @Test
  void aMissingLocksTableIsRefusedAndNeverCreated() {
    TestRuns.Exec r =
        TestRuns.exec(new LockSweepPipeline(), "--warehouse=" + wh.spec(), "--now=" + NOW);
    assertThat(r.code(), is(2));
    assertThat(r.err(), containsString("input table active_caption_assignments does not exist"));
    assertThat(wh.tableExists("active_caption_assignments"), is(false));
  }

  @Test
  void aDuckDbPathThatDoesNotExistIsRefused() {
    Path typo = dir.resolve("typo.duckdb");
    TestRuns.Exec r =
        TestRuns.exec(new LockSweepPipeline(), "--warehouse=duckdb:" + typo, "--now=" + NOW);
    assertThat(r.code(), is(2));
    assertThat(r.err(), containsString("does not exist"));
    assertThat(java.nio.file.Files.exists(typo), is(false));
  }

  @Test
  void releasesOfASweepThatDiedBeforeItsLogRowAreLoggedByTheNextSweep() {
    // docs/lock-sweep.md: every released lock is accounted for in exactly one log row.
    wh.insertNow(Tables.ACTIVE_CAPTION_ASSIGNMENTS, LOCKS);
    wh.ensureTables(List.of(Tables.LOCK_SWEEP_LOG));
    // Injected failure between the update and the log: the log table cannot be written (a view of
    // the right types), so the run dies after its lock update committed.
    wh.execute("DROP TABLE lock_sweep_log");
    wh.execute(
        "CREATE VIEW lock_sweep_log AS SELECT 'x' AS sweep_id, TIMESTAMP '2026-01-01 00:00:00' AS sweep_time,"
            + " 0::BIGINT AS locks_expired_stale, 0::BIGINT AS locks_expired_past_date, 0::BIGINT AS total_locks_cleaned,"
            + " 0.0::DOUBLE AS sweep_duration_seconds, 0::BIGINT AS active_locks_after, NULL::VARCHAR AS recovered_by"
            + " WHERE FALSE");
    assertThrows(IllegalStateException.class, () -> sweep("job-died"));
    Map<String, Row> released = locksByText();
    assertThat(
        state(released.get("a past")),
        equalTo("false/PAST_SEND_DATE/" + NOW)); // the update committed
    assertThat(released.get("a past").getString("released_by"), is("job-died"));
    wh.execute("DROP VIEW lock_sweep_log");

    String out = sweep("job-next");

    Map<String, Row> logs = new TreeMap<>();
    for (Row r : wh.query(Tables.LOCK_SWEEP_LOG, ReadSpec.all())) {
      logs.put(r.getString("sweep_id"), r);
    }
    assertThat(logs.keySet(), containsInAnyOrder("job-died", "job-next"));
    Row died = logs.get("job-died");
    assertThat(died.getInt64("locks_expired_past_date"), is(2L));
    assertThat(died.getInt64("locks_expired_stale"), is(2L));
    assertThat(died.getString("recovered_by"), is("job-next"));
    assertThat(logs.get("job-next").getInt64("total_locks_cleaned"), is(0L));
    assertThat(logs.get("job-next").getString("recovered_by"), nullValue());
    // every released lock in exactly one log row
    long releasedLocks =
        wh.longScalar(
            "SELECT count(*) FROM active_caption_assignments WHERE released_by IS NOT NULL");
    assertThat(
        died.getInt64("total_locks_cleaned") + logs.get("job-next").getInt64("total_locks_cleaned"),
        is(releasedLocks));
    // the high-volume alert (4 > 3) fires for the sweep that released them
    assertThat(
        alerts().stream().map(a -> a.substring(0, a.indexOf('/'))).toList(),
        hasItem("lock_cleanup:lock_cleanup_high_volume:job-died"));
    assertThat(
        out,
        containsString("logged for earlier sweeps that died before their log row: 1 sweep(s)"));

    // a later sweep finds nothing more to recover
    sweep("job-later");
    assertThat(wh.query(Tables.LOCK_SWEEP_LOG, ReadSpec.all()), hasSize(3));
  }

  private List<String> alerts() {
    return wh.query(Tables.AUTOMATION_ALERTS, ReadSpec.all()).stream()
        .filter(r -> "lock_cleanup".equals(r.getString("alert_source")))
        .map(
            r ->
                r.getString("alert_id")
                    + "/"
                    + r.getString("alert_level")
                    + "/"
                    + r.getString("job_id"))
        .toList();
  }
}
