package com.eros.common.warehouse;

import com.eros.common.table.TableDef;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;

/** What to read from a table: a projection (empty = every column) and filters (ANDed). */
public final class ReadSpec implements Serializable {
  private static final long serialVersionUID = 1L;
  private final List<String> columns;
  private final List<Filter> filters;

  private ReadSpec(List<String> columns, List<Filter> filters) {
    this.columns = List.copyOf(columns);
    this.filters = List.copyOf(filters);
  }

  public static ReadSpec all() {
    return new ReadSpec(List.of(), List.of());
  }

  public static ReadSpec columns(String... cols) {
    return new ReadSpec(List.of(cols), List.of());
  }

  public ReadSpec where(Filter filter) {
    List<Filter> f = new ArrayList<>(filters);
    f.add(filter);
    return new ReadSpec(columns, f);
  }

  public List<String> columns() {
    return columns;
  }

  public List<Filter> filters() {
    return filters;
  }

  /** The columns read from {@code table}, checked against its definition. */
  public List<String> resolveColumns(TableDef table) {
    for (Filter f : filters) {
      table.requireColumn(f.column());
    }
    if (columns.isEmpty()) {
      return table.columnNames();
    }
    for (String c : columns) {
      table.requireColumn(c);
    }
    return columns;
  }

  /** The schema of the rows this spec reads from {@code table}. */
  public Schema schema(TableDef table) {
    return table.schema(resolveColumns(table));
  }

  @Override
  public String toString() {
    return "columns=" + (columns.isEmpty() ? "*" : columns) + " filters=" + filters;
  }
}
