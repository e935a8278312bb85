package com.eros.common.table;

import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;

/** The column types our tables use, with their spelling in BigQuery, DuckDB and Beam. */
public enum ColumnType {
  STRING("STRING", "VARCHAR", FieldType.STRING),
  INT64("INT64", "BIGINT", FieldType.INT64),
  FLOAT64("FLOAT64", "DOUBLE", FieldType.DOUBLE),
  BOOL("BOOL", "BOOLEAN", FieldType.BOOLEAN),
  /**
   * An instant, stored as UTC with microsecond precision (BigQuery's TIMESTAMP). Beam: the {@code
   * micros_instant} logical type ({@link SqlTypes#TIMESTAMP}), whose values are {@code
   * java.time.Instant}s: no read, compare or write drops the microseconds (Beam's {@code DATETIME}
   * is a Joda instant and would). See {@link Timestamps}.
   */
  TIMESTAMP("TIMESTAMP", "TIMESTAMP", FieldType.logicalType(SqlTypes.TIMESTAMP)),
  /**
   * A calendar date (always a Los Angeles date in this system). Beam: {@code java.time.LocalDate}.
   */
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
