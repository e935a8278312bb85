package com.eros.duckdb;

import com.eros.common.warehouse.WarehouseSetupException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.duckdb.DuckDBConnection;

/**
 * One open DuckDB database per file per JVM. DuckDB allows a single read-write process per file;
 * within the JVM every user gets its own connection ({@link DuckDBConnection#duplicate()}) to the
 * one database instance, so the pipeline's workers, the CLI and tests can share a file.
 */
public final class DuckDbConnections {
  private static final Map<String, DuckDBConnection> ROOTS = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(DuckDbConnections::closeAll, "duckdb-close"));
  }

  private DuckDbConnections() {}

  /** A new connection to the database in {@code path} (created when absent). Close it when done. */
  public static DuckDBConnection connect(String path) throws SQLException {
    DuckDBConnection root = ROOTS.get(path);
    if (root == null) {
      synchronized (ROOTS) {
        root = ROOTS.get(path);
        if (root == null) {
          root = open(path);
          ROOTS.put(path, root);
        }
      }
    }
    return (DuckDBConnection) root.duplicate();
  }

  private static DuckDBConnection open(String path) throws SQLException {
    try {
      Class.forName("org.duckdb.DuckDBDriver");
    } catch (ClassNotFoundException e) {
      throw new SQLException("DuckDB JDBC driver not on the classpath", e);
    }
    try {
      Connection c = DriverManager.getConnection("jdbc:duckdb:" + path);
      return (DuckDBConnection) c;
    } catch (SQLException e) {
      WarehouseSetupException setup = setupProblem(path, e);
      if (setup != null) {
        throw setup;
      }
      throw e;
    }
  }

  /**
   * A DuckDB error on opening a file that means the file cannot be used as a warehouse at all (in
   * use by another process, not a DuckDB database, read-only), as one line saying how to fix it;
   * null for other errors.
   */
  static WarehouseSetupException setupProblem(String path, SQLException e) {
    String msg = String.valueOf(e.getMessage());
    String lower = msg.toLowerCase(Locale.ROOT);
    if (lower.contains("could not set lock") || lower.contains("conflicting lock")) {
      return new WarehouseSetupException(
          "DuckDB file "
              + path
              + " is in use by another process ("
              + firstLine(msg)
              + "); stop that process or use another --warehouse file",
          e);
    }
    if (lower.contains("not a valid duckdb database")) {
      return new WarehouseSetupException(
          path
              + " is not a DuckDB database file; point --warehouse at a DuckDB file "
              + "(./eros generate creates one)",
          e);
    }
    if (lower.contains("permission denied")
        || lower.contains("read-only")
        || lower.contains("read only")) {
      return new WarehouseSetupException(
          "DuckDB file "
              + path
              + " cannot be opened for writing ("
              + firstLine(msg)
              + "); make it writable or use another --warehouse file",
          e);
    }
    return null;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /**
   * Closes the database of {@code path} in this JVM (checkpointing it); later connects reopen it.
   */
  public static void close(String path) {
    DuckDBConnection root = ROOTS.remove(path);
    if (root != null) {
      try {
        root.close();
      } catch (SQLException ignored) {
        // closing at shutdown; nothing more to do
      }
    }
  }

  public static void closeAll() {
    for (String path : ROOTS.keySet()) {
      close(path);
    }
  }
}
