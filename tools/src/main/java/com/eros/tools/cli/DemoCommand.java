package com.eros.tools.cli;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.warehouse.Warehouses;
import com.eros.duckdb.DuckDbWarehouse;
import com.eros.pipelines.PipelineCatalog;
import com.eros.pipelines.support.EtlPipeline;
import com.eros.pipelines.support.UsageException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./eros demo}: on the embedded DuckDB file, generates demo data when the database has no
 * messages, runs every pipeline in schedule order, and prints what each table holds.
 */
final class DemoCommand implements Command {
  /**
   * The pipelines the demo runs, in order; the main job (daily automation) last but the monitor.
   */
  /** The scheduled pipelines, in the catalog's order (lock sweep before daily automation). */
  static final List<String> PIPELINES =
      PipelineCatalog.templated().stream().map(EtlPipeline::command).toList();

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "generate demo data into eros-local.duckdb (when empty), run every pipeline, print a summary";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    String warehouse = Warehouses.DEFAULT_SPEC;
    String messages = "200000";
    String pages = "60";
    String seed = "42";
    for (String a : args) {
      if (a.startsWith("--warehouse=")) {
        warehouse = a.substring("--warehouse=".length());
      } else if (a.startsWith("--messages=")) {
        messages = a.substring("--messages=".length());
      } else if (a.startsWith("--pages=")) {
        pages = a.substring("--pages=".length());
      } else if (a.startsWith("--seed=")) {
        seed = a.substring("--seed=".length());
      } else if (a.equals("--help") || a.equals("-h")) {
        out.println("./eros demo [--warehouse=duckdb:PATH] [--messages=N] [--pages=P] [--seed=S]");
        out.println(
            "  Generates demo data when the database has no messages (default 200000 messages, 60 pages, seed 42),");
        out.println("  runs " + String.join(", ", PIPELINES) + " on it and prints a summary.");
        return 0;
      } else {
        throw new UsageException("unknown option " + a + " (see ./eros demo --help)");
      }
    }
    if (!warehouse.startsWith("duckdb:")) {
      throw new UsageException(
          "the demo runs on the embedded DuckDB file only; use --warehouse=duckdb:PATH");
    }
    DuckDbWarehouse wh;
    try {
      wh = (DuckDbWarehouse) Warehouses.fromSpec(warehouse);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    long t0 = System.nanoTime();
    out.println("EROS demo on " + wh.spec());
    wh.open(true); // the demo (and generate) may create the file; the pipelines never do
    wh.ensureTables(Tables.ALL);
    long existing = count(wh, Tables.MASS_MESSAGES);
    List<String> steps = new ArrayList<>();
    if (existing == 0) {
      steps.add("generate");
    } else {
      out.println(
          "  database already holds "
              + existing
              + " messages; reusing them (delete the file for fresh data)");
    }
    steps.addAll(PIPELINES);
    int failures = 0;
    for (int i = 0; i < steps.size(); i++) {
      String step = steps.get(i);
      out.printf("%n[%d/%d] %s%n", i + 1, steps.size(), step);
      long s = System.nanoTime();
      List<String> stepArgs = new ArrayList<>(List.of("--warehouse=" + warehouse));
      if (step.equals("generate")) {
        stepArgs.addAll(List.of("--messages=" + messages, "--pages=" + pages, "--seed=" + seed));
      }
      int code = Commands.find(step).orElseThrow().run(stepArgs.toArray(new String[0]), out);
      out.printf(
          "[%d/%d] %s %s in %.1f s%n",
          i + 1,
          steps.size(),
          step,
          code == 0 ? "done" : "FAILED (exit " + code + ")",
          (System.nanoTime() - s) / 1e9);
      if (code != 0) {
        failures++;
      }
    }
    out.println();
    out.println("Tables in " + wh.path() + ":");
    for (TableDef t : Tables.ALL) {
      out.printf("  %-30s %,12d rows%n", t.name(), count(wh, t));
    }
    out.println();
    Commands.find("health").orElseThrow().run(new String[] {"--warehouse=" + warehouse}, out);
    out.printf(
        "%nDemo finished in %.1f s%s%n",
        (System.nanoTime() - t0) / 1e9,
        failures == 0 ? "" : " with " + failures + " failed step(s)");
    return failures == 0 ? 0 : 1;
  }

  private static long count(DuckDbWarehouse wh, TableDef t) {
    if (!wh.tableExists(t.name())) {
      return 0;
    }
    return wh.longScalar("SELECT count(*) FROM " + t.name());
  }
}
