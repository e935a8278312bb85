package com.eros.common.warehouse;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * How rows are written to a table.
 *
 * <ul>
 *   <li>{@link Mode#APPEND}: add the rows.
 *   <li>{@link Mode#REPLACE}: the table becomes exactly the rows, atomically (readers never see a
 *       half-written table).
 *   <li>{@link Mode#INSERT_IF_ABSENT}: add the rows whose key (keyColumns) is not in the table yet;
 *       existing rows are never touched.
 *   <li>{@link Mode#UPDATE}: for each row, set {@code setColumns} on the table rows whose key
 *       columns match (NULL matches NULL) and whose guard column still equals the guard value.
 *   <li>{@link Mode#REPLACE_WHERE}: delete the table rows whose {@code keyColumns[0]} equals a
 *       value present in the rows, then insert the rows — atomically (for example: replace one
 *       date's profiles).
 * </ul>
 *
 * Every mode is idempotent under Beam bundle retries: applying the same rows twice gives the same
 * table.
 */
public record WriteSpec(
    Mode mode,
    List<String> keyColumns,
    List<String> setColumns,
    String guardColumn,
    Object guardValue)
    implements Serializable {

  public enum Mode {
    APPEND,
    REPLACE,
    INSERT_IF_ABSENT,
    UPDATE,
    REPLACE_WHERE
  }

  public WriteSpec {
    Objects.requireNonNull(mode);
    keyColumns = List.copyOf(keyColumns);
    setColumns = List.copyOf(setColumns);
  }

  public static WriteSpec append() {
    return new WriteSpec(Mode.APPEND, List.of(), List.of(), null, null);
  }

  public static WriteSpec replace() {
    return new WriteSpec(Mode.REPLACE, List.of(), List.of(), null, null);
  }

  public static WriteSpec insertIfAbsent(String... keyColumns) {
    return new WriteSpec(Mode.INSERT_IF_ABSENT, List.of(keyColumns), List.of(), null, null);
  }

  /** Replace the rows whose {@code column} value occurs in the written rows. */
  public static WriteSpec replaceWhere(String column) {
    return new WriteSpec(Mode.REPLACE_WHERE, List.of(column), List.of(), null, null);
  }

  /** Update {@code setColumns} where the key matches and {@code guardColumn = guardValue}. */
  public static WriteSpec update(
      List<String> keyColumns, List<String> setColumns, String guardColumn, Object guardValue) {
    return new WriteSpec(Mode.UPDATE, keyColumns, setColumns, guardColumn, guardValue);
  }
}
