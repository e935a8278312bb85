package com.eros.common.warehouse.bigquery;

import com.eros.common.table.Column;
import com.eros.common.table.ColumnType;
import com.eros.common.table.TableDef;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.WriteSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import org.apache.beam.sdk.values.Row;

/**
 * The GoogleSQL text the BigQuery adapter sends: Storage Read API row restrictions and the
 * statements that commit a staged write. Values are rendered as typed literals (BigQuery row
 * restrictions take no parameters), strings quoted and escaped; identifiers are validated and
 * reserved words quoted. Pure functions: the exact statements are unit-tested.
 */
public final class BigQuerySql {
  /**
   * Google's rule for project ids (plus the legacy domain-scoped form {@code example.com:proj}).
   */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** GoogleSQL reserved keywords: a column with one of these names must be quoted. */
  private static final Set<String> RESERVED =
      Set.of(
          "ALL",
          "AND",
          "ANY",
          "ARRAY",
          "AS",
          "ASC",
          "ASSERT_ROWS_MODIFIED",
          "AT",
          "BETWEEN",
          "BY",
          "CASE",
          "CAST",
          "COLLATE",
          "CONTAINS",
          "CREATE",
          "CROSS",
          "CUBE",
          "CURRENT",
          "DEFAULT",
          "DEFINE",
          "DESC",
          "DISTINCT",
          "ELSE",
          "END",
          "ENUM",
          "ESCAPE",
          "EXCEPT",
          "EXCLUDE",
          "EXISTS",
          "EXTRACT",
          "FALSE",
          "FETCH",
          "FOLLOWING",
          "FOR",
          "FROM",
          "FULL",
          "GROUP",
          "GROUPING",
          "GROUPS",
          "HASH",
          "HAVING",
          "IF",
          "IGNORE",
          "IN",
          "INNER",
          "INTERSECT",
          "INTERVAL",
          "INTO",
          "IS",
          "JOIN",
          "LATERAL",
          "LEFT",
          "LIKE",
          "LIMIT",
          "LOOKUP",
          "MERGE",
          "NATURAL",
          "NEW",
          "NO",
          "NOT",
          "NULL",
          "NULLS",
          "OF",
          "ON",
          "OR",
          "ORDER",
          "OUTER",
          "OVER",
          "PARTITION",
          "PRECEDING",
          "PROTO",
          "QUALIFY",
          "RANGE",
          "RECURSIVE",
          "RESPECT",
          "RIGHT",
          "ROLLUP",
          "ROWS",
          "SELECT",
          "SET",
          "SOME",
          "STRUCT",
          "TABLESAMPLE",
          "THEN",
          "TO",
          "TREAT",
          "TRUE",
          "UNBOUNDED",
          "UNION",
          "UNNEST",
          "USING",
          "WHEN",
          "WHERE",
          "WINDOW",
          "WITH",
          "WITHIN");

  private BigQuerySql() {}

  // ------------------------------------------------------------------ identifiers

  /** Validates a Google Cloud project id before it is put into SQL or a job reference. */
  public static String checkProject(String project) {
    if (project == null
        || !com.eros.common.warehouse.Warehouses.PROJECT_ID.matcher(project).matches()) {
      throw new IllegalArgumentException(
          "'"
              + project
              + "' is not a Google Cloud project id "
              + "(6-30 characters: lower-case letters, digits, hyphens; starts with a letter)");
    }
    return project;
  }

  /** {@code `project.dataset.table`}, every part validated. */
  public static String tablePath(String project, String dataset, String table) {
    return "`"
        + checkProject(project)
        + "."
        + TableDef.checkIdentifier(dataset)
        + "."
        + TableDef.checkIdentifier(table)
        + "`";
  }

  /** A column name as it appears in SQL: bare, or back-quoted when it is a reserved word. */
  public static String column(String name) {
    TableDef.checkIdentifier(name);
    return RESERVED.contains(name.toUpperCase(Locale.ROOT)) ? "`" + name + "`" : name;
  }

  private static String qualified(String alias, String name) {
    return alias + "." + column(name);
  }

  // ------------------------------------------------------------------ literals

