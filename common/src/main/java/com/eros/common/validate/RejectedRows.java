package com.eros.common.validate;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/** Builds {@code rejected_rows} dead letters. */
public final class RejectedRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Key under which a dead letter is recorded once per pipeline, whatever the number of runs. */
  public static final String[] KEY = {"job_name", "source_table", "row_key", "reason"};

  private RejectedRows() {}

  public static Row of(String jobId, String jobName, String sourceTable, String rowKey, String reason, String payload, Instant at) {
    return Row.withSchema(Tables.REJECTED_ROWS.schema())
        .withFieldValue("job_id", jobId)
        .withFieldValue("job_name", jobName)
        .withFieldValue("source_table", sourceTable)
        .withFieldValue("row_key", rowKey)
        .withFieldValue("reason", reason)
        .withFieldValue("payload", payload)
        .withFieldValue("rejected_at", Timestamps.truncate(at))
        .build();
  }

  /** The row as a JSON object (instants and dates in ISO-8601, non-finite numbers as strings). */
  public static String toJson(Row row) {
    Map<String, Object> m = new LinkedHashMap<>();
    Schema s = row.getSchema();
    for (int i = 0; i < s.getFieldCount(); i++) {
      m.put(s.getField(i).getName(), jsonValue(row.getValue(i)));
    }
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object jsonValue(Object v) {
    if (v instanceof Instant i) {
      return i.toString(); // ISO-8601, every microsecond digit kept
    }
    if (v instanceof LocalDate d) {
      return d.toString();
    }
    if (v instanceof Double d && !Double.isFinite(d)) {
      return d.toString();
    }
    return v;
  }
}
