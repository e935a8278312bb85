package com.eros.duckdb;

import com.eros.common.table.Column;
import com.eros.common.table.ColumnType;
import com.eros.common.table.DuckDbDdl;
import com.eros.common.table.StoredColumn;
import com.eros.common.table.TableDef;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WarehouseSetupException;
import com.eros.common.warehouse.WriteSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The embedded adapter: one DuckDB file. Holds only the path; transforms connect on the workers.
 */
public final class DuckDbWarehouse implements Warehouse {
  private static final long serialVersionUID = 1L;
  private final String path;

  public DuckDbWarehouse(String path) {
    this.path = path;
  }

  public String path() {
    return path;
  }

  @Override
  public String spec() {
    return "duckdb:" + path;
  }

  @Override
  public void open(boolean mayCreate) {
    Path p = Path.of(path);
    if (!mayCreate && !Files.exists(p)) {
      throw new WarehouseSetupException(
          "DuckDB file "
              + path
              + " does not exist; check --warehouse "
              + "(./eros generate or ./eros demo create the file)",
          null);
    }
    if (Files.exists(p) && !Files.isWritable(p)) {
      throw new WarehouseSetupException(
          "DuckDB file "
              + path
              + " is read-only; make it writable or use another "
              + "--warehouse file",
          null);
    }
    try (DuckDBConnection conn = DuckDbConnections.connect(path);
        Statement st = conn.createStatement()) {
      st.execute("SELECT 1");
    } catch (SQLException e) {
      throw new WarehouseSetupException(
          "cannot open DuckDB file " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<List<StoredColumn>> describe(TableDef table) {
    try (DuckDBConnection conn = DuckDbConnections.connect(path);
        PreparedStatement ps =
            conn.prepareStatement(
                "SELECT column_name, data_type FROM information_schema.columns"
                    + " WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position")) {
      ps.setString(1, table.name());
      List<StoredColumn> cols = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String type = rs.getString(2);
          cols.add(new StoredColumn(rs.getString(1), type, typeOf(type)));
        }
      }
      return cols.isEmpty() ? Optional.empty() : Optional.of(cols);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot describe " + table.name() + " in " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Our column type that a DuckDB type is read as (integers of any width as INT64, ...); null for
   * none.
   */
  static ColumnType typeOf(String duckDbType) {
    String t = duckDbType.toUpperCase(Locale.ROOT);
    return switch (t) {
      case "VARCHAR" -> ColumnType.STRING;
      case "BIGINT", "INTEGER", "SMALLINT", "TINYINT" -> ColumnType.INT64;
      case "DOUBLE", "FLOAT", "REAL" -> ColumnType.FLOAT64;
      case "BOOLEAN" -> ColumnType.BOOL;
      case "TIMESTAMP" -> ColumnType.TIMESTAMP;
      case "DATE" -> ColumnType.DATE;
      default -> null;
    };
  }

  @Override
  public void addColumns(TableDef table, List<Column> columns) {
    try {
      DuckDbTx.inTransaction(
          path,
          conn -> {
            try (Statement st = conn.createStatement()) {
              for (Column c : columns) {
                if (c.required()) {
                  throw new IllegalArgumentException(
                      "cannot add REQUIRED column " + c.name() + " to " + table.name());
                }
                st.execute(
                    "ALTER TABLE "
                        + TableDef.checkIdentifier(table.name())
                        + " ADD COLUMN IF NOT EXISTS "
                        + c.name()
                        + " "
                        + c.type().duckDb());
              }
            }
            return null;
          });
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot add columns to " + table.name() + " in " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public int dropStaleStaging(Duration maxAge) {
    try {
      return DuckDbWrite.dropStaleStaging(path, maxAge);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot clean staging tables in " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public PTransform<PCollection<Row>, PCollection<Long>> writeIf(
      TableDef table,
      WriteSpec spec,
      String runId,
      String writeName,
      PCollectionView<Boolean> proceed) {
    return new DuckDbWrite(path, table, spec, runId, writeName, proceed, DuckDbWrite.FLUSH_ROWS);
  }

  @Override
  public void ensureTables(Collection<TableDef> tables) {
    try {
      DuckDbTx.inTransaction(
          path,
          conn -> {
            try (Statement st = conn.createStatement()) {
              for (TableDef t : tables) {
                st.execute(DuckDbDdl.createIfNotExists(t));
              }
            }
            return null;
          });
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create tables in " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public PTransform<PBegin, PCollection<Row>> read(TableDef table, ReadSpec spec) {
    return new DuckDbRead(path, table, spec);
  }

  @Override
  public PTransform<PBegin, PCollection<KV<String, List<Row>>>> readGrouped(
      TableDef table, ReadSpec spec, String keyColumn) {
    return new DuckDbReadGrouped(path, table, spec, keyColumn);
  }

  @Override
  public PTransform<PCollection<Row>, PCollection<Long>> write(
      TableDef table, WriteSpec spec, String runId, String writeName) {
    return new DuckDbWrite(path, table, spec, runId, writeName, null, DuckDbWrite.FLUSH_ROWS);
  }

  @Override
  public List<Row> query(TableDef table, ReadSpec spec) {
    DuckDbSql.Select select = DuckDbSql.select(table, spec, null, null);
    List<Row> rows = new ArrayList<>();
    try (DuckDBConnection conn = DuckDbConnections.connect(path)) {
      if (!tableExists(conn, table.name())) {
        return rows;
      }
      try (PreparedStatement ps = conn.prepareStatement(select.sql())) {
        DuckDbSql.bind(ps, select.params());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(DuckDbSql.toRow(rs, select.schema(), select.columns()));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot read " + table.name() + " from " + path + ": " + e.getMessage(), e);
    }
    return rows;
  }

  /** Counts in DuckDB: {@code SELECT count(*)} over the same filtered select as {@link #query}. */
  @Override
  public long count(TableDef table, ReadSpec spec) {
    DuckDbSql.Select select = DuckDbSql.select(table, spec, null, null);
    try (DuckDBConnection conn = DuckDbConnections.connect(path)) {
      if (!tableExists(conn, table.name())) {
        return 0;
      }
      try (PreparedStatement ps =
          conn.prepareStatement("SELECT count(*) FROM (" + select.sql() + ")")) {
        DuckDbSql.bind(ps, select.params());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot count " + table.name() + " in " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void insertNow(TableDef table, List<Row> rows) {
    try {
      DuckDbTx.inTransaction(
          path,
          conn -> {
            try (Statement st = conn.createStatement()) {
              st.execute(DuckDbDdl.createIfNotExists(table));
            }
            try (DuckDBAppender app =
                conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table.name())) {
              DuckDbSql.RowValues values = new DuckDbSql.RowValues(table);
              for (Row r : rows) {
                app.beginRow();
                values.append(app, r);
                app.endRow();
              }
            }
            return null;
          });
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot append to " + table.name() + " in " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void truncateNow(TableDef table) {
    execute("DELETE FROM " + TableDef.checkIdentifier(table.name()));
  }

  /** Runs a SQL statement with bound parameters (used by tests, the generator and benchmarks). */
  public void execute(String sql, Object... params) {
    try (DuckDBConnection conn = DuckDbConnections.connect(path);
        PreparedStatement ps = conn.prepareStatement(sql)) {
      DuckDbSql.bind(ps, List.of(params));
      ps.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB statement failed: " + e.getMessage() + "\n" + sql, e);
    }
  }

  /** A single-value query such as {@code SELECT count(*) …}; null when there is no row. */
  public Object scalar(String sql, Object... params) {
    try (DuckDBConnection conn = DuckDbConnections.connect(path);
        PreparedStatement ps = conn.prepareStatement(sql)) {
      DuckDbSql.bind(ps, List.of(params));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getObject(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB query failed: " + e.getMessage() + "\n" + sql, e);
    }
  }

  /** A single-number query such as {@code SELECT count(*) …} as a long. */
  public long longScalar(String sql, Object... params) {
    Object v = scalar(sql, params);
    if (!(v instanceof Number n)) {
      throw new IllegalStateException("not a number: " + v + " from\n" + sql);
    }
    return n.longValue();
  }

  /** Whether a table exists in the file. */
  public boolean tableExists(String table) {
    try (DuckDBConnection conn = DuckDbConnections.connect(path)) {
      return tableExists(conn, table);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Fails a read of {@code table} that is not in the file at {@code path}, saying what to do. */
  static void requireTable(DuckDBConnection conn, String path, TableDef table) throws SQLException {
    if (!tableExists(conn, table.name())) {
      throw new IllegalStateException(
          "table "
              + table.name()
              + " does not exist in "
              + path
              + "; run ./eros generate (or point --warehouse at the file that has it)");
    }
  }

  static boolean tableExists(DuckDBConnection conn, String table) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  @Override
  public String toString() {
    return spec();
  }
}