  /**
   * A typed GoogleSQL literal for a value of {@code column}; rejects values that do not fit its
   * type.
   */
  public static String literal(Column column, Object value) {
    if (value == null) {
      return "NULL";
    }
    ColumnType type = column.type();
    boolean fits =
        switch (type) {
          case STRING -> value instanceof String;
          case INT64 ->
              value instanceof Long
                  || value instanceof Integer
                  || value instanceof Short
                  || value instanceof Byte;
          case FLOAT64 ->
              value instanceof Double
                  || value instanceof Float
                  || value instanceof Long
                  || value instanceof Integer;
          case BOOL -> value instanceof Boolean;
          case TIMESTAMP -> value instanceof Instant;
          case DATE -> value instanceof LocalDate;
        };
    if (!fits) {
      throw new IllegalArgumentException(
          "column "
              + column.name()
              + " is "
              + type
              + "; value "
              + value
              + " ("
              + value.getClass().getSimpleName()
              + ") does not fit it");
    }
    return switch (type) {
      case STRING -> stringLiteral((String) value);
      case INT64 -> int64Literal(((Number) value).longValue());
      case FLOAT64 -> float64Literal(((Number) value).doubleValue());
      case BOOL -> ((Boolean) value) ? "TRUE" : "FALSE";
      case TIMESTAMP -> timestampLiteral((Instant) value);
      case DATE -> "DATE '" + value + "'";
    };
  }

