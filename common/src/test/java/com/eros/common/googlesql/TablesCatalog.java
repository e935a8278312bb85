package com.eros.common.googlesql;

import com.eros.common.table.Column;
import com.eros.common.table.ColumnType;
import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.warehouse.bigquery.BigQuerySql;
import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SimpleTable;
import com.google.zetasql.Type;
import com.google.zetasql.TypeFactory;
import com.google.zetasql.ZetaSQLBuiltinFunctionOptions;
import com.google.zetasql.ZetaSQLType.TypeKind;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A GoogleSQL catalog built from {@link Tables}, the one definition of every table. Each table is
 * registered twice: under its plain name ({@code etl_job_runs}) and under the name the BigQuery
 * adapter writes, {@code `PROJECT.DATASET.etl_job_runs`} (GoogleSQL reads a fully back-quoted path
 * as one identifier). Further tables (a write's staging table) can be added under any name.
 */
public final class TablesCatalog {
  /** The project and dataset the statements are rendered for (any valid names would do). */
  public static final String PROJECT = "eros-sql-check";

  public static final String DATASET = "eros";

  private final SimpleCatalog catalog = new SimpleCatalog("eros");
  private final Map<String, TableDef> tables = new LinkedHashMap<>();

  private TablesCatalog() {
    catalog.addZetaSQLFunctionsAndTypes(
        new ZetaSQLBuiltinFunctionOptions(GoogleSqlAnalyzer.languageOptions()));
  }

  /** Every table of {@link Tables#ALL}. */
  public static TablesCatalog ofAllTables() {
    return of(Tables.ALL);
  }

  public static TablesCatalog of(Collection<TableDef> defs) {
    TablesCatalog c = new TablesCatalog();
    for (TableDef t : defs) {
      c.add(t.name(), t);
      c.add(fullName(t.name()), t);
    }
    return c;
  }

  /**
   * {@code PROJECT.DATASET.table}: the name under which {@code `PROJECT.DATASET.table`} resolves.
   */
  public static String fullName(String table) {
    return PROJECT + "." + DATASET + "." + table;
  }

  /** {@code `PROJECT.DATASET.table`}, as the adapter renders it ({@link BigQuerySql#tablePath}). */
  public static String path(String table) {
    return BigQuerySql.tablePath(PROJECT, DATASET, table);
  }

  /** {@code PROJECT.DATASET}: what replaces {@code ${dataset}} in sql/ddl and sql/health. */
  public static String datasetPath() {
    return PROJECT + "." + DATASET;
  }

  /**
   * Registers {@code def}'s columns under {@code name} (unless that name is registered already).
   */
  public TablesCatalog add(String name, TableDef def) {
    if (!tables.containsKey(name)) {
      SimpleTable t = new SimpleTable(name);
      for (Column c : def.columns()) {
        t.addSimpleColumn(c.name(), type(c.type()));
      }
      catalog.addSimpleTable(t);
      tables.put(name, def);
    }
    return this;
  }

  /**
   * Registers the table of {@code def} also under the adapter's path of {@code table} (a staging
   * table).
   */
  public TablesCatalog addInDataset(String table, TableDef def) {
    return add(fullName(table), def);
  }

  public TableDef table(String name) {
    TableDef t = tables.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no table " + name + " in the catalog");
    }
    return t;
  }

  public SimpleCatalog catalog() {
    return catalog;
  }

  /** The GoogleSQL type of a column type. */
  public static Type type(ColumnType t) {
    return TypeFactory.createSimpleType(
        switch (t) {
          case STRING -> TypeKind.TYPE_STRING;
          case INT64 -> TypeKind.TYPE_INT64;
          case FLOAT64 -> TypeKind.TYPE_DOUBLE;
          case BOOL -> TypeKind.TYPE_BOOL;
          case TIMESTAMP -> TypeKind.TYPE_TIMESTAMP;
          case DATE -> TypeKind.TYPE_DATE;
        });
  }
}
