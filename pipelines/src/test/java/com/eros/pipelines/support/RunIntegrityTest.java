package com.eros.pipelines.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.table.Tables;
import com.eros.duckdb.DuckDbConnections;
import com.eros.duckdb.DuckDbWarehouse;
import com.eros.pipelines.locksweep.LockSweepPipeline;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job id names one run, through crashes and re-runs (docs/operating-guarantees.md): a second
 * process on the file, a run killed with kill -9 and re-run with its id, a run whose last write
 * failed. The lock sweep is the vehicle: it writes a log row, alerts and its job row after its lock
 * updates.
 */
class RunIntegrityTest {
  static final String NOW = "2026-11-29T20:00:00Z";

  @TempDir Path dir;
  final List<String> opened = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(DuckDbConnections::close);
  }

  /** A DuckDB file with {@code n} active locks, half of them past their send date. */
  DuckDbWarehouse warehouseWithLocks(String name, int n) {
    String path = dir.resolve(name).toString();
    DuckDbWarehouse wh = new DuckDbWarehouse(path);
    opened.add(path);
    wh.open(true);
    List<Row> locks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      locks.add(
          Row.withSchema(Tables.ACTIVE_CAPTION_ASSIGNMENTS.schema())
              .withFieldValue("assignment_key", "k" + i)
              .withFieldValue("page_name", "p" + (i % 50))
              .withFieldValue("caption_id", (long) i)
              .withFieldValue("caption_text", "c" + i)
              .withFieldValue("assigned_date", LocalDate.parse("2026-11-20"))
              .withFieldValue("assigned_at", Instant.parse("2026-11-20T10:00:00.000123Z"))
              .withFieldValue(
                  "scheduled_send_date", LocalDate.parse(i % 2 == 0 ? "2026-11-28" : "2026-12-05"))
              .withFieldValue("scheduled_send_hour", 10L)
              .withFieldValue("is_active", true)
              .build());
    }
    wh.insertNow(Tables.ACTIVE_CAPTION_ASSIGNMENTS, locks);
    return wh;
  }

  long count(DuckDbWarehouse wh, String sql) {
    return wh.longScalar(sql);
  }

  long stagingTables(DuckDbWarehouse wh) {
    return count(
        wh,
        "SELECT count(*) FROM information_schema.tables WHERE starts_with(table_name, '_stg_')");
  }

  /** Every released lock is in exactly one log row. */
  void everyReleaseIsLoggedOnce(DuckDbWarehouse wh) {
    assertThat(
        count(wh, "SELECT coalesce(sum(total_locks_cleaned), 0) FROM lock_sweep_log"),
        is(
            count(
                wh,
                "SELECT count(*) FROM active_caption_assignments WHERE released_by IS NOT NULL")));
  }

  TestRuns.Exec sweep(DuckDbWarehouse wh, String jobId) {
    return TestRuns.exec(
        new LockSweepPipeline(), "--warehouse=" + wh.spec(), "--jobId=" + jobId, "--now=" + NOW);
  }

  @Test
  void aFileLockedByAnotherProcessIsRefused() throws Exception {
    DuckDbWarehouse wh = warehouseWithLocks("locked.duckdb", 10);
    DuckDbConnections.close(wh.path()); // this JVM lets go of the file
    try (ChildJvm holder = ChildJvm.start(HoldDuckDb.class, wh.path(), "120")) {
      assertThat(holder.awaitLine("holding"), is(true));
      TestRuns.Exec r = sweep(wh, "while-locked");
      assertThat(r.code(), is(2));
      assertThat(r.err(), containsString("is in use by another process"));
      assertThat(r.err().lines().count(), is(1L));
    }
  }

  @Test
  void aRunWhoseLastWriteFailedIsRerunWithItsIdIntoOneJobRow() {
    DuckDbWarehouse wh = warehouseWithLocks("rerun.duckdb", 40);
    // The job row's commit fails (a view of the right types): everything else of the run committed,
    // and its job row lies staged, as after a kill between the two writes.
    wh.execute(
        "CREATE VIEW etl_job_runs AS SELECT 'x' AS job_id, 'x' AS job_name, TIMESTAMP '2026-01-01 00:00:00' AS job_start_time,"
            + " NULL::TIMESTAMP AS job_end_time, 'x' AS job_status, NULL::DATE AS execution_date, NULL::BIGINT AS creators_processed,"
            + " NULL::BIGINT AS creators_failed, NULL::VARCHAR AS error_message, NULL::DOUBLE AS job_duration_seconds,"
            + " NULL::BIGINT AS rows_read, NULL::BIGINT AS rows_rejected, NULL::BIGINT AS creators_skipped WHERE FALSE");
    assertThrows(
        IllegalStateException.class,
        () ->
            Lifecycle.run(
                new LockSweepPipeline(),
                TestRuns.options(
                    com.eros.pipelines.locksweep.LockSweepOptions.class,
                    "--warehouse=" + wh.spec(),
                    "--jobId=j1",
                    "--now=" + NOW),
                System.out));
    assertThat(stagingTables(wh) > 0, is(true)); // the staged job row of the dead attempt
    wh.execute("DROP VIEW etl_job_runs");

    TestRuns.Exec rerun = sweep(wh, "j1");
    assertThat(rerun.err(), rerun.code(), is(0));
    assertThat(
        count(wh, "SELECT count(*) FROM etl_job_runs WHERE job_id = 'j1'"), is(1L)); // not two
    assertThat(count(wh, "SELECT count(*) FROM lock_sweep_log WHERE sweep_id = 'j1'"), is(1L));
    assertThat(
        count(wh, "SELECT total_locks_cleaned FROM lock_sweep_log WHERE sweep_id = 'j1'"), is(20L));
    everyReleaseIsLoggedOnce(wh);

    // the dead attempt's staging is removed by a run once it is older than a day
    long leftover = stagingTables(wh);
    assertThat(leftover > 0, is(true));
    assertThat(sweep(wh, "j2").code(), is(0));
    assertThat(
        stagingTables(wh), is(leftover)); // young: kept (it could belong to a run still going)
    wh.execute("UPDATE _eros_staging SET created_at = created_at - INTERVAL 2 DAY");
    assertThat(sweep(wh, "j3").code(), is(0));
    assertThat(stagingTables(wh), is(0L));
  }

  @Test
  void aRunKilledMidWayAndRerunWithItsIdLeavesOneJobRowAndEveryReleaseLoggedOnce()
      throws Exception {
    DuckDbWarehouse wh = warehouseWithLocks("killed.duckdb", 20_000);
    DuckDbConnections.close(wh.path());
    try (ChildJvm child =
        ChildJvm.start(
            LockSweepPipeline.class,
            "--warehouse=" + wh.spec(),
            "--jobId=killed",
            "--now=" + NOW)) {
      assertThat(
          child.awaitLine("lock-sweep on duckdb:"),
          is(true)); // past preflight, the pipeline starts
      Thread.sleep(1500);
      child.kill(); // kill -9, wherever it is
    }
    TestRuns.Exec rerun = sweep(wh, "killed");
    // 0: the re-run did the work; 2: the killed run had already written its job row (its id is
    // used)
    assertThat(rerun.err(), rerun.code(), oneOf(0, 2));
    assertThat(count(wh, "SELECT count(*) FROM etl_job_runs WHERE job_id = 'killed'"), is(1L));
    assertThat(
        count(
            wh,
            "SELECT count(*) FROM etl_job_runs WHERE job_id = 'killed' AND job_status = 'SUCCESS'"),
        is(1L));
    assertThat(
        count(
            wh,
            "SELECT count(*) FROM active_caption_assignments WHERE is_active AND scheduled_send_date < DATE '2026-11-29'"),
        is(0L));
    everyReleaseIsLoggedOnce(wh);
    assertThat(count(wh, "SELECT count(*) FROM lock_sweep_log WHERE sweep_id = 'killed'"), is(1L));
    wh.execute("UPDATE _eros_staging SET created_at = created_at - INTERVAL 2 DAY");
    assertThat(sweep(wh, "after").code(), is(0));
    assertThat(stagingTables(wh), is(0L));
  }
}
