package com.eros.common.warehouse;

import com.eros.common.warehouse.bigquery.BigQueryWarehouse;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/** Parses {@code --warehouse} values into adapters, with errors that say how to fix the value. */
public final class Warehouses {
  public static final String DEFAULT_SPEC = "duckdb:eros-local.duckdb";
  private static final String DUCKDB = "duckdb";

  /**
   * Google's rule for project ids (plus the legacy domain-scoped form {@code example.com:proj}).
   */
  public static final Pattern PROJECT_ID =
      Pattern.compile("([a-z][a-z0-9.-]*[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]");

  private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9_]{1,1024}");

  private Warehouses() {}

  /**
   * The adapter for a {@code --warehouse} value; {@link IllegalArgumentException} says what is
   * wrong.
   */
  public static Warehouse fromSpec(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException(
          "--warehouse is empty; use duckdb:PATH or bigquery:PROJECT.DATASET");
    }
    String s = spec.strip();
    int colon = s.indexOf(':');
    String scheme = colon < 0 ? "" : s.substring(0, colon);
    if (s.startsWith("bigquery:")) {
      String rest = s.substring("bigquery:".length());
      int dot = rest.lastIndexOf('.');
      if (dot <= 0 || dot == rest.length() - 1) {
        throw new IllegalArgumentException(
            "--warehouse="
                + spec
                + " must be bigquery:PROJECT.DATASET, e.g. bigquery:my-project.eros_scheduling_brain");
      }
      String project = rest.substring(0, dot);
      String dataset = rest.substring(dot + 1);
      if (!PROJECT_ID.matcher(project).matches()) {
        throw new IllegalArgumentException(
            "--warehouse="
                + spec
                + ": '"
                + project
                + "' is not a Google Cloud project id (6-30 characters: lower-case letters, digits, hyphens; starts with a letter)");
      }
      if (!DATASET.matcher(dataset).matches()) {
        throw new IllegalArgumentException(
            "--warehouse="
                + spec
                + ": '"
                + dataset
                + "' is not a BigQuery dataset name (letters, digits, _)");
      }
      return new BigQueryWarehouse(project, dataset);
    }
    for (WarehouseProvider provider : ServiceLoader.load(WarehouseProvider.class)) {
      if (provider.scheme().equals(scheme)) {
        return provider.create(spec, s.substring(colon + 1));
      }
    }
    if (scheme.equals(DUCKDB)) {
      throw new IllegalArgumentException(
          "--warehouse="
              + spec
              + " needs the DuckDB adapter, which this jar does not "
              + "have: the Flex Template jar reads BigQuery only (run ./eros for the embedded DuckDB file)");
    }
    throw new IllegalArgumentException(
        "--warehouse=" + spec + " is not understood; use duckdb:PATH or bigquery:PROJECT.DATASET");
  }
}
