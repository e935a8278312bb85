package com.eros.duckdb;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.table.Column;
import com.eros.common.table.ColumnType;
import java.sql.ResultSet;
import java.sql.Statement;
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
