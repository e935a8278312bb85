package com.eros.duckdb;

import com.eros.common.table.Column;
import com.eros.common.table.ColumnType;
import com.eros.common.table.TableDef;
import com.eros.common.table.Timestamps;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.duckdb.DuckDBAppender;

/**
 * SQL text, parameter binding and Row conversion for the DuckDB adapter. Values are always bound.
 */
public final class DuckDbSql {
  private DuckDbSql() {}

  /** A SELECT with its parameters. */
  public record Select(String sql, List<Object> params, Schema schema, List<Column> columns) {}

  /**
   * Builds {@code SELECT … FROM table WHERE …}. TIMESTAMP columns are selected as epoch
   * microseconds (every digit DuckDB keeps) and DATE columns as epoch days, so no JDBC time-zone
   * conversion is involved.
   *
   * @param extraWhere an extra SQL predicate (no user input) or null
   * @param orderBy a column to order by or null
   */
  public static Select select(TableDef table, ReadSpec spec, String extraWhere, String orderBy) {
    List<String> names = spec.resolveColumns(table);
    List<Column> cols = new ArrayList<>();
    StringJoiner sel = new StringJoiner(", ");
    for (String n : names) {
      Column c = table.requireColumn(n);
      cols.add(c);
      sel.add(selectExpr(c));
    }
    List<Object> params = new ArrayList<>();
    List<String> preds = new ArrayList<>();
    for (Filter f : spec.filters()) {
      preds.add(predicate(table, f, params));
    }
    if (extraWhere != null) {
      preds.add(extraWhere);
    }
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(sel)
            .append(" FROM ")
            .append(TableDef.checkIdentifier(table.name()));
    if (!preds.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", preds));
    }
    if (orderBy != null) {
      sql.append(" ORDER BY ").append(table.requireColumn(orderBy).name());
    }
    return new Select(sql.toString(), params, table.schema(names), cols);
  }

  static String selectExpr(Column c) {
    return switch (c.type()) {
      case TIMESTAMP -> "epoch_us(" + c.name() + ")";
      case DATE -> "(" + c.name() + " - DATE '1970-01-01')";
      default -> c.name();
    };
  }

  static String predicate(TableDef table, Filter f, List<Object> params) {
    Column c = table.requireColumn(f.column());
    if (f instanceof Filter.IsNull) {
      return c.name() + " IS NULL";
    }
    if (f instanceof Filter.Equals eq) {
      params.add(eq.value());
      return c.name() + " = " + placeholder(c, eq.value());
    }
    Filter.Range r = (Filter.Range) f;
    List<String> parts = new ArrayList<>();
    if (r.lowerInclusive() != null) {
      params.add(r.lowerInclusive());
      parts.add(c.name() + " >= " + placeholder(c, r.lowerInclusive()));
    }
    if (r.upperExclusive() != null) {
      params.add(r.upperExclusive());
      parts.add(c.name() + " < " + placeholder(c, r.upperExclusive()));
    }
    String range = parts.isEmpty() ? "TRUE" : String.join(" AND ", parts);
    return r.includeNull() ? "(" + c.name() + " IS NULL OR (" + range + "))" : "(" + range + ")";
  }

  private static String placeholder(Column c, Object value) {
    if (value instanceof Instant) {
      if (c.type() != ColumnType.TIMESTAMP) {
        throw new IllegalArgumentException(c.name() + " is not a TIMESTAMP column");
      }
      return "make_timestamp(CAST(? AS BIGINT))";
    }
    if (value instanceof LocalDate) {
      return "CAST(? AS DATE)";
    }
    return "?";
  }

  /** Binds parameters produced by {@link #select}. */
  public static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object v = params.get(i);
      if (v instanceof Instant inst) {
        ps.setLong(i + 1, Timestamps.micros(inst));
      } else if (v instanceof LocalDate d) {
        ps.setString(i + 1, d.toString());
      } else {
        ps.setObject(i + 1, v);
      }
    }
  }

  /** Reads the current result-set row into a Beam Row of {@code schema}. */
  public static Row toRow(ResultSet rs, Schema schema, List<Column> cols) throws SQLException {
    Object[] values = new Object[cols.size()];
    for (int i = 0; i < cols.size(); i++) {
      values[i] = readValue(rs, i + 1, cols.get(i).type());
    }
    return Row.withSchema(schema).attachValues(values);
  }

  /**
   * The Row value of an INT64, TIMESTAMP (selected as epoch microseconds) or DATE (selected as
   * epoch days) column read as a long.
   */
  static Object fromLong(ColumnType type, long v) {
    return switch (type) {
      case INT64 -> v;
      case TIMESTAMP -> Timestamps.ofMicros(v);
      case DATE -> LocalDate.ofEpochDay(v);
      default -> throw new IllegalArgumentException(type + " is not read as a long");
    };
  }

  private static Object readValue(ResultSet rs, int idx, ColumnType type) throws SQLException {
    switch (type) {
      case STRING:
        {
          return rs.getString(idx);
        }
      case INT64:
      case TIMESTAMP:
      case DATE:
        {
          long v = rs.getLong(idx);
          return rs.wasNull() ? null : fromLong(type, v);
        }
      case FLOAT64:
        {
          double v = rs.getDouble(idx);
          return rs.wasNull() ? null : v;
        }
      case BOOL:
        {
          boolean v = rs.getBoolean(idx);
          return rs.wasNull() ? null : v;
        }
      default:
        throw new IllegalStateException("unhandled type " + type);
    }
  }

  /**
   * Appends the columns of one table from Rows that hold them (any schema with those field names),
   * by position: the positions are looked up once per schema, not per value.
   */
  static final class RowValues {
    private final List<Column> cols;
    private Schema schema;
    private int[] positions;

    RowValues(TableDef table) {
      this.cols = table.columns();
    }

    /** Appends the table's columns of {@code row} to the appender's current row. */
    void append(DuckDBAppender appender, Row row) throws SQLException {
      if (row.getSchema() != schema) {
        schema = row.getSchema();
        positions = new int[cols.size()];
        for (int i = 0; i < positions.length; i++) {
          positions[i] = schema.indexOf(cols.get(i).name());
        }
      }
      for (int i = 0; i < positions.length; i++) {
        appendValue(appender, cols.get(i).type(), row.getValue(positions[i]));
      }
    }
  }

  static void appendValue(DuckDBAppender appender, ColumnType type, Object v) throws SQLException {
    if (v == null) {
      appender.appendNull();
      return;
    }
    switch (type) {
      case STRING -> appender.append((String) v);
      case INT64 -> appender.append(((Number) v).longValue());
      case FLOAT64 -> appender.append(((Number) v).doubleValue());
      case BOOL -> appender.append(((Boolean) v).booleanValue());
      case TIMESTAMP -> appender.appendEpochMicros(Timestamps.micros((Instant) v));
      case DATE -> appender.appendEpochDays((int) ((LocalDate) v).toEpochDay());
      default -> throw new IllegalStateException("unhandled type " + type);
    }
  }
}
