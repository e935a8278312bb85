package com.eros.duckdb;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.table.Column;
import com.eros.common.table.ColumnType;
import com.eros.common.table.RowGroup;
import com.eros.common.table.Timestamps;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;

class ColumnarRowsTest {
  private static final List<Column> COLS =
      List.of(
          Column.nullable("s", ColumnType.STRING, "s"),
          Column.nullable("i", ColumnType.INT64, "i"),
          Column.nullable("f", ColumnType.FLOAT64, "f"),
          Column.nullable("b", ColumnType.BOOL, "b"),
          Column.nullable("t", ColumnType.TIMESTAMP, "t"),
          Column.nullable("d", ColumnType.DATE, "d"));

  /** Every type, NULL in every column, microseconds, negative and extreme values. */
  private static final String SQL =
      "SELECT s, i, f, b, epoch_us(t), (d - DATE '1970-01-01') FROM (VALUES"
          + " ('a', 1, 0.5, true, TIMESTAMP '2026-11-29 10:00:00.123456', DATE '2026-11-29'),"
          + " (NULL, NULL, NULL, NULL, NULL, NULL),"
          + " ('é', -9223372036854775807, -1e300, false, TIMESTAMP '1969-12-31 23:59:59.999999',"
          + " DATE '1901-01-01'),"
          + " ('', 0, 0.0, true, TIMESTAMP '2026-11-29 10:00:00', DATE '2026-11-30'))"
          + " v(s, i, f, b, t, d) ORDER BY i NULLS FIRST";

  private static Schema schema() {
    Schema.Builder b = Schema.builder();
    for (Column c : COLS) {
      b.addField(c.name(), c.type().beam().withNullable(true));
    }
    return b.build();
  }

  @Test
  void holdsTheSameRowsAsTheRowByRowReadForEveryTypeAndNull() throws Exception {
    Schema schema = schema();
    List<Row> expected = new ArrayList<>();
    List<Row> columnar;
    try (DuckDBConnection conn = DuckDbConnections.connect("");
        Statement st = conn.createStatement()) {
      try (ResultSet rs = st.executeQuery(SQL)) {
        while (rs.next()) {
          expected.add(DuckDbSql.toRow(rs, schema, COLS));
        }
      }
      ColumnarRows.Builder b = new ColumnarRows.Builder(schema, COLS);
      try (ResultSet rs = st.executeQuery(SQL)) {
        while (rs.next()) {
          b.add(rs, -1, null);
        }
      }
      columnar = b.build();
    }
    assertThat(columnar.size(), is(4));
    assertThat(new ArrayList<>(columnar), equalTo(expected));
    assertThat(columnar.get(0).getValue("t"), equalTo(null));
    assertThrows(IndexOutOfBoundsException.class, () -> columnar.get(4));
  }

  /**
   * The typed getters of a columnar group read the same values as the same getters over a plain
   * list of the row-by-row read's Rows ({@link RowGroup#of}), which read them from the Rows.
   */
  @Test
  void theGroupGettersReadWhatTheRowsHoldWithoutBuildingThem() throws Exception {
    Schema schema = schema();
    List<Row> rows = new ArrayList<>();
    ColumnarRows.Builder b = new ColumnarRows.Builder(schema, COLS);
    try (DuckDBConnection conn = DuckDbConnections.connect("");
        Statement st = conn.createStatement()) {
      try (ResultSet rs = st.executeQuery(SQL)) {
        while (rs.next()) {
          rows.add(DuckDbSql.toRow(rs, schema, COLS));
          b.add(rs, -1, null);
        }
      }
    }
    ColumnarRows columnar = b.build();
    RowGroup fromRows = RowGroup.of(rows);
    assertThat(RowGroup.of(columnar), sameInstance(columnar));
    assertThat(fromRows, not(sameInstance(rows)));
    assertThat(fromRows.size(), is(4));
    for (int i = 0; i < 4; i++) {
      Row row = rows.get(i);
      assertThat(columnar.string(i, 0), equalTo(row.getString("s")));
      assertThat(columnar.int64(i, 1), equalTo(row.getInt64("i")));
      assertThat(columnar.float64(i, 2), equalTo(row.getDouble("f")));
      assertThat(columnar.bool(i, 3), equalTo(row.getBoolean("b")));
      Instant t = Timestamps.get(row, "t");
      assertThat(columnar.micros(i, 4), equalTo(t == null ? null : Timestamps.micros(t)));
      assertThat(columnar.date(i, 5), equalTo(row.getLogicalTypeValue("d", LocalDate.class)));
      assertThat(columnar.row(i), equalTo(row));
      for (int c = 0; c < COLS.size(); c++) {
        assertThat(value(columnar, i, c), equalTo(value(fromRows, i, c)));
      }
      assertThat(fromRows.row(i), sameInstance(row));
    }
    // the NULL row (first in the query's order) reads NULL from every getter
    assertThat(columnar.int64(0, 1), equalTo(null));
    assertThat(columnar.micros(0, 4), equalTo(null));
    // microseconds kept, before the epoch too
    assertThat(columnar.micros(1, 4), equalTo(-1L));
    assertThat(columnar.micros(3, 4) % 1_000_000, equalTo(123_456L));
    // a getter of the wrong type is refused, as a Row's is
    IllegalArgumentException wrong =
        assertThrows(IllegalArgumentException.class, () -> columnar.int64(0, 4));
    assertThat(wrong.getMessage(), equalTo("column t is TIMESTAMP, not INT64"));
    assertThrows(IndexOutOfBoundsException.class, () -> columnar.string(4, 0));
  }

  private static Object value(RowGroup g, int i, int c) {
    return switch (COLS.get(c).type()) {
      case STRING -> g.string(i, c);
      case INT64 -> g.int64(i, c);
      case FLOAT64 -> g.float64(i, c);
      case BOOL -> g.bool(i, c);
      case TIMESTAMP -> g.micros(i, c);
      case DATE -> g.date(i, c);
    };
  }

  @Test
  void aBuiltListKeepsItsRowsWhenTheBuilderStartsTheNextGroup() throws Exception {
    Schema schema = schema();
    try (DuckDBConnection conn = DuckDbConnections.connect("");
        Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(SQL)) {
      ColumnarRows.Builder b = new ColumnarRows.Builder(schema, COLS);
      String key = "group-key";
      rs.next();
      b.add(rs, 0, key);
      rs.next();
      b.add(rs, 0, key);
      List<Row> first = b.build();
      b.clear();
      rs.next();
      b.add(rs, -1, null);
      List<Row> second = b.build();

      assertThat(first.size(), is(2));
      assertThat(second.size(), is(1));
      // the given key replaced the column's value, one instance for the group
      assertThat(first.get(1).getString("s"), sameInstance(key));
      assertThat(first.get(0).getInt64("i"), equalTo(null)); // the NULL row, ordered first
      assertThat(second.get(0).getInt64("i"), equalTo(0L)); // rows in query order: NULL, min, 0, 1
      assertThat(first.get(0), not(sameInstance(first.get(0))));
    }
  }
}
