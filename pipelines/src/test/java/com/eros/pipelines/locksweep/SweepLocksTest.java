package com.eros.pipelines.locksweep;

import com.eros.common.table.Timestamps;
import static com.eros.pipelines.locksweep.TestLocks.lock;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.table.Tables;
import com.eros.common.testing.TempDuckDb;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.duckdb.DuckDbWarehouse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on a DuckDB file: the pipeline as ./eros runs it, with Beam's checks on. */
class SweepLocksTest {
  static final String NOW = "2026-11-29T20:00:00Z"; // 12:00 PST; today T = 2026-11-29, stale cutoff 2026-11-22T20:00Z

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

  private static final List<Row> LOCKS = List.of(
      lock(1).text("a past").send("2026-11-28", 21L).assigned("2026-11-20T10:00:00Z").build(),
      lock(2).text("b past null key").key(null).page("p1").send("2026-11-01", 9L).assigned("2026-10-30T10:00:00Z").build(),
      // Same page, caption and NULL key as b, planned for today: must stay.
      lock(2).text("c today null key").key(null).page("p1").send("2026-11-29", 9L).assigned("2026-10-30T10:00:00Z").build(),
      lock(4).text("d stale").send(null, null).assigned("2026-11-20T00:00:00Z").build(),
      lock(5).text("e stale by date null key").key(null).send(null, null).assigned(null).assignedDate("2026-11-10").build(),
      lock(6).text("f recent undated").send(null, null).assigned("2026-11-25T00:00:00Z").build(),
      lock(7).text("g no dates").clearAll().active(true).build(),
      lock(8).text("h inactive past").send("2026-11-01", 8L).active(false).deactivated("2026-11-02T00:00:00Z", "MANUAL").build(),
      lock(9).text("i future old").send("2026-12-05", 10L).assigned("2026-10-01T00:00:00Z").build(),
      lock(10).text("j unknown state").key(null).send("2026-11-01", 8L).active(null).build());

  private LockSweepOptions options(String jobId) {
    LockSweepOptions o = PipelineOptionsFactory.fromArgs(
        "--warehouse=" + wh.spec(), "--jobId=" + jobId, "--now=" + NOW,
        "--highVolumeThreshold=3", "--bloatWarning=3", "--bloatCritical=10").as(LockSweepOptions.class);
    o.setRunner(DirectRunner.class);
    return o;
  }

  private String sweep(String jobId) {
    LockSweepOptions o = options(jobId);
    SweepConfig cfg = LockSweepPipeline.config(o);
    wh.ensureTables(LockSweepPipeline.TABLES);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    int code = LockSweepPipeline.execute(LockSweepPipeline.build(o, wh, cfg), o, wh, cfg, out);
    assertThat(code, is(0));
    return buf.toString(StandardCharsets.UTF_8);
  }

  private Map<String, Row> locksByText() {
    Map<String, Row> m = new TreeMap<>();
    for (Row r : wh.query(Tables.ACTIVE_CAPTION_ASSIGNMENTS, ReadSpec.all())) {
      m.put(r.getString("caption_text"), r);
    }
    return m;
  }

  private static String state(Row r) {
    return r.getBoolean("is_active") + "/" + r.getString("deactivation_reason") + "/" + Timestamps.get(r, "deactivated_at");
  }

