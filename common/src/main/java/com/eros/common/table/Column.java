package com.eros.common.table;

import java.io.Serializable;
import java.util.regex.Pattern;

/** One column of a table: name, type, whether it is REQUIRED, and a description. */
public record Column(String name, ColumnType type, boolean required, String description)
    implements Serializable {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public Column {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad column name: " + name);
    }
  }

  public static Column required(String name, ColumnType type, String description) {
    return new Column(name, type, true, description);
  }

  public static Column nullable(String name, ColumnType type, String description) {
    return new Column(name, type, false, description);
  }
}
