package com.eros.common.table;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.values.Row;

/**
 * Typed access by position to the rows of one group of a grouped read (a page's messages), without
 * building a {@link Row} per value read.
 *
 * <p>Why: the DuckDB adapter holds a group by column (primitive arrays); reading a message through
 * a Row built for it (a value array, a boxed value per column, an {@code Instant} that the reader
 * turns back into microseconds) was the largest cost per message of caption performance left in the
 * pipeline's own code (README, Performance). A group that is a plain list of Rows (the BigQuery
 * adapter, tests, any group after a coder round trip) is read through {@link #of} with the same
 * results; the two are checked against each other in the tests.
 *
 * <p>Getters return null for NULL; positions are the group's schema's field indexes.
 */
public interface RowGroup {
  /** The rows of {@code rows} as a group: the list itself when it is one, else a view of it. */
  static RowGroup of(List<Row> rows) {
    return rows instanceof RowGroup g ? g : new OfRows(rows);
  }

  int size();

  /** Row {@code i} whole (for the rare consumer that needs all of it, such as a dead letter). */
  Row row(int i);

  Long int64(int i, int col);

  Double float64(int i, int col);

  String string(int i, int col);

  Boolean bool(int i, int col);

  /** A TIMESTAMP value as epoch microseconds ({@link Timestamps#micros}). */
  Long micros(int i, int col);

  LocalDate date(int i, int col);

  /** A group read through the Rows of a list. */
  final class OfRows implements RowGroup {
    private final List<Row> rows;

    OfRows(List<Row> rows) {
      this.rows = Objects.requireNonNull(rows, "rows");
    }

    @Override
    public int size() {
      return rows.size();
    }

    @Override
    public Row row(int i) {
      return rows.get(i);
    }

    @Override
    public Long int64(int i, int col) {
      return rows.get(i).getInt64(col);
    }

    @Override
    public Double float64(int i, int col) {
      return rows.get(i).getDouble(col);
    }

    @Override
    public String string(int i, int col) {
      return rows.get(i).getString(col);
    }

    @Override
    public Boolean bool(int i, int col) {
      return rows.get(i).getBoolean(col);
    }

    @Override
    public Long micros(int i, int col) {
      return Timestamps.microsOf(rows.get(i), col);
    }

    @Override
    public LocalDate date(int i, int col) {
      return rows.get(i).getLogicalTypeValue(col, LocalDate.class);
    }
  }
}
