package com.eros.duckdb;

import java.nio.file.Path;

/**
 * A DuckDB warehouse (the file created) in a test's temp folder; close it in @AfterEach to release
 * the file.
 */
public final class TempDuckDb implements AutoCloseable {
  private final DuckDbWarehouse warehouse;

  public TempDuckDb(Path dir) {
    this.warehouse = new DuckDbWarehouse(dir.resolve("test.duckdb").toAbsolutePath().toString());
    warehouse.open(true); // the file exists, as a warehouse in use does (pipelines never create it)
  }

  public DuckDbWarehouse warehouse() {
    return warehouse;
  }

  @Override
  public void close() {
    DuckDbConnections.close(warehouse.path());
  }
}