  @Test
  void locksWithMicrosecondTimestampsAreSweptAndKeepTheirDigits() {
    // BigQuery TIMESTAMPs carry microseconds; the guarded update must match them exactly.
    List<Row> micro = List.of(
        lock(21).text("past, micro assigned_at").send("2026-11-28", 21L).assigned("2026-11-20T10:00:00.123456Z").build(),
        lock(22).text("stale, micro assigned_at").send(null, null).assigned("2026-11-20T00:00:00.000001Z").build(),
        lock(23).text("recent, micro assigned_at").send(null, null).assigned("2026-11-22T20:00:00.000001Z").build());
    wh.insertNow(Tables.ACTIVE_CAPTION_ASSIGNMENTS, micro);

    String out = sweep("job-micro");

    Map<String, Row> after = locksByText();
    assertThat(state(after.get("past, micro assigned_at")), equalTo("false/PAST_SEND_DATE/" + NOW));
    assertThat(state(after.get("stale, micro assigned_at")), equalTo("false/STALE/" + NOW));
    // 1 µs after the stale cut-off (now - 7 x 24 h): kept
    assertThat(state(after.get("recent, micro assigned_at")), equalTo("true/null/null"));
    assertThat(Timestamps.get(after.get("past, micro assigned_at"), "assigned_at"),
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
    Map<String, String> expected = new TreeMap<>(Map.of(
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
    assertThat(alerts(), containsInAnyOrder(
        "lock_cleanup:lock_cleanup_high_volume:job-1/WARNING/job-1",
        "lock_cleanup:lock_table_bloat:job-1/WARNING/job-1"));

    List<Row> jobs = wh.query(Tables.ETL_JOB_RUNS, ReadSpec.all());
    assertThat(jobs, hasSize(1));
    assertThat(jobs.get(0).getString("job_name"), is("lock_sweep"));
    assertThat(jobs.get(0).getString("job_status"), is("SUCCESS"));
    assertThat(jobs.get(0).getValue("execution_date"), equalTo(LocalDate.parse("2026-11-29")));
    assertThat(jobs.get(0).getString("error_message"), nullValue());

    assertThat(out1, matchesPattern("(?s).*released PAST_SEND_DATE +2\\n.*released STALE +2\\n.*released total +4\\n.*"
        + "kept without any date +1\\n.*active locks after +4\\n.*alerts written +2\\n.*"));
    assertThat(out1, containsString("WARNING  lock_table_bloat: 4 active locks"));

    // A retry of the same run (same job id) writes nothing new.
    sweep("job-1");
    assertThat(locksByText(), equalTo(after));
    assertThat(wh.query(Tables.LOCK_SWEEP_LOG, ReadSpec.all()), hasSize(1));
    assertThat(wh.query(Tables.ETL_JOB_RUNS, ReadSpec.all()), hasSize(1));
    assertThat(alerts(), hasSize(2));

    // A new run right after sweeps nothing more and raises no volume alert (bloat still holds).
    String out2 = sweep("job-2");
    assertThat(locksByText(), equalTo(after));
    Row log2 = wh.query(Tables.LOCK_SWEEP_LOG, ReadSpec.all().where(Filter.eq("sweep_id", "job-2"))).get(0);
    assertThat(log2.getInt64("total_locks_cleaned"), is(0L));
    assertThat(log2.getInt64("active_locks_after"), is(4L));
    assertThat(alerts(), containsInAnyOrder(
        "lock_cleanup:lock_cleanup_high_volume:job-1/WARNING/job-1",
        "lock_cleanup:lock_table_bloat:job-1/WARNING/job-1",
        "lock_cleanup:lock_table_bloat:job-2/WARNING/job-2"));
    assertThat(out2, matchesPattern("(?s).*released total +0\\n.*alerts written +1\\n.*"));
  }

  @Test
  void aFailedRunRecordsAFailedJobRowAndSaysWhy() {
    // A locks table without the sweep's columns: the read fails inside the pipeline.
    wh.execute("CREATE TABLE active_caption_assignments (something INTEGER)");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> sweep("job-bad"));
    assertThat(e.getMessage(), containsString("lock sweep job-bad failed: "));
    assertThat(e.getMessage(), containsString("a FAILED row was written to etl_job_runs"));
    List<Row> jobs = wh.query(Tables.ETL_JOB_RUNS, ReadSpec.all());
    assertThat(jobs, hasSize(1));
    assertThat(jobs.get(0).getString("job_id"), is("job-bad"));
    assertThat(jobs.get(0).getString("job_name"), is("lock_sweep"));
    assertThat(jobs.get(0).getString("job_status"), is("FAILED"));
    assertThat(jobs.get(0).getString("error_message"), containsString("is_active"));
    assertThat(wh.query(Tables.LOCK_SWEEP_LOG, ReadSpec.all()), hasSize(0));
  }

  private List<String> alerts() {
    return wh.query(Tables.AUTOMATION_ALERTS, ReadSpec.all()).stream()
        .peek(r -> assertThat(r.getString("alert_source"), is("lock_cleanup")))
        .map(r -> r.getString("alert_id") + "/" + r.getString("alert_level") + "/" + r.getString("job_id"))
        .toList();
  }
}
