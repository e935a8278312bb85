package com.eros.common.warehouse.duckdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
      String msg = String.valueOf(e.getMessage());
      if (msg.contains("lock")) {
        throw new SQLException("DuckDB file " + path + " is in use by another process (" + msg
            + "); stop that process or use another --warehouse file", e);
      }
      throw e;
    }
  }

  /** Closes the database of {@code path} in this JVM (checkpointing it); later connects reopen it. */
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
