package com.eros.pipelines.support;

import com.eros.common.table.Column;
import com.eros.common.table.StoredColumn;
import com.eros.common.table.TableCheck;
import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WarehouseSetupException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks every run passes before it reads or writes anything (docs/operating-guarantees.md).
 * The refusals come first and write nothing; only when all pass does the run add the columns it
 * owns, clean up what killed runs left behind and create its absent output tables.
 */
public final class Preflight {
  /** Staging older than this belongs to a run that died before its commit. */
  public static final Duration STAGING_MAX_AGE = Duration.ofDays(1);

  private Preflight() {}

  /**
   * Refuses (exception, exit 2) when the warehouse cannot be used, an input table is missing, a
   * table has a column of the wrong type, or the job id already ran; then prepares the warehouse.
   *
   * @param inputs tables the run reads and never creates
   * @param outputs tables the run writes (created when absent)
   */
  public static void check(
      Warehouse wh, List<TableDef> inputs, List<TableDef> outputs, String jobId) {
    wh.open(false);
    Map<TableDef, List<Column>> toAdd = checkTables(wh, inputs, outputs);
    if (jobRan(wh, jobId)) {
      throw new UsageException(
          "--jobId="
              + jobId
              + " already ran: etl_job_runs has its row. A job id names one run; "
              + "leave --jobId out for a new id");
    }
    toAdd.forEach(wh::addColumns);
    wh.dropStaleStaging(STAGING_MAX_AGE);
    List<TableDef> ensure = new ArrayList<>(outputs);
    wh.ensureTables(ensure);
  }

  /**
   * Checks the stored tables against their definitions; returns the columns to add (owned columns
   * of inputs, nullable columns of outputs created by an earlier version). Throws {@link
   * WarehouseSetupException} naming table, column, found and expected type.
   */
  public static Map<TableDef, List<Column>> checkTables(
      Warehouse wh, List<TableDef> inputs, List<TableDef> outputs) {
    List<String> problems = new ArrayList<>();
    Map<TableDef, List<Column>> toAdd = new LinkedHashMap<>();
    for (TableDef t : inputs) {
      Optional<List<StoredColumn>> stored = wh.describe(t);
      if (stored.isEmpty()) {
        problems.add(
            "input table "
                + t.name()
                + " does not exist in "
                + wh.spec()
                + " (a pipeline never creates an input table: load it, or run ./eros generate for local data)");
      } else {
        check(t, stored.get(), problems, toAdd);
      }
    }
    for (TableDef t : outputs) {
      wh.describe(t).ifPresent(stored -> check(t, stored, problems, toAdd));
    }
    if (!problems.isEmpty()) {
      throw new WarehouseSetupException(
          problems.get(0)
              + (problems.size() == 1
                  ? ""
                  : " (and "
                      + (problems.size() - 1)
                      + " more: "
                      + String.join("; ", problems.subList(1, problems.size()))
                      + ")"),
          null);
    }
    return toAdd;
  }

  private static void check(
      TableDef t,
      List<StoredColumn> stored,
      List<String> problems,
      Map<TableDef, List<Column>> toAdd) {
    problems.addAll(TableCheck.problems(t, stored));
    List<Column> add = TableCheck.addable(t, stored);
    if (!add.isEmpty()) {
      toAdd.put(t, add);
    }
  }

  /** Whether etl_job_runs already has a row for the job id. */
  public static boolean jobRan(Warehouse wh, String jobId) {
    return !wh.query(
            Tables.ETL_JOB_RUNS, ReadSpec.columns("job_id").where(Filter.eq("job_id", jobId)))
        .isEmpty();
  }
}