  /** A quoted GoogleSQL string literal: quotes, backslashes and control characters escaped. */
  public static String stringLiteral(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('\'');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> sb.append("\\\\");
        case '\'' -> sb.append("\\'");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ch < 0x20 || ch == 0x7f) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    return sb.append('\'').toString();
  }

  /** {@code TIMESTAMP 'yyyy-MM-dd HH:mm:ss.ffffff+00'} (UTC, microseconds). */
  public static String timestampLiteral(Instant instant) {
    return "TIMESTAMP '" + TIMESTAMP.format(instant) + "+00'";
  }

  static String int64Literal(long v) {
    // -9223372036854775808 is not a valid literal (its absolute value overflows before negation)
    return v == Long.MIN_VALUE ? "CAST('" + v + "' AS INT64)" : Long.toString(v);
  }

  static String float64Literal(double d) {
    if (Double.isNaN(d)) {
      return "CAST('NaN' AS FLOAT64)";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "CAST('inf' AS FLOAT64)" : "CAST('-inf' AS FLOAT64)";
    }
    return Double.toString(d); // always has a '.' or an exponent: a FLOAT64 literal, never INT64
  }

  // ------------------------------------------------------------------ row restriction

  /**
   * The Storage Read API row restriction for {@code filters} (ANDed), or null when there are none.
   * For example {@code (sending_time IS NULL OR (sending_time >= TIMESTAMP '…' AND sending_time <
   * TIMESTAMP '…'))}.
   */
  public static String rowRestriction(TableDef table, List<Filter> filters) {
    if (filters.isEmpty()) {
      return null;
    }
    StringJoiner and = new StringJoiner(" AND ");
    for (Filter f : filters) {
      and.add(predicate(table, f));
    }
    return and.toString();
  }

  /** One filter as a GoogleSQL predicate over the table's column. */
  public static String predicate(TableDef table, Filter f) {
    Column c = table.requireColumn(f.column());
    String col = column(c.name());
    if (f instanceof Filter.IsNull) {
      return col + " IS NULL";
    }
    if (f instanceof Filter.Equals eq) {
      return col + " = " + literal(c, eq.value());
    }
    Filter.Range r = (Filter.Range) f;
    List<String> parts = new ArrayList<>();
    if (r.lowerInclusive() != null) {
      parts.add(col + " >= " + literal(c, r.lowerInclusive()));
    }
    if (r.upperExclusive() != null) {
      parts.add(col + " < " + literal(c, r.upperExclusive()));
    }
    if (parts.isEmpty()) {
      return "TRUE";
    }
    String range = String.join(" AND ", parts);
    return r.includeNull() ? "(" + col + " IS NULL OR (" + range + "))" : "(" + range + ")";
  }

  // ------------------------------------------------------------------ commit statements

  /**
   * The single job that applies a staging table to its target as {@code spec} says (not for APPEND,
   * which is a load job, nor for REPLACE unless the write is gated: an ungated REPLACE is a
   * WRITE_TRUNCATE load). {@code target} and {@code staging} are {@link #tablePath}s.
   */
  public static String commitStatement(
      TableDef table, WriteSpec spec, String target, String staging) {
    return switch (spec.mode()) {
      case REPLACE -> replaceAll(table, target, staging);
      case INSERT_IF_ABSENT -> insertIfAbsent(table, target, staging, spec.keyColumns());
      case UPDATE ->
          update(
              table,
              target,
              staging,
              spec.keyColumns(),
              spec.setColumns(),
              spec.guardColumn(),
              spec.guardValue());
      case REPLACE_WHERE -> replaceWhere(table, target, staging, spec.keyColumns().get(0));
      default ->
          throw new IllegalArgumentException(
              spec.mode() + " is written by a load job, not a statement");
    };
  }

  /** Checks that a {@link WriteSpec}'s columns exist and suit the statement it needs. */
  public static void checkSpec(TableDef table, WriteSpec spec) {
    for (String c : spec.keyColumns()) {
      table.requireColumn(c);
    }
    for (String c : spec.setColumns()) {
      table.requireColumn(c);
    }
    if (spec.guardColumn() != null) {
      literal(table.requireColumn(spec.guardColumn()), spec.guardValue());
    }
    switch (spec.mode()) {
      case INSERT_IF_ABSENT, UPDATE -> {
        if (spec.keyColumns().isEmpty()) {
          throw new IllegalArgumentException(
              spec.mode() + " on " + table.name() + " needs key columns");
        }
        for (String k : spec.keyColumns()) {
          if (table.requireColumn(k).type() == ColumnType.FLOAT64) {
            throw new IllegalArgumentException(
                "key column "
                    + k
                    + " of "
                    + table.name()
                    + " is FLOAT64; BigQuery cannot partition (deduplicate) by floating point values");
          }
        }
        if (spec.mode() == WriteSpec.Mode.UPDATE && spec.setColumns().isEmpty()) {
          throw new IllegalArgumentException("UPDATE on " + table.name() + " needs columns to set");
        }
      }
      case REPLACE_WHERE -> {
        if (spec.keyColumns().size() != 1) {
          throw new IllegalArgumentException(
              "REPLACE_WHERE on " + table.name() + " needs exactly one column");
        }
      }
      default -> {}
    }
  }

  /** Staging rows deduplicated by key: the first row per key in the order of every column. */
  static String dedupedStaging(TableDef table, String staging, List<String> keys) {
    StringJoiner part = new StringJoiner(", ");
    for (String k : keys) {
      part.add(column(table.requireColumn(k).name()));
    }
    StringJoiner order = new StringJoiner(", ");
    for (String c : table.columnNames()) {
      order.add(column(c));
    }
    return "SELECT * FROM "
        + staging
        + " WHERE TRUE\n"
        + "  QUALIFY ROW_NUMBER() OVER (PARTITION BY "
        + part
        + " ORDER BY "
        + order
        + ") = 1";
  }

  /**
   * NULL-safe key match of target {@code t} and source {@code s}; REQUIRED columns use plain
   * equality.
   */
  static String keyMatch(TableDef table, List<String> keys) {
    StringJoiner and = new StringJoiner(" AND ");
    for (String k : keys) {
      Column c = table.requireColumn(k);
      and.add(
          qualified("t", c.name())
              + (c.required() ? " = " : " IS NOT DISTINCT FROM ")
              + qualified("s", c.name()));
    }
    return and.toString();
  }

  /**
   * MERGE that inserts the staged rows whose key is absent from the target; nothing else changes.
   */
  public static String insertIfAbsent(
      TableDef table, String target, String staging, List<String> keys) {
    StringJoiner cols = new StringJoiner(", ");
    StringJoiner vals = new StringJoiner(", ");
    for (String c : table.columnNames()) {
      cols.add(column(c));
      vals.add(qualified("s", c));
    }
    return "MERGE "
        + target
        + " AS t\n"
        + "USING (\n  "
        + dedupedStaging(table, staging, keys)
        + "\n) AS s\n"
        + "ON "
        + keyMatch(table, keys)
        + "\n"
        + "WHEN NOT MATCHED THEN\n"
        + "  INSERT ("
        + cols
        + ") VALUES ("
        + vals
        + ")";
  }

  /**
   * UPDATE … FROM the staged rows: sets {@code setColumns} on target rows whose key matches and
   * whose guard column still has the guard value, checked inside the statement.
   */
  public static String update(
      TableDef table,
      String target,
      String staging,
      List<String> keys,
      List<String> setColumns,
      String guardColumn,
      Object guardValue) {
    StringJoiner set = new StringJoiner(", ");
    for (String c : setColumns) {
      set.add(column(table.requireColumn(c).name()) + " = " + qualified("s", c));
    }
    String guard = "";
    if (guardColumn != null) {
      Column g = table.requireColumn(guardColumn);
      guard =
          guardValue == null
              ? " AND " + qualified("t", g.name()) + " IS NULL"
              : " AND " + qualified("t", g.name()) + " = " + literal(g, guardValue);
    }
    return "UPDATE "
        + target
        + " AS t\n"
        + "SET "
        + set
        + "\n"
        + "FROM (\n  "
        + dedupedStaging(table, staging, keys)
        + "\n) AS s\n"
        + "WHERE "
        + keyMatch(table, keys)
        + guard;
  }

  /**
   * One transaction: delete the target rows whose key value occurs in the staged rows, insert the
   * staged rows.
   */
  public static String replaceWhere(
      TableDef table, String target, String staging, String keyColumn) {
    String k = column(table.requireColumn(keyColumn).name());
    StringJoiner cols = new StringJoiner(", ");
    for (String c : table.columnNames()) {
      cols.add(column(c));
    }
    return "BEGIN TRANSACTION;\n"
        + "DELETE FROM "
        + target
        + " WHERE "
        + k
        + " IN (SELECT DISTINCT "
        + k
        + " FROM "
        + staging
        + ");\n"
        + insertFromStaging(target, cols, staging)
        + "COMMIT TRANSACTION;";
  }

  /** {@code INSERT INTO target (cols) SELECT cols FROM staging;} and a newline. */
  private static String insertFromStaging(String target, StringJoiner cols, String staging) {
    return "INSERT INTO " + target + " (" + cols + ") SELECT " + cols + " FROM " + staging + ";\n";
  }

  /** One transaction: delete every target row, insert the staged rows (a gated REPLACE). */
  public static String replaceAll(TableDef table, String target, String staging) {
    StringJoiner cols = new StringJoiner(", ");
    for (String c : table.columnNames()) {
      cols.add(column(c));
    }
    return "BEGIN TRANSACTION;\n"
        + "DELETE FROM "
        + target
        + " WHERE TRUE;\n"
        + insertFromStaging(target, cols, staging)
        + "COMMIT TRANSACTION;";
  }

  /** {@code ALTER TABLE target ADD COLUMN IF NOT EXISTS …} for nullable columns. */
  public static String addColumns(String target, List<Column> columns) {
    StringJoiner adds = new StringJoiner(",\n  ");
    for (Column c : columns) {
      if (c.required()) {
        throw new IllegalArgumentException("cannot add REQUIRED column " + c.name());
      }
      adds.add("ADD COLUMN IF NOT EXISTS " + column(c.name()) + " " + c.type().bigQuery());
    }
    return "ALTER TABLE " + target + "\n  " + adds;
  }

  // ------------------------------------------------------------------ driver-side statements

  /**
   * {@code ALTER TABLE target SET OPTIONS (expiration_timestamp = now + ttl)}, with BigQuery's own
   * clock: gives a staging table an expiration when it has none.
   */
  public static String expireTable(String target, java.time.Duration ttl) {
    if (ttl.isNegative() || ttl.isZero() || ttl.toSecondsPart() != 0 || ttl.toMillisPart() != 0) {
      throw new IllegalArgumentException(
          "a table expiration is a positive whole number of minutes: " + ttl);
    }
    return "ALTER TABLE "
        + target
        + " SET OPTIONS (expiration_timestamp = "
        + "TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL "
        + ttl.toMinutes()
        + " MINUTE))";
  }

  /** {@code TRUNCATE TABLE target}. */
  public static String truncate(String target) {
    return "TRUNCATE TABLE " + target;
  }

  /**
   * {@code INSERT INTO target (…) VALUES (…), …} for rows of the table's full schema, split into
   * statements of at most {@code maxChars} characters (BigQuery limits a query's text to 1 MB).
   */
  public static List<String> insertValues(
      TableDef table, String target, List<Row> rows, int maxChars) {
    StringJoiner cols = new StringJoiner(", ");
    for (String c : table.columnNames()) {
      cols.add(column(c));
    }
    String head = "INSERT INTO " + target + " (" + cols + ") VALUES\n";
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder(head);
    boolean empty = true;
    for (Row r : rows) {
      StringJoiner vals = new StringJoiner(", ", "(", ")");
      for (Column c : table.columns()) {
        vals.add(literal(c, r.getValue(c.name())));
      }
      String tuple = vals.toString();
      if (head.length() + tuple.length() > maxChars) {
        throw new IllegalArgumentException(
            "a row of " + table.name() + " is too large for one INSERT statement");
      }
      if (!empty && sb.length() + 2 + tuple.length() > maxChars) {
        out.add(sb.toString());
        sb = new StringBuilder(head);
        empty = true;
      }
      sb.append(empty ? "" : ",\n").append(tuple);
      empty = false;
    }
    if (!empty) {
      out.add(sb.toString());
    }
    return out;
  }
}
