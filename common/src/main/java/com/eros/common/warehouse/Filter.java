package com.eros.common.warehouse;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A predicate pushed into the store when reading. Values are typed ({@link Instant} for TIMESTAMP
 * columns, {@link LocalDate} for DATE, {@link Long}, {@link String} or {@link Boolean}); adapters
 * bind them as parameters (DuckDB) or render them as typed literals (BigQuery row restriction).
 */
public sealed interface Filter extends Serializable {
  String column();

  /** {@code lower <= column < upper}; either bound may be null (open). Optionally also NULLs. */
  record Range(String column, Object lowerInclusive, Object upperExclusive, boolean includeNull)
      implements Filter {
    public Range {
      Objects.requireNonNull(column);
      checkValue(lowerInclusive);
      checkValue(upperExclusive);
    }
  }

  /** {@code column = value}. */
  record Equals(String column, Object value) implements Filter {
    public Equals {
      Objects.requireNonNull(column);
      Objects.requireNonNull(value, "use IsNull for NULL");
      checkValue(value);
    }
  }

  /** {@code column IS NULL}. */
  record IsNull(String column) implements Filter {}

  /** Instants in {@code [from, to)}. */
  static Filter between(String column, Instant from, Instant to) {
    return new Range(column, from, to, false);
  }

  /**
   * Instants in {@code [from, to)}, or NULL (so that rows missing the value can be routed as
   * invalid).
   */
  static Filter betweenOrNull(String column, Instant from, Instant to) {
    return new Range(column, from, to, true);
  }

  static Filter atLeast(String column, Object lowerInclusive) {
    return new Range(column, lowerInclusive, null, false);
  }

  static Filter below(String column, Object upperExclusive) {
    return new Range(column, null, upperExclusive, false);
  }

  static Filter eq(String column, Object value) {
    return new Equals(column, value);
  }

  static Filter isNull(String column) {
    return new IsNull(column);
  }

  private static void checkValue(Object v) {
    if (v != null
        && !(v instanceof Instant
            || v instanceof LocalDate
            || v instanceof Long
            || v instanceof String
            || v instanceof Boolean)) {
      throw new IllegalArgumentException(
          "unsupported filter value type: " + v.getClass().getName());
    }
  }
}
