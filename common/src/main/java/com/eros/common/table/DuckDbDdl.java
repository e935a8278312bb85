package com.eros.common.table;

import java.util.StringJoiner;

/** DuckDB DDL derived from a {@link TableDef}. */
public final class DuckDbDdl {
  private DuckDbDdl() {}

  /** {@code CREATE TABLE IF NOT EXISTS name (...)}; REQUIRED columns are NOT NULL. */
  public static String createIfNotExists(TableDef table) {
    return create(table, table.name(), true, "");
  }

  /** DDL of a table named {@code name} with the columns of {@code table} plus extra column DDL. */
  public static String create(
      TableDef table, String name, boolean ifNotExists, String extraColumns) {
    StringJoiner cols =
        new StringJoiner(
            ",\n  ", "(\n  ", extraColumns.isEmpty() ? "\n)" : ",\n  " + extraColumns + "\n)");
    for (Column c : table.columns()) {
      cols.add(c.name() + " " + c.type().duckDb() + (c.required() ? " NOT NULL" : ""));
    }
    return "CREATE TABLE "
        + (ifNotExists ? "IF NOT EXISTS " : "")
        + TableDef.checkIdentifier(name)
        + " "
        + cols;
  }
}
