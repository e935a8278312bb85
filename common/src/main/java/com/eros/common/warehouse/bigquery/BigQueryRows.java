package com.eros.common.warehouse.bigquery;

import com.eros.common.table.Timestamps;
import com.google.api.services.bigquery.model.TableRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;
import org.apache.beam.sdk.values.Row;

/**
 * Our rows to and from BigQuery's wire formats, keeping every microsecond. Beam's {@code
 * BigQueryUtils} maps TIMESTAMP to its millisecond DATETIME and does not convert the
 * micro-precision logical type from Avro, so the adapter converts its six column types itself:
 *
 * <ul>
 *   <li>in: Storage Read API Avro records — TIMESTAMP is {@code timestamp-micros} (a long), DATE is
 *       {@code date} (an int of epoch days), STRING a CharSequence;
 *   <li>out: the JSON {@link TableRow} of a load job — TIMESTAMP as {@code yyyy-MM-dd
 *       HH:mm:ss.ffffff UTC}, DATE as {@code yyyy-MM-dd}, integers as strings (no float rounding).
 * </ul>
 */
public final class BigQueryRows {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private BigQueryRows() {}

  /** One Avro record of a read session as a Row of {@code schema} (fields looked up by name). */
  public static Row fromAvro(GenericRecord record, Schema schema) {
    Object[] values = new Object[schema.getFieldCount()];
    for (int i = 0; i < values.length; i++) {
      Schema.Field f = schema.getField(i);
      values[i] = fromAvroValue(f, record.get(f.getName()));
    }
    return Row.withSchema(schema).attachValues(values);
  }

  private static Object fromAvroValue(Schema.Field field, Object v) {
    if (v == null) {
      if (!field.getType().getNullable()) {
        throw new IllegalArgumentException(
            "BigQuery returned NULL for the REQUIRED field " + field.getName());
      }
      return null;
    }
    FieldType t = field.getType();
    if (t.getTypeName() == TypeName.LOGICAL_TYPE) {
      if (isTimestamp(t)) {
        return Timestamps.ofMicros(((Number) v).longValue());
      }
      if (isDate(t)) {
        return LocalDate.ofEpochDay(((Number) v).longValue());
      }
      throw new IllegalArgumentException("unsupported logical type of " + field.getName());
    }
    return switch (t.getTypeName()) {
      case STRING -> v.toString();
      case INT64 -> ((Number) v).longValue();
      case DOUBLE -> ((Number) v).doubleValue();
      case BOOLEAN -> (Boolean) v;
      default ->
          throw new IllegalArgumentException("unsupported type " + t + " of " + field.getName());
    };
  }

  /** A Row as the JSON row of a load job. */
  public static TableRow toTableRow(Row row) {
    TableRow out = new TableRow();
    Schema schema = row.getSchema();
    for (int i = 0; i < schema.getFieldCount(); i++) {
      Object v = row.getValue(i);
      if (v != null) {
        out.set(schema.getField(i).getName(), toJsonValue(v));
      }
    }
    return out;
  }

  /** A value in the JSON form BigQuery loads without loss. */
  static Object toJsonValue(Object v) {
    if (v instanceof Instant i) {
      return TIMESTAMP.format(Timestamps.truncate(i));
    }
    if (v instanceof LocalDate d) {
      return d.toString();
    }
    if (v instanceof Long l) {
      return l.toString();
    }
    if (v instanceof Double d && !Double.isFinite(d)) {
      return d.isNaN() ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }
    return v;
  }

  private static boolean isTimestamp(FieldType t) {
    return t.getLogicalType().getIdentifier().equals(SqlTypes.TIMESTAMP.getIdentifier());
  }

  private static boolean isDate(FieldType t) {
    return t.getLogicalType().getIdentifier().equals(SqlTypes.DATE.getIdentifier());
  }
}
