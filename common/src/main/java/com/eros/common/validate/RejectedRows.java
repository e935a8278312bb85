package com.eros.common.validate;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.warehouse.WriteSpec;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * Builds {@code rejected_rows} dead letters: one per bad row (docs/tables.md).
 *
 * <p>A dead letter is keyed by the pipeline, the source table and the row's fingerprint: the
 * SHA-256 of the row as JSON (every column read, page and message_id included) and the row's
 * occurrence among identical rows of its group (#0, #1, ...). So two bad rows with a NULL
 * message_id, or one message_id on two pages, get a dead letter each; exact duplicates get one each
 * too; and a re-run, or another run of the same pipeline that meets the same rows, adds nothing
 * (insert-if-absent on {@link #KEY}).
 */
public final class RejectedRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Key under which a dead letter is recorded once per pipeline, whatever the number of runs. */
  public static final String[] KEY = {"job_name", "source_table", "row_fingerprint"};

  /** How dead letters are written: insert-if-absent on {@link #KEY}, so a re-run adds none. */
  public static WriteSpec writeSpec() {
    return WriteSpec.insertIfAbsent(KEY);
  }

  private RejectedRows() {}

  /**
   * The dead letters of one group of rows (a page's messages): numbers identical rows so that each
   * gets its own fingerprint. Not thread-safe; one per group. Identical rows always fall into the
   * same group (they have the same page), and the numbering does not depend on their order.
   */
  public static final class Group {
    private final String jobId;
    private final String jobName;
    private final String sourceTable;
    private final Instant at;
    private final Map<String, Integer> seen = new HashMap<>();

    public Group(String jobId, String jobName, String sourceTable, Instant at) {
      this.jobId = jobId;
      this.jobName = jobName;
      this.sourceTable = sourceTable;
      this.at = Timestamps.truncate(at);
    }

    /** The dead letter of {@code row}, which broke {@code rule}. */
    public Row reject(Row row, Object rowKey, String pageName, MessageRule rule) {
      String payload = toJson(row);
      int occurrence = seen.merge(payload, 1, Integer::sum) - 1;
      // By position: Beam's by-name builder resolves every field name per row, which was most of
      // the cost of a dead letter.
      Object[] v = new Object[SCHEMA.getFieldCount()];
      v[JOB_ID] = jobId;
      v[JOB_NAME] = jobName;
      v[SOURCE_TABLE] = sourceTable;
      v[ROW_KEY] = rowKey == null ? null : rowKey.toString();
      v[PAGE_NAME] = pageName;
      v[FINGERPRINT] = fingerprint(payload, occurrence);
      v[REASON] = rule.reason();
      v[PAYLOAD] = payload;
      v[REJECTED_AT] = at;
      return Row.withSchema(SCHEMA).attachValues(v);
    }
  }

  private static final Schema SCHEMA = Tables.REJECTED_ROWS.schema();
  private static final int JOB_ID = SCHEMA.indexOf("job_id");
  private static final int JOB_NAME = SCHEMA.indexOf("job_name");
  private static final int SOURCE_TABLE = SCHEMA.indexOf("source_table");
  private static final int ROW_KEY = SCHEMA.indexOf("row_key");
  private static final int PAGE_NAME = SCHEMA.indexOf("page_name");
  private static final int FINGERPRINT = SCHEMA.indexOf("row_fingerprint");
  private static final int REASON = SCHEMA.indexOf("reason");
  private static final int PAYLOAD = SCHEMA.indexOf("payload");
  private static final int REJECTED_AT = SCHEMA.indexOf("rejected_at");

  /** Hex SHA-256 of the payload, then {@code #occurrence}. */
  static String fingerprint(String payload, int occurrence) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d) + "#" + occurrence;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
