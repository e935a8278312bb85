package com.eros.common.warehouse;

/**
 * An adapter of the storage port for one {@code --warehouse} scheme other than BigQuery's, found
 * with {@link java.util.ServiceLoader} ({@code META-INF/services}): the DuckDB adapter lives in its
 * own module, which the Flex Template jar does not include.
 */
public interface WarehouseProvider {
  /** The scheme before the colon, e.g. {@code duckdb}. */
  String scheme();

  /**
   * The adapter for {@code location} (what follows the colon); {@link IllegalArgumentException}
   * saying how to fix {@code spec} when the location is not usable.
   */
  Warehouse create(String spec, String location);
}
