package com.eros.common.table;

import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;

/** The column types our tables use, with their spelling in BigQuery, DuckDB and Beam. */
public enum ColumnType {
  STRING("STRING", "VARCHAR", FieldType.STRING),
  INT64("INT64", "BIGINT", FieldType.INT64),
  FLOAT64("FLOAT64", "DOUBLE", FieldType.DOUBLE),
  BOOL("BOOL", "BOOLEAN", FieldType.BOOLEAN),
  /** An instant, stored as UTC. Beam: {@code DATETIME} (Joda {@code Instant}, millisecond precision). */
  TIMESTAMP("TIMESTAMP", "TIMESTAMP", FieldType.DATETIME),
  /** A calendar date (always a Los Angeles date in this system). Beam: {@code java.time.LocalDate}. */
  DATE("DATE", "DATE", FieldType.logicalType(SqlTypes.DATE));

  private final String bigQuery;
  private final String duckDb;
  private final FieldType beam;

  ColumnType(String bigQuery, String duckDb, FieldType beam) {
    this.bigQuery = bigQuery;
    this.duckDb = duckDb;
    this.beam = beam;
  }

  public String bigQuery() {
    return bigQuery;
  }

  public String duckDb() {
    return duckDb;
  }

  public FieldType beam() {
    return beam;
  }

  /** Parses a BigQuery type name (as written in our DDL files). */
  public static ColumnType fromBigQuery(String name) {
    for (ColumnType t : values()) {
      if (t.bigQuery.equalsIgnoreCase(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown BigQuery type: " + name);
  }
}
