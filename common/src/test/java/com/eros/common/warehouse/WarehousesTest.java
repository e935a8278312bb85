package com.eros.common.warehouse;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.warehouse.bigquery.BigQueryWarehouse;
import org.junit.jupiter.api.Test;

/**
 * {@code --warehouse} values on a class path without the DuckDB adapter, as in the Flex Template
 * jar: common's tests have no DuckDB module, so no {@link WarehouseProvider} is registered here.
 */
class WarehousesTest {
  private static String refusal(String spec) {
    return assertThrows(IllegalArgumentException.class, () -> Warehouses.fromSpec(spec))
        .getMessage();
  }

  @Test
  void aDuckDbFileWithoutTheAdapterIsRefusedSayingWhichJarToUse() {
    assertThat(refusal("duckdb:/tmp/x.duckdb"), containsString("needs the DuckDB adapter"));
    assertThat(refusal("duckdb:/tmp/x.duckdb"), containsString("run ./eros"));
  }

  @Test
  void anUnknownSchemeOrAnEmptyValueIsRefusedNamingTheForms() {
    assertThat(refusal("postgres:db"), containsString("is not understood"));
    assertThat(refusal(" "), containsString("use duckdb:PATH or bigquery:PROJECT.DATASET"));
  }

  @Test
  void bigQueryNeedsAValidProjectAndDataset() {
    assertThat(refusal("bigquery:proj"), containsString("must be bigquery:PROJECT.DATASET"));
    assertThat(
        refusal("bigquery:Bad_Project.eros"), containsString("is not a Google Cloud project"));
    assertThat(
        refusal("bigquery:my-project.bad-name"), containsString("is not a BigQuery dataset"));
    assertThat(
        Warehouses.fromSpec("bigquery:my-project.eros_scheduling_brain"),
        instanceOf(BigQueryWarehouse.class));
  }
}
