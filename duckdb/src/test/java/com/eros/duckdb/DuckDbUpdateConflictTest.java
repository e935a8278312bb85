package com.eros.duckdb;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.warehouse.WriteSpec;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conditional update's commit under a concurrent writer. DuckDB detects write-write conflicts
 * per column, so the commit must write the columns it matched on (key and guard); otherwise a row
 * whose key changed in another transaction is still updated (the lock sweep would release a lock
 * the schedule builder had just re-planned). A conflict makes {@link DuckDbTx} retry on a fresh
 * snapshot, where the changed row no longer matches.
 */
class DuckDbUpdateConflictTest {
  private static final TableDef LOCKS = Tables.ACTIVE_CAPTION_ASSIGNMENTS;
  private static final String STAGING = "_stg_test_update";
  private static final WriteSpec RELEASE =
      WriteSpec.update(
          List.of("assignment_key", "caption_id", "scheduled_send_date"),
          List.of("is_active", "deactivation_reason"),
          "is_active",
          true);

  @TempDir Path dir;
  private TempDuckDb db;
  private DuckDbWarehouse wh;

  @BeforeEach
  void open() {
    db = new TempDuckDb(dir);
    wh = db.warehouse();
    wh.ensureTables(List.of(LOCKS));
    wh.execute(
        "INSERT INTO active_caption_assignments (assignment_key, caption_id, scheduled_send_date, is_active) VALUES "
            + "('k1', 1, DATE '2026-11-20', true), (NULL, 2, DATE '2026-11-20', true), ('k3', 3, DATE '2026-11-20', true)");
    wh.execute(DuckDbWrite.stagingDdl(LOCKS, STAGING));
    wh.execute(
        "INSERT INTO "
            + STAGING
            + " (assignment_key, caption_id, scheduled_send_date, is_active, deactivation_reason, _bundle) "
            + "VALUES ('k1', 1, DATE '2026-11-20', false, 'PAST_SEND_DATE', 'b'), (NULL, 2, DATE '2026-11-20', false, 'PAST_SEND_DATE', 'b'), "
            + "('k3', 3, DATE '2026-11-20', false, 'PAST_SEND_DATE', 'b')");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static int commit(DuckDBConnection conn, WriteSpec spec) throws SQLException {
    int changed = 0;
    for (DuckDbWrite.Statement1 s : DuckDbWrite.commitStatements(LOCKS, spec, STAGING)) {
      try (PreparedStatement ps = conn.prepareStatement(s.sql())) {
        if (s.guard()) {
          ps.setObject(1, spec.guardValue());
        }
        changed += ps.executeUpdate();
      }
    }
    return changed;
  }

  private static void exec(DuckDBConnection conn, String sql) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute(sql);
    }
  }

  /** The expected state() of locks 1, 2 and 3. */
  private static Map<Long, String> locks(String one, String two, String three) {
    return new TreeMap<>(Map.of(1L, one, 2L, two, 3L, three));
  }

  private Map<Long, String> state() {
    Map<Long, String> m = new TreeMap<>();
    try (DuckDBConnection c = DuckDbConnections.connect(wh.path());
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT caption_id, is_active, scheduled_send_date, deactivation_reason FROM active_caption_assignments")) {
      while (rs.next()) {
        m.put(rs.getLong(1), rs.getBoolean(2) + "/" + rs.getString(3) + "/" + rs.getString(4));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return m;
  }

  @Test
  void anUncommittedKeyChangeMakesTheUpdateConflictAndTheRetryLeavesThatRowAlone()
      throws SQLException {
    try (DuckDBConnection builder = DuckDbConnections.connect(wh.path());
        DuckDBConnection sweep = DuckDbConnections.connect(wh.path())) {
      builder.setAutoCommit(false);
      exec(
          builder,
          "UPDATE active_caption_assignments SET scheduled_send_date = DATE '2026-12-24' WHERE caption_id = 1");
      sweep.setAutoCommit(false);
      SQLException e = assertThrows(SQLException.class, () -> commit(sweep, RELEASE));
      assertThat(e.getMessage(), DuckDbTx.isConflict(e), is(true));
      sweep.rollback();
      builder.commit();
      // The port's retry: a fresh transaction on the new snapshot.
      assertThat(commit(sweep, RELEASE), is(2));
      sweep.commit();
    }
    assertThat(
        state(),
        equalTo(
            locks(
                "true/2026-12-24/null",
                "false/2026-11-20/PAST_SEND_DATE",
                "false/2026-11-20/PAST_SEND_DATE")));
  }

  @Test
  void aKeyChangeCommittedAfterTheUpdatesSnapshotMakesItConflict() throws SQLException {
    try (DuckDBConnection builder = DuckDbConnections.connect(wh.path());
        DuckDBConnection sweep = DuckDbConnections.connect(wh.path())) {
      sweep.setAutoCommit(false);
      exec(
          sweep,
          "SELECT count(*) FROM active_caption_assignments"); // the sweep's snapshot starts here
      // The lock with the NULL key is re-planned and committed meanwhile.
      exec(
          builder,
          "UPDATE active_caption_assignments SET scheduled_send_date = DATE '2026-12-24' WHERE caption_id = 2");
      SQLException e = assertThrows(SQLException.class, () -> commit(sweep, RELEASE));
      assertThat(e.getMessage(), DuckDbTx.isConflict(e), is(true));
      sweep.rollback();
      assertThat(commit(sweep, RELEASE), is(2));
      sweep.commit();
    }
    assertThat(
        state(),
        equalTo(
            locks(
                "false/2026-11-20/PAST_SEND_DATE",
                "true/2026-12-24/null",
                "false/2026-11-20/PAST_SEND_DATE")));
  }

  @Test
  void aConcurrentChangeOfAGuardColumnThatIsNotSetAlsoConflicts() throws SQLException {
    WriteSpec note =
        WriteSpec.update(
            List.of("assignment_key", "caption_id"),
            List.of("deactivation_reason"),
            "is_active",
            true);
    try (DuckDBConnection builder = DuckDbConnections.connect(wh.path());
        DuckDBConnection sweep = DuckDbConnections.connect(wh.path())) {
      builder.setAutoCommit(false);
      exec(builder, "UPDATE active_caption_assignments SET is_active = false WHERE caption_id = 3");
      sweep.setAutoCommit(false);
      SQLException e = assertThrows(SQLException.class, () -> commit(sweep, note));
      assertThat(e.getMessage(), DuckDbTx.isConflict(e), is(true));
      sweep.rollback();
      builder.commit();
      assertThat(commit(sweep, note), is(2));
      sweep.commit();
    }
    assertThat(
        state(),
        equalTo(
            locks(
                "true/2026-11-20/PAST_SEND_DATE",
                "true/2026-11-20/PAST_SEND_DATE",
                "false/2026-11-20/null")));
  }
}
