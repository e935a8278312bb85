package com.eros.duckdb;

import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WarehouseProvider;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --warehouse=duckdb:PATH}: the embedded DuckDB file (registered in META-INF/services). */
public final class DuckDbWarehouseProvider implements WarehouseProvider {
  @Override
  public String scheme() {
    return "duckdb";
  }

  @Override
  public Warehouse create(String spec, String path) {
    if (path.isBlank()) {
      throw new IllegalArgumentException(
          "--warehouse=" + spec + " names no file; use duckdb:PATH, e.g. duckdb:eros-local.duckdb");
    }
    Path p = Path.of(path).toAbsolutePath().normalize();
    Path parent = p.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new IllegalArgumentException(
          "--warehouse="
              + spec
              + ": folder "
              + parent
              + " does not exist; create it (mkdir -p "
              + parent
              + ") or choose another path");
    }
    if (Files.isDirectory(p)) {
      throw new IllegalArgumentException(
          "--warehouse="
              + spec
              + " is a folder; name a file inside it, e.g. duckdb:"
              + path
              + "/eros.duckdb");
    }
    return new DuckDbWarehouse(p.toString());
  }
}
