package com.eros.common.table;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.beam.sdk.schemas.Schema;

/**
 * The single definition of a table. The Beam {@link Schema}, the DuckDB DDL ({@link DuckDbDdl}) and
 * the BigQuery DDL in {@code sql/ddl/} ({@link BigQueryDdl}) are all derived from it.
 */
public final class TableDef implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

  /** How a table is partitioned in BigQuery. */
  public enum PartitionKind {
    NONE,
    /** {@code PARTITION BY column} on a DATE column. */
    DATE_COLUMN,
    /** {@code PARTITION BY DATE(column)} on a TIMESTAMP column. */
    TIMESTAMP_DAY
  }

  private final String name;
  private final String description;
  private final boolean input;
  private final List<Column> columns;
  private final List<Column> ownedColumns;
  private final PartitionKind partitionKind;
  private final String partitionColumn;
  private final List<String> clusterBy;
  private transient Schema schema;

  private TableDef(Builder b) {
    this.name = b.name;
    this.description = b.description;
    this.input = b.input;
    this.columns = List.copyOf(b.columns);
    this.ownedColumns = List.copyOf(b.owned);
    this.partitionKind = b.partitionKind;
    this.partitionColumn = b.partitionColumn;
    this.clusterBy = List.copyOf(b.clusterBy);
    Map<String, Column> byName = new LinkedHashMap<>();
    for (Column c : columns) {
      if (byName.put(c.name(), c) != null) {
        throw new IllegalArgumentException(name + ": duplicate column " + c.name());
      }
    }
    if (partitionKind != PartitionKind.NONE) {
      Column p = byName.get(partitionColumn);
      ColumnType want =
          partitionKind == PartitionKind.DATE_COLUMN ? ColumnType.DATE : ColumnType.TIMESTAMP;
      if (p == null || p.type() != want) {
        throw new IllegalArgumentException(
            name + ": partition column must be a " + want + " column");
      }
    }
    for (String c : clusterBy) {
      if (!byName.containsKey(c)) {
        throw new IllegalArgumentException(name + ": unknown clustering column " + c);
      }
    }
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /** True for tables written by other systems and only read (or, for locks, updated) by us. */
  public boolean isInput() {
    return input;
  }

  public List<Column> columns() {
    return columns;
  }

  /**
   * Nullable columns the pipelines own on a table written by another system (an input): a run adds
   * them when the stored table lacks them (never creating the table itself).
   */
  public List<Column> ownedColumns() {
    return ownedColumns;
  }

  public List<String> columnNames() {
    List<String> names = new ArrayList<>(columns.size());
    for (Column c : columns) {
      names.add(c.name());
    }
    return names;
  }

  public Optional<Column> column(String columnName) {
    for (Column c : columns) {
      if (c.name().equals(columnName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The column, or an exception naming the table and the column. */
  public Column requireColumn(String columnName) {
    return column(columnName)
        .orElseThrow(
            () -> new IllegalArgumentException("table " + name + " has no column " + columnName));
  }

  public PartitionKind partitionKind() {
    return partitionKind;
  }

  public String partitionColumn() {
    return partitionColumn;
  }

  public List<String> clusterBy() {
    return Collections.unmodifiableList(clusterBy);
  }

  /** The Beam schema of the whole table; REQUIRED columns are non-nullable fields. */
  public Schema schema() {
    if (schema == null) {
      Schema.Builder sb = Schema.builder();
      for (Column c : columns) {
        Schema.Field f =
            Schema.Field.of(c.name(), c.type().beam()).withDescription(c.description());
        sb.addField(c.required() ? f : f.withNullable(true));
      }
      schema = sb.build();
    }
    return schema;
  }

  /** The Beam schema of a projection of this table, in the given column order. */
  public Schema schema(List<String> projection) {
    Schema full = schema();
    Schema.Builder sb = Schema.builder();
    for (String c : projection) {
      requireColumn(c);
      sb.addField(full.getField(c));
    }
    return sb.build();
  }

  /** Validates a table or dataset name before it is put into SQL. */
  public static String checkIdentifier(String identifier) {
    if (identifier == null || !NAME.matcher(identifier).matches()) {
      throw new IllegalArgumentException(
          "invalid identifier '" + identifier + "': use only A-Z, a-z, 0-9 and _");
    }
    return identifier;
  }

  @Override
  public String toString() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TableDef other && other.name.equals(name) && other.columns.equals(columns);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /** Builder; columns keep the order in which they are added. */
  public static final class Builder {
    private final String name;
    private String description = "";
    private boolean input;
    private final List<Column> columns = new ArrayList<>();
    private final List<Column> owned = new ArrayList<>();
    private PartitionKind partitionKind = PartitionKind.NONE;
    private String partitionColumn;
    private final List<String> clusterBy = new ArrayList<>();

    private Builder(String name) {
      this.name = checkIdentifier(name);
    }

    public Builder description(String d) {
      this.description = d;
      return this;
    }

    public Builder input() {
      this.input = true;
      return this;
    }

    public Builder required(String column, ColumnType type, String desc) {
      columns.add(Column.required(column, type, desc));
      return this;
    }

    public Builder nullable(String column, ColumnType type, String desc) {
      columns.add(Column.nullable(column, type, desc));
      return this;
    }

    /**
     * A nullable column the pipelines add to this input table when it is missing (see {@link
     * TableDef#ownedColumns()}).
     */
    public Builder owned(String column, ColumnType type, String desc) {
      Column c = Column.nullable(column, type, desc);
      columns.add(c);
      owned.add(c);
      return this;
    }

    public Builder partitionByDate(String column) {
      this.partitionKind = PartitionKind.DATE_COLUMN;
      this.partitionColumn = column;
      return this;
    }

    public Builder partitionByDayOf(String timestampColumn) {
      this.partitionKind = PartitionKind.TIMESTAMP_DAY;
      this.partitionColumn = timestampColumn;
      return this;
    }

    public Builder clusterBy(String... cols) {
      clusterBy.addAll(List.of(cols));
      return this;
    }

    public TableDef build() {
      return new TableDef(this);
    }
  }
}
