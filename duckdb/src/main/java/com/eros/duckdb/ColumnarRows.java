package com.eros.duckdb;

import com.eros.common.table.Column;
import com.eros.common.table.ColumnType;
import com.eros.common.table.RowGroup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.RandomAccess;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * An immutable list of Rows of one schema stored by column: primitive arrays and a null mask per
 * column, with a Row built on each {@link #get}. A group of a grouped read (a page's messages)
 * holds thousands of rows until its consumer is done with them; as Rows (a row object, a value
 * array, a boxed value per column) they were most of the heap and of what every garbage collection
 * had to copy. Here a group is a few arrays, and the Rows a consumer asks for die young.
 *
 * <p>Each {@link #get} builds a new Row, equal to (not the same object as) the one before. The
 * {@link RowGroup} getters read a value from its column without building a Row.
 */
final class ColumnarRows extends AbstractList<Row> implements RandomAccess, RowGroup {
  private final Schema schema;
  private final ColumnType[] types;
  private final long[][] longs; // INT64, TIMESTAMP (micros), DATE (epoch day), BOOL (0/1)
  private final double[][] doubles; // FLOAT64
  private final String[][] strings; // STRING
  private final BitSet[] nulls;
  private final int size;

  private ColumnarRows(Builder b) {
    this.schema = b.schema;
    this.types = b.types;
    this.size = b.size;
    int n = types.length;
    this.longs = new long[n][];
    this.doubles = new double[n][];
    this.strings = new String[n][];
    this.nulls = new BitSet[n];
    for (int c = 0; c < n; c++) {
      longs[c] = b.longs[c] == null ? null : Arrays.copyOf(b.longs[c], size);
      doubles[c] = b.doubles[c] == null ? null : Arrays.copyOf(b.doubles[c], size);
      strings[c] = b.strings[c] == null ? null : Arrays.copyOf(b.strings[c], size);
      nulls[c] = (BitSet) b.nulls[c].clone();
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Row get(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("row " + i + " of " + size);
    }
    Object[] values = new Object[types.length];
    for (int c = 0; c < types.length; c++) {
      values[c] = nulls[c].get(i) ? null : value(c, i);
    }
    return Row.withSchema(schema).attachValues(values);
  }

  @Override
  public Row row(int i) {
    return get(i);
  }

  @Override
  public Long int64(int i, int col) {
    check(i, col, ColumnType.INT64);
    return nulls[col].get(i) ? null : longs[col][i];
  }

  @Override
  public Double float64(int i, int col) {
    check(i, col, ColumnType.FLOAT64);
    return nulls[col].get(i) ? null : doubles[col][i];
  }

  @Override
  public String string(int i, int col) {
    check(i, col, ColumnType.STRING);
    return strings[col][i]; // NULL is stored as null
  }

  @Override
  public Boolean bool(int i, int col) {
    check(i, col, ColumnType.BOOL);
    return nulls[col].get(i) ? null : longs[col][i] != 0;
  }

  @Override
  public Long micros(int i, int col) {
    check(i, col, ColumnType.TIMESTAMP);
    return nulls[col].get(i) ? null : longs[col][i];
  }

  @Override
  public LocalDate date(int i, int col) {
    check(i, col, ColumnType.DATE);
    return nulls[col].get(i) ? null : LocalDate.ofEpochDay(longs[col][i]);
  }

  /** Like a Row's getters: a wrong type is an error, not a silent conversion. */
  private void check(int i, int col, ColumnType type) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("row " + i + " of " + size);
    }
    if (types[col] != type) {
      throw new IllegalArgumentException(
          "column " + schema.getField(col).getName() + " is " + types[col] + ", not " + type);
    }
  }

  private Object value(int c, int i) {
    return switch (types[c]) {
      case STRING -> strings[c][i];
      case FLOAT64 -> doubles[c][i];
      case BOOL -> longs[c][i] != 0;
      case INT64, TIMESTAMP, DATE -> DuckDbSql.fromLong(types[c], longs[c][i]);
    };
  }

  /**
   * Collects rows from a result set, column by column; {@link #build} makes a list of the rows so
   * far and {@link #clear} starts the next one.
   */
  static final class Builder {
    private final Schema schema;
    private final ColumnType[] types;
    private final long[][] longs;
    private final double[][] doubles;
    private final String[][] strings;
    private final BitSet[] nulls;
    private int size;

    /** For rows of {@code schema}, whose columns are {@code cols} in the result set's order. */
    Builder(Schema schema, List<Column> cols) {
      this.schema = schema;
      int n = cols.size();
      this.types = new ColumnType[n];
      this.longs = new long[n][];
      this.doubles = new double[n][];
      this.strings = new String[n][];
      this.nulls = new BitSet[n];
      for (int c = 0; c < n; c++) {
        types[c] = cols.get(c).type();
        switch (types[c]) {
          case STRING -> strings[c] = new String[16];
          case FLOAT64 -> doubles[c] = new double[16];
          default -> longs[c] = new long[16];
        }
        nulls[c] = new BitSet();
      }
    }

    int size() {
      return size;
    }

    /**
     * Appends the result set's current row, except that STRING column {@code given} (0-based; -1
     * for none) takes {@code givenValue} instead of being read again: the caller has read the group
     * key already, and passing the same instance for a whole group stores one String, not one per
     * row.
     */
    void add(ResultSet rs, int given, String givenValue) throws SQLException {
      int i = size;
      for (int c = 0; c < types.length; c++) {
        int col = c + 1;
        switch (types[c]) {
          case STRING -> {
            String[] a = strings[c] = grow(strings[c], i);
            a[i] = c == given ? givenValue : rs.getString(col);
            if (a[i] == null) {
              nulls[c].set(i);
            }
          }
          case FLOAT64 -> {
            double[] a = doubles[c] = grow(doubles[c], i);
            a[i] = rs.getDouble(col);
            if (rs.wasNull()) {
              nulls[c].set(i);
            }
          }
          case BOOL -> {
            long[] a = longs[c] = grow(longs[c], i);
            a[i] = rs.getBoolean(col) ? 1 : 0;
            if (rs.wasNull()) {
              nulls[c].set(i);
            }
          }
          default -> { // INT64, TIMESTAMP (micros) and DATE (epoch day) arrive as longs
            long[] a = longs[c] = grow(longs[c], i);
            a[i] = rs.getLong(col);
            if (rs.wasNull()) {
              nulls[c].set(i);
            }
          }
        }
      }
      size++;
    }

    /** The rows added since the last {@link #clear}. */
    ColumnarRows build() {
      return new ColumnarRows(this);
    }

    /** Forgets every row. */
    void clear() {
      size = 0;
      for (BitSet b : nulls) {
        b.clear();
      }
    }

    private static long[] grow(long[] a, int i) {
      return i < a.length ? a : Arrays.copyOf(a, a.length * 2);
    }

    private static double[] grow(double[] a, int i) {
      return i < a.length ? a : Arrays.copyOf(a, a.length * 2);
    }

    private static String[] grow(String[] a, int i) {
      return i < a.length ? a : Arrays.copyOf(a, a.length * 2);
    }
  }
}
