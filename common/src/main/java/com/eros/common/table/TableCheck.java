package com.eros.common.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares a table as the store has it with its definition, before a run reads or writes it. Pure.
 *
 * <p>Every column of the definition must be present with a store type the adapter reads as the
 * column's type; extra columns are allowed (other systems may add theirs). Some columns may be
 * missing because the run can add them ({@link #addable}): on an output table every nullable column
 * (a table created by an earlier version), on an input table the columns the pipelines own ({@link
 * TableDef#ownedColumns()}).
 */
public final class TableCheck {
  private TableCheck() {}

  /**
   * What is wrong with the stored table, one line each (table, column, found and expected type);
   * empty when fine.
   */
  public static List<String> problems(TableDef table, List<StoredColumn> stored) {
    Map<String, StoredColumn> byName = byName(stored);
    List<String> problems = new ArrayList<>();
    for (Column c : table.columns()) {
      StoredColumn s = byName.get(c.name().toLowerCase(Locale.ROOT));
      if (s == null) {
        if (!canAdd(table, c)) {
          problems.add(
              table.name() + "." + c.name() + " is missing (expected " + c.type().bigQuery() + ")");
        }
      } else if (s.type() != c.type()) {
        problems.add(
            table.name()
                + "."
                + c.name()
                + " is "
                + s.storeType()
                + ", expected "
                + c.type().bigQuery()
                + " ("
                + c.type().duckDb()
                + " in DuckDB)");
      }
    }
    return problems;
  }

  /**
   * The columns of the definition that the stored table lacks and the run adds (see the class
   * comment).
   */
  public static List<Column> addable(TableDef table, List<StoredColumn> stored) {
    Map<String, StoredColumn> byName = byName(stored);
    List<Column> missing = new ArrayList<>();
    for (Column c : table.columns()) {
      if (!byName.containsKey(c.name().toLowerCase(Locale.ROOT)) && canAdd(table, c)) {
        missing.add(c);
      }
    }
    return missing;
  }

  private static boolean canAdd(TableDef table, Column c) {
    return table.isInput() ? table.ownedColumns().contains(c) : !c.required();
  }

  private static Map<String, StoredColumn> byName(List<StoredColumn> stored) {
    Map<String, StoredColumn> m = new HashMap<>();
    for (StoredColumn s : stored) {
      m.put(s.name().toLowerCase(Locale.ROOT), s);
    }
    return m;
  }
}
