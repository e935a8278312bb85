package com.eros.common.table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.beam.sdk.values.Row;

/**
 * TIMESTAMP values: {@code java.time.Instant}s of microsecond precision, BigQuery's precision.
 *
 * <p>Decision (issue "operational integrity", case 1): every TIMESTAMP column keeps its
 * microseconds from read to compare to write, in both adapters. Rows carry them as Beam's {@code
 * micros_instant} logical type; the DuckDB adapter reads and binds epoch microseconds ({@code
 * epoch_us}, {@code make_timestamp}); the BigQuery adapter reads Avro {@code timestamp-micros} and
 * writes and renders six fractional digits. Pure code that works on numbers uses epoch microseconds
 * ({@link #micros}), never milliseconds.
 */
public final class Timestamps {
  /** Microseconds in one hour and in one day of 24 hours. */
  public static final long HOUR_MICROS = 3_600_000_000L;

  public static final long DAY_MICROS = 86_400_000_000L;

  private Timestamps() {}

  /**
   * Epoch microseconds of an instant (sub-microsecond digits, which no store keeps, are dropped).
   */
  public static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  /** The instant of epoch microseconds. */
  public static Instant ofMicros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  /** The instant truncated to the microsecond (what a store keeps of it). */
  public static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** The TIMESTAMP field of a row as an instant, or null. */
  public static Instant get(Row row, String field) {
    return row.getLogicalTypeValue(field, Instant.class);
  }

  /** The TIMESTAMP field at a position of a row as an instant, or null. */
  public static Instant get(Row row, int field) {
    return row.getLogicalTypeValue(field, Instant.class);
  }

  /** Epoch microseconds of a TIMESTAMP field, or null. */
  public static Long microsOf(Row row, int field) {
    Instant i = get(row, field);
    return i == null ? null : micros(i);
  }
}
