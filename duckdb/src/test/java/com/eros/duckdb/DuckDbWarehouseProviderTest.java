package com.eros.duckdb;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.Warehouses;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --warehouse=duckdb:…} through the registered provider (META-INF/services). */
class DuckDbWarehouseProviderTest {
  @TempDir Path dir;

  private static String refusal(String spec) {
    return assertThrows(IllegalArgumentException.class, () -> Warehouses.fromSpec(spec))
        .getMessage();
  }

  @Test
  void aFileInAnExistingFolderIsTheDuckDbAdapterAndNothingIsCreated() {
    Path file = dir.resolve("w.duckdb");
    Warehouse w = Warehouses.fromSpec("duckdb:" + file);
    assertThat(w, instanceOf(DuckDbWarehouse.class));
    assertThat(((DuckDbWarehouse) w).path(), equalTo(file.toString()));
    assertThat(Files.exists(file), equalTo(false));
  }

  @Test
  void aPathWithoutFileAMissingFolderOrAFolderIsRefused() {
    assertThat(refusal("duckdb:"), containsString("names no file"));
    assertThat(
        refusal("duckdb:" + dir.resolve("missing").resolve("w.duckdb")),
        containsString("does not exist; create it"));
    assertThat(refusal("duckdb:" + dir), containsString("is a folder"));
  }
}
