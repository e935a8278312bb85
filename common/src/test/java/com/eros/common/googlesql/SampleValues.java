package com.eros.common.googlesql;

import com.eros.common.table.Column;
import com.eros.common.table.ColumnType;
import com.eros.common.table.TableDef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.Row;

/**
 * Awkward but valid values of each column type, for rendering statements the way the adapter does.
 */
public final class SampleValues {
  private SampleValues() {}

  /**
   * Several values of a type, edge cases included (quotes, newlines, NaN, infinities, the smallest
   * INT64, microseconds).
   */
  public static List<Object> of(ColumnType type) {
    return switch (type) {
      case STRING -> List.of("plain", "it's \"quoted\"\nand\\escaped\t", "");
      case INT64 -> List.of(0L, -42L, Long.MAX_VALUE, Long.MIN_VALUE);
      case FLOAT64 ->
          List.of(
              1.5,
              -0.25,
              3.0,
              1e-300,
              Double.NaN,
              Double.POSITIVE_INFINITY,
              Double.NEGATIVE_INFINITY);
      case BOOL -> List.of(true, false);
      case TIMESTAMP ->
          List.of(
              Instant.parse("2026-03-08T10:00:00.123456Z"), Instant.parse("1970-01-01T00:00:00Z"));
      case DATE -> List.of(LocalDate.of(2026, 3, 8), LocalDate.of(1, 1, 1));
    };
  }

  /**
   * Rows of the table's full schema: row i takes value i (cyclically) of each column; the last row
   * has every nullable column NULL.
   */
  public static List<Row> rows(TableDef table) {
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Row.Builder b = Row.withSchema(table.schema());
      for (Column c : table.columns()) {
        List<Object> vs = of(c.type());
        b.addValue(beam(c.type(), vs.get(i % vs.size())));
      }
      out.add(b.build());
    }
    Row.Builder nulls = Row.withSchema(table.schema());
    for (Column c : table.columns()) {
      nulls.addValue(c.required() ? beam(c.type(), of(c.type()).get(0)) : null);
    }
    out.add(nulls.build());
    return out;
  }

  /**
   * The value as a Beam Row field of the column type holds it (TIMESTAMP: a java.time.Instant with
   * microseconds).
   */
  static Object beam(ColumnType type, Object v) {
    return v;
  }
}
