package com.eros.duckdb;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.warehouse.WarehouseSetupException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DuckDB file that cannot be a warehouse is a setup problem (exit 2), said in one line. */
class DuckDbSetupProblemsTest {
  @TempDir Path dir;

  @Test
  void openingErrorsAreClassified() {
    // DuckDB's own messages (seen with DuckDB 1.4): a lock held by another process, a file that is
    // not a database, a file without write permission (as a non-root user)
    WarehouseSetupException locked =
        DuckDbConnections.setupProblem(
            "/x.duckdb",
            new SQLException(
                "IO Error: Could not set lock on file \"/x.duckdb\": Conflicting lock is held in /usr/bin/java (PID 1)"));
    assertThat(locked.getMessage(), containsString("/x.duckdb is in use by another process"));
    WarehouseSetupException notDb =
        DuckDbConnections.setupProblem(
            "/x.duckdb",
            new SQLException(
                "IO Error: The file \"/x.duckdb\" exists, but it is not a valid DuckDB database file!"));
    assertThat(notDb.getMessage(), containsString("/x.duckdb is not a DuckDB database file"));
    WarehouseSetupException readOnly =
        DuckDbConnections.setupProblem(
            "/x.duckdb",
            new SQLException("IO Error: Cannot open file \"/x.duckdb\": Permission denied"));
    assertThat(readOnly.getMessage(), containsString("cannot be opened for writing"));
    assertThat(
        DuckDbConnections.setupProblem(
            "/x.duckdb", new SQLException("Binder Error: no such column")),
        nullValue());
  }

  @Test
  void aMissingFileIsRefusedUnlessTheCommandMayCreateIt() {
    DuckDbWarehouse wh = new DuckDbWarehouse(dir.resolve("typo.duckdb").toString());
    WarehouseSetupException e = assertThrows(WarehouseSetupException.class, () -> wh.open(false));
    assertThat(e.getMessage(), containsString("does not exist"));
    assertThat(Files.exists(dir.resolve("typo.duckdb")), is(false));
    wh.open(true);
    assertThat(Files.exists(dir.resolve("typo.duckdb")), is(true));
    DuckDbConnections.close(wh.path());
  }

  @Test
  void aTextFileIsNotADatabase() throws Exception {
    Path text = dir.resolve("notes.duckdb");
    Files.writeString(text, "not a database");
    WarehouseSetupException e =
        assertThrows(
            WarehouseSetupException.class, () -> new DuckDbWarehouse(text.toString()).open(false));
    assertThat(e.getMessage(), containsString("is not a DuckDB database file"));
  }

  @Test
  void stagingOfWritesThatNeverCommittedIsDroppedAfterADay() throws Exception {
    try (TempDuckDb db = new TempDuckDb(dir)) {
      DuckDbWarehouse wh = db.warehouse();
      DuckDbWrite.ensureStaging(wh.path(), com.eros.common.table.Tables.ETL_JOB_RUNS, "_stg_old");
      DuckDbWrite.ensureStaging(wh.path(), com.eros.common.table.Tables.ETL_JOB_RUNS, "_stg_young");
      wh.execute(
          "CREATE TABLE _stg_unregistered (x INTEGER)"); // left by a version without the registry
      wh.execute(
          "UPDATE _eros_staging SET created_at = created_at - INTERVAL 25 HOUR WHERE name = '_stg_old'");

      assertThat(wh.dropStaleStaging(Duration.ofDays(1)), is(2));
      assertThat(wh.tableExists("_stg_old"), is(false));
      assertThat(wh.tableExists("_stg_unregistered"), is(false));
      assertThat(wh.tableExists("_stg_young"), is(true));
      assertThat(wh.longScalar("SELECT count(*) FROM _eros_staging"), is(1L));
    }
  }
}
