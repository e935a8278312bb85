package com.eros.common.warehouse;

import com.eros.common.warehouse.bigquery.BigQueryWarehouse;
import com.eros.common.warehouse.duckdb.DuckDbWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Parses {@code --warehouse} values into adapters, with errors that say how to fix the value. */
public final class Warehouses {
  public static final String DEFAULT_SPEC = "duckdb:eros-local.duckdb";
  /** Google's rule for project ids (plus the legacy domain-scoped form {@code example.com:proj}). */
  public static final Pattern PROJECT_ID = Pattern.compile("([a-z][a-z0-9.-]*[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]");
  private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9_]{1,1024}");

  private Warehouses() {}

  /** The adapter for a {@code --warehouse} value; {@link IllegalArgumentException} says what is wrong. */
  public static Warehouse fromSpec(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("--warehouse is empty; use duckdb:PATH or bigquery:PROJECT.DATASET");
    }
    String s = spec.strip();
    if (s.startsWith("duckdb:")) {
      String path = s.substring("duckdb:".length());
      if (path.isBlank()) {
        throw new IllegalArgumentException("--warehouse=" + spec + " names no file; use duckdb:PATH, e.g. duckdb:eros-local.duckdb");
      }
      Path p = Path.of(path).toAbsolutePath().normalize();
      Path parent = p.getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new IllegalArgumentException("--warehouse=" + spec + ": folder " + parent
            + " does not exist; create it (mkdir -p " + parent + ") or choose another path");
      }
      if (Files.isDirectory(p)) {
        throw new IllegalArgumentException("--warehouse=" + spec + " is a folder; name a file inside it, e.g. duckdb:" + path + "/eros.duckdb");
      }
      return new DuckDbWarehouse(p.toString());
    }
    if (s.startsWith("bigquery:")) {
      String rest = s.substring("bigquery:".length());
      int dot = rest.lastIndexOf('.');
      if (dot <= 0 || dot == rest.length() - 1) {
        throw new IllegalArgumentException("--warehouse=" + spec + " must be bigquery:PROJECT.DATASET, e.g. bigquery:my-project.eros_scheduling_brain");
      }
      String project = rest.substring(0, dot);
      String dataset = rest.substring(dot + 1);
      if (!PROJECT_ID.matcher(project).matches()) {
        throw new IllegalArgumentException("--warehouse=" + spec + ": '" + project
            + "' is not a Google Cloud project id (6-30 characters: lower-case letters, digits, hyphens; starts with a letter)");
      }
      if (!DATASET.matcher(dataset).matches()) {
        throw new IllegalArgumentException("--warehouse=" + spec + ": '" + dataset + "' is not a BigQuery dataset name (letters, digits, _)");
      }
      return new BigQueryWarehouse(project, dataset);
    }
    throw new IllegalArgumentException("--warehouse=" + spec + " is not understood; use duckdb:PATH or bigquery:PROJECT.DATASET");
  }
}
