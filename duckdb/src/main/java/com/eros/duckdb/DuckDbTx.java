package com.eros.duckdb;

import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/** Runs work in one DuckDB transaction, retrying when DuckDB reports a write-write conflict. */
final class DuckDbTx {
  private static final int ATTEMPTS = 20;

  interface Work<T> {
    T run(DuckDBConnection conn) throws SQLException;
  }

  private DuckDbTx() {}

  static <T> T inTransaction(String path, Work<T> work) throws SQLException {
    SQLException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try (DuckDBConnection conn = DuckDbConnections.connect(path)) {
        conn.setAutoCommit(false);
        try {
          T result = work.run(conn);
          conn.commit();
          return result;
        } catch (SQLException e) {
          safeRollback(conn);
          if (!isConflict(e)) {
            throw e;
          }
          last = e;
        } catch (RuntimeException e) {
          safeRollback(conn);
          throw e;
        }
      }
      try {
        Thread.sleep(Math.min(500, 5L * attempt * attempt));
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while retrying a DuckDB transaction", ie);
      }
    }
    throw last;
  }

  static boolean isConflict(SQLException e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    return m.contains("conflict");
  }

  private static void safeRollback(DuckDBConnection conn) {
    try {
      conn.rollback();
    } catch (SQLException ignored) {
      // the transaction is already gone
    }
  }
}
