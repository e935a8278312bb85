package com.eros.pipelines.report;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * Null-tolerant reads of row fields by name. Numbers are read whatever their integer or floating
 * type, and a field a row's schema does not have reads as null, so a section copes with a table
 * defined with slightly different columns (e.g. the backtest table, defined elsewhere).
 */
final class Cells {
  private Cells() {}

  static boolean has(Row row, String field) {
    return row.getSchema().hasField(field);
  }

  static String string(Row row, String field) {
    if (!has(row, field)) {
      return null;
    }
    Object v = row.getValue(field);
    return v == null ? null : v.toString();
  }

  static Double dbl(Row row, String field) {
    if (!has(row, field)) {
      return null;
    }
    Object v = row.getValue(field);
    return v instanceof Number n ? n.doubleValue() : null;
  }

  static Long lng(Row row, String field) {
    if (!has(row, field)) {
      return null;
    }
    Object v = row.getValue(field);
    return v instanceof Number n ? n.longValue() : null;
  }

  static long lng(Row row, String field, long ifNull) {
    Long v = lng(row, field);
    return v == null ? ifNull : v;
  }

  static Boolean bool(Row row, String field) {
    if (!has(row, field)) {
      return null;
    }
    Object v = row.getValue(field);
    return v instanceof Boolean b ? b : null;
  }

  /** A TIMESTAMP field as an instant; a DATE field as the start of that day in UTC; else null. */
  static Instant instant(Row row, String field) {
    if (!has(row, field)) {
      return null;
    }
    Schema.FieldType type = row.getSchema().getField(field).getType();
    if (type.getTypeName() == Schema.TypeName.LOGICAL_TYPE) {
      Object v = row.getLogicalTypeValue(field, Object.class);
      if (v instanceof Instant i) {
        return i;
      }
      if (v instanceof LocalDate d) {
        return d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      }
      return null;
    }
    Object v = row.getValue(field);
    if (v instanceof org.joda.time.ReadableInstant j) {
      return Instant.ofEpochMilli(j.getMillis());
    }
    return null;
  }

  /** A DATE field as a date, or null. */
  static LocalDate date(Row row, String field) {
    if (!has(row, field)) {
      return null;
    }
    Object v = row.getLogicalTypeValue(field, Object.class);
    return v instanceof LocalDate d ? d : null;
  }
}
