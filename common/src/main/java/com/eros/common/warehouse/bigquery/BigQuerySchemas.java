package com.eros.common.warehouse.bigquery;

import com.eros.common.table.Column;
import com.eros.common.table.ColumnType;
import com.eros.common.table.TableDef;
import com.google.api.services.bigquery.model.Clustering;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.api.services.bigquery.model.TimePartitioning;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TableDef} in the shapes of the BigQuery REST API: {@link TableSchema}, daily {@link
 * TimePartitioning} on the partition column, {@link Clustering}, and the {@link Table} to create.
 * Pure functions.
 */
public final class BigQuerySchemas {
  private BigQuerySchemas() {}

  /** The REST API type name of a column type (the names the API itself returns). */
  public static String apiType(ColumnType type) {
    return switch (type) {
      case STRING -> "STRING";
      case INT64 -> "INTEGER";
      case FLOAT64 -> "FLOAT";
      case BOOL -> "BOOLEAN";
      case TIMESTAMP -> "TIMESTAMP";
      case DATE -> "DATE";
    };
  }

  /**
   * The schema of the whole table: every column with its type, REQUIRED/NULLABLE mode and
   * description.
   */
  public static TableSchema tableSchema(TableDef table) {
    List<TableFieldSchema> fields = new ArrayList<>();
    for (Column c : table.columns()) {
      TableFieldSchema f =
          new TableFieldSchema()
              .setName(c.name())
              .setType(apiType(c.type()))
              .setMode(c.required() ? "REQUIRED" : "NULLABLE");
      if (!c.description().isEmpty()) {
        f.setDescription(c.description());
      }
      fields.add(f);
    }
    return new TableSchema().setFields(fields);
  }

  /**
   * Daily partitioning on the table's DATE or TIMESTAMP partition column; null when unpartitioned.
   */
  public static TimePartitioning timePartitioning(TableDef table) {
    if (table.partitionKind() == TableDef.PartitionKind.NONE) {
      return null;
    }
    return new TimePartitioning().setType("DAY").setField(table.partitionColumn());
  }

  /** Clustering on the table's clustering columns (in order); null when it has none. */
  public static Clustering clustering(TableDef table) {
    if (table.clusterBy().isEmpty()) {
      return null;
    }
    return new Clustering().setFields(new ArrayList<>(table.clusterBy()));
  }

  /** A reference to {@code tableName} in the dataset; every part is validated first. */
  public static TableReference tableRef(String project, String dataset, String tableName) {
    return new TableReference()
        .setProjectId(BigQuerySql.checkProject(project))
        .setDatasetId(TableDef.checkIdentifier(dataset))
        .setTableId(TableDef.checkIdentifier(tableName));
  }

  /** The table to create: schema, description, partitioning and clustering of the definition. */
  public static Table table(String project, String dataset, TableDef def) {
    Table t =
        new Table()
            .setTableReference(tableRef(project, dataset, def.name()))
            .setSchema(tableSchema(def));
    if (!def.description().isEmpty()) {
      t.setDescription(def.description());
    }
    TimePartitioning p = timePartitioning(def);
    if (p != null) {
      t.setTimePartitioning(p);
    }
    Clustering c = clustering(def);
    if (c != null) {
      t.setClustering(c);
    }
    return t;
  }
}
