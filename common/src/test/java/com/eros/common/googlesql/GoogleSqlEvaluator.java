package com.eros.common.googlesql;

import com.eros.common.table.Column;
import com.eros.common.table.TableDef;
import com.google.zetasql.EvaluatorTableModifyResponse;
import com.google.zetasql.PreparedModify;
import com.google.zetasql.PreparedQuery;
import com.google.zetasql.SimpleColumn;
import com.google.zetasql.SqlException;
import com.google.zetasql.TableContent;
import com.google.zetasql.Type;
import com.google.zetasql.TypeFactory;
import com.google.zetasql.Value;
import com.google.zetasql.ZetaSQLType.TypeKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;
import org.joda.time.ReadableInstant;

/**
 * Runs SELECT statements (and single DML statements) on GoogleSQL's reference evaluator over
 * in-memory tables. Table contents are Beam Rows with the columns of the table's {@link TableDef}
 * (TIMESTAMP values as {@link Instant}, microseconds kept, or Joda instants); a table with no rows
 * given is empty. Query parameters are plain Java values ({@link Instant} is a TIMESTAMP).
 *
 * <p>What the evaluator does not execute: MERGE, DDL and scripts (they are only analyzed).
 */
public final class GoogleSqlEvaluator {
  /**
   * Result columns and rows, values as Java objects (Long, Double, String, Boolean, Instant,
   * LocalDate, List, null).
   */
  public record Result(List<String> columns, List<List<Object>> rows) {
    /** Each row as column name → value, in column order. */
    public List<Map<String, Object>> maps() {
      List<Map<String, Object>> out = new ArrayList<>();
      for (List<Object> r : rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          m.put(columns.get(i), r.get(i));
        }
        out.add(m);
      }
      return out;
    }
  }

  private final TablesCatalog catalog;
  private final Map<String, List<Row>> rowsByTable = new HashMap<>();

  public GoogleSqlEvaluator(TablesCatalog catalog) {
    this.catalog = catalog;
  }

  /** The contents of {@code table}, under its plain and its full name. */
  public GoogleSqlEvaluator withRows(TableDef table, List<Row> rows) {
    rowsByTable.put(table.name(), List.copyOf(rows));
    rowsByTable.put(TablesCatalog.fullName(table.name()), List.copyOf(rows));
    return this;
  }

  /** The contents of the table registered as {@code name}. */
  public GoogleSqlEvaluator withRows(String name, List<Row> rows) {
    catalog.table(name);
    rowsByTable.put(name, List.copyOf(rows));
    return this;
  }

  public Result query(String sql, Map<String, Object> parameters) {
    GoogleSqlAnalyzer analyzer = new GoogleSqlAnalyzer(catalog, types(parameters));
    try (PreparedQuery q =
        PreparedQuery.builder()
            .setSql(sql)
            .setAnalyzerOptions(analyzer.options())
            .setCatalog(catalog.catalog())
            .setTablesContents(contents())
            .prepare()) {
      TableContent out = q.execute(values(parameters));
      List<String> names = new ArrayList<>();
      for (SimpleColumn c : q.getColumns()) {
        names.add(c.getName());
      }
      List<List<Object>> rows = new ArrayList<>();
      for (List<Value> r : out.getTableData()) {
        List<Object> row = new ArrayList<>();
        for (Value v : r) {
          row.add(java(v));
        }
        rows.add(row);
      }
      return new Result(names, rows);
    } catch (SqlException e) {
      throw new GoogleSqlRejected(e.getMessage(), sql, e);
    }
  }

  /**
   * Runs one INSERT, UPDATE or DELETE; returns the rows it changed (their new values, deleted rows
   * as they were).
   */
  public List<List<Object>> modify(String sql, Map<String, Object> parameters) {
    GoogleSqlAnalyzer analyzer = new GoogleSqlAnalyzer(catalog, types(parameters));
    try (PreparedModify m =
        PreparedModify.builder()
            .setSql(sql)
            .setAnalyzerOptions(analyzer.options())
            .setCatalog(catalog.catalog())
            .setTablesContents(contents())
            .prepare()) {
      EvaluatorTableModifyResponse response = m.execute(values(parameters));
      List<List<Object>> out = new ArrayList<>();
      for (EvaluatorTableModifyResponse.Row r : response.getContent()) {
        List<Object> row = new ArrayList<>();
        for (Value v : r.getContent()) {
          row.add(java(v));
        }
        out.add(row);
      }
      return out;
    } catch (SqlException e) {
      throw new GoogleSqlRejected(e.getMessage(), sql, e);
    }
  }

  private Map<String, TableContent> contents() {
    Map<String, TableContent> out = new HashMap<>();
    for (String name : catalog.catalog().getTableNameList()) {
      TableDef def = catalog.table(name);
      List<List<Value>> data = new ArrayList<>();
      for (Row r : rowsByTable.getOrDefault(name, List.of())) {
        List<Value> values = new ArrayList<>();
        for (Column c : def.columns()) {
          values.add(value(TablesCatalog.type(c.type()), r.getValue(c.name())));
        }
        data.add(values);
      }
      out.put(name, TableContent.create(data));
    }
    return out;
  }

  private static Map<String, Type> types(Map<String, Object> parameters) {
    Map<String, Type> out = new HashMap<>();
    parameters.forEach((k, v) -> out.put(k, typeOf(v)));
    return out;
  }

  private static Map<String, Value> values(Map<String, Object> parameters) {
    Map<String, Value> out = new HashMap<>();
    parameters.forEach((k, v) -> out.put(k, value(typeOf(v), v)));
    return out;
  }

  private static Type typeOf(Object v) {
    TypeKind kind;
    if (v instanceof String) {
      kind = TypeKind.TYPE_STRING;
    } else if (v instanceof Long || v instanceof Integer) {
      kind = TypeKind.TYPE_INT64;
    } else if (v instanceof Double) {
      kind = TypeKind.TYPE_DOUBLE;
    } else if (v instanceof Boolean) {
      kind = TypeKind.TYPE_BOOL;
    } else if (v instanceof Instant || v instanceof ReadableInstant) {
      kind = TypeKind.TYPE_TIMESTAMP;
    } else if (v instanceof LocalDate) {
      kind = TypeKind.TYPE_DATE;
    } else {
      throw new IllegalArgumentException("no GoogleSQL type for parameter value " + v);
    }
    return TypeFactory.createSimpleType(kind);
  }

  /** A Java value as a GoogleSQL value of {@code type}. */
  public static Value value(Type type, Object v) {
    if (v == null) {
      return Value.createNullValue(type);
    }
    return switch (type.getKind()) {
      case TYPE_STRING -> Value.createStringValue((String) v);
      case TYPE_INT64 -> Value.createInt64Value(((Number) v).longValue());
      case TYPE_DOUBLE -> Value.createDoubleValue(((Number) v).doubleValue());
      case TYPE_BOOL -> Value.createBoolValue((Boolean) v);
      case TYPE_DATE -> Value.createDateValue((LocalDate) v);
      case TYPE_TIMESTAMP -> Value.createTimestampValueFromUnixMicros(micros(v));
      default -> throw new IllegalArgumentException("unsupported type " + type);
    };
  }

  private static long micros(Object v) {
    if (v instanceof ReadableInstant ri) {
      return ri.getMillis() * 1000L;
    }
    Instant i = (Instant) v;
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
  }

  /** A GoogleSQL value as a Java value. */
  public static Object java(Value v) {
    if (v.isNull()) {
      return null;
    }
    return switch (v.getType().getKind()) {
      case TYPE_STRING -> v.getStringValue();
      case TYPE_INT64 -> v.getInt64Value();
      case TYPE_DOUBLE -> v.getDoubleValue();
      case TYPE_BOOL -> v.getBoolValue();
      case TYPE_DATE -> v.getLocalDateValue();
      case TYPE_TIMESTAMP -> {
        long us = v.getTimestampUnixMicros();
        yield Instant.ofEpochSecond(
            Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
      }
      case TYPE_ARRAY -> {
        List<Object> out = new ArrayList<>();
        for (Value e : v.getElementList()) {
          out.add(java(e));
        }
        yield out;
      }
      default -> throw new IllegalArgumentException("unsupported result type " + v.getType());
    };
  }
}
