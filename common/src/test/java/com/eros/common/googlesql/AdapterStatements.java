package com.eros.common.googlesql;

import com.eros.common.table.TableDef;
import com.eros.common.testing.RecordingWarehouse;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.WriteSpec;
import com.eros.common.warehouse.bigquery.BigQueryJobs;
import com.eros.common.warehouse.bigquery.BigQuerySql;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The GoogleSQL text the BigQuery adapter sends for a storage call, rendered for {@link
 * TablesCatalog#PROJECT}.{@link TablesCatalog#DATASET}:
 *
 * <ul>
 *   <li>a read, grouped read or driver-side query: its Storage Read API row restriction, checked as
 *       the WHERE clause of {@code SELECT <projection> FROM `p.d.t` WHERE <restriction>};
 *   <li>a staged write (INSERT_IF_ABSENT, UPDATE, REPLACE_WHERE): the statement that applies the
 *       staging table ({@link BigQuerySql#commitStatement}) and the ALTER TABLE that gives the
 *       staging table its expiration when it lost it; the staging table is registered in the
 *       catalog under its name;
 *   <li>APPEND and REPLACE are load jobs: no SQL.
 * </ul>
 */
public final class AdapterStatements {
  private AdapterStatements() {}

  /** A statement and what it was made for (for messages). */
  public record Statement(String origin, String sql) {}

  public static List<Statement> of(RecordingWarehouse.Call call, TablesCatalog catalog) {
    return switch (call.kind()) {
      case READ, READ_GROUPED, QUERY ->
          List.of(new Statement(call.toString(), select(call.table(), call.read())));
      case WRITE ->
          write(call.table(), call.write(), call.runId(), call.writeName(), false, catalog).stream()
              .map(sql -> new Statement(call.toString(), sql))
              .toList();
      case WRITE_IF ->
          write(call.table(), call.write(), call.runId(), call.writeName(), true, catalog).stream()
              .map(sql -> new Statement(call.toString(), sql))
              .toList();
      case ADD_COLUMNS ->
          List.of(
              new Statement(
                  call.toString(),
                  BigQuerySql.addColumns(
                      TablesCatalog.path(call.table().name()), call.table().ownedColumns())));
      default -> List.of();
    };
  }

  /** {@code SELECT <projection> FROM `p.d.t` [WHERE <row restriction>]}. */
  public static String select(TableDef table, ReadSpec spec) {
    StringJoiner cols = new StringJoiner(", ");
    for (String c : spec.resolveColumns(table)) {
      cols.add(BigQuerySql.column(c));
    }
    String restriction = BigQuerySql.rowRestriction(table, spec.filters());
    return "SELECT "
        + cols
        + " FROM "
        + TablesCatalog.path(table.name())
        + (restriction == null ? "" : " WHERE " + restriction);
  }

  /**
   * The statements of a staged write (none for APPEND, nor for an ungated REPLACE: load jobs);
   * registers its staging table. A gated REPLACE is staged: one transaction, or a TRUNCATE when
   * nothing was staged.
   */
  public static List<String> write(
      TableDef table,
      WriteSpec spec,
      String runId,
      String writeName,
      boolean gated,
      TablesCatalog catalog) {
    if (spec.mode() == WriteSpec.Mode.APPEND || (spec.mode() == WriteSpec.Mode.REPLACE && !gated)) {
      return List.of();
    }
    BigQuerySql.checkSpec(table, spec);
    String staging = BigQueryJobs.stagingTable(table.name(), runId, writeName);
    catalog.addInDataset(staging, table);
    List<String> out = new ArrayList<>();
    out.add(BigQuerySql.expireTable(TablesCatalog.path(staging), BigQueryJobs.STAGING_TTL));
    out.add(
        BigQuerySql.commitStatement(
            table, spec, TablesCatalog.path(table.name()), TablesCatalog.path(staging)));
    if (spec.mode() == WriteSpec.Mode.REPLACE) {
      out.add(BigQuerySql.truncate(TablesCatalog.path(table.name())));
    }
    return out;
  }
}
