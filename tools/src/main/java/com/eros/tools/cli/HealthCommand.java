package com.eros.tools.cli;

import com.eros.common.time.LaTime;
import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.healthmonitor.HealthOptions;
import com.eros.pipelines.healthmonitor.Scorecard;
import com.eros.pipelines.support.OptionsParser;
import com.eros.pipelines.support.Preflight;
import com.eros.pipelines.support.RunClock;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/**
 * {@code ./eros health}: the quick scorecard, read driver-side through {@link Warehouse#query} (so
 * it works on DuckDB and BigQuery alike). Exit 0 when every check passes, 1 when one fails, 2 when
 * the tables cannot be read (warehouse missing, locked, not a DuckDB file, wrong column types).
 */
public final class HealthCommand implements Command {
  @Override
  public String name() {
    return "health";
  }

  @Override
  public String summary() {
    return "print the health scorecard (exit 1 when a check fails; for cron or CI probes)";
  }

  @Override
  public int run(String[] args, PrintStream out) {
    if (OptionsParser.wantsHelp(args)) {
      out.println(
          "./eros health [--warehouse=...] [--now=ISO]: the quick health scorecard; exit 1 when a check fails,");
      out.println("2 when the tables cannot be read.");
      out.flush();
      OptionsParser.printHelp(HealthOptions.class);
      return 0;
    }
    HealthOptions options = OptionsParser.parse(HealthOptions.class, args);
    Instant now = RunClock.instant(options.getNow(), "now", Instant.now());
    Warehouse warehouse = OptionsParser.warehouse(options);
    warehouse.open(false);
    Preflight.checkTables(
        warehouse, List.of(), Scorecard.READS); // a table it reads with the wrong types: exit 2
    List<Scorecard.Check> checks = Scorecard.measure(warehouse, now);
    print(checks, warehouse, now, out);
    return Scorecard.allOk(checks) ? 0 : 1;
  }

  static void print(
      List<Scorecard.Check> checks, Warehouse warehouse, Instant now, PrintStream out) {
    out.println(
        "EROS health at "
            + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            + " ("
            + now.atZone(LaTime.ZONE).toLocalDateTime().withNano(0)
            + " "
            + LaTime.ZONE
            + ") on "
            + warehouse.spec());
    out.printf("  %-6s %-34s %-34s %s%n", "status", "check", "measured", "limit");
    int failed = 0;
    for (Scorecard.Check c : checks) {
      out.printf("  %-6s %-34s %-34s %s%n", c.ok() ? "✓" : "✗", c.name(), c.measured(), c.limit());
      if (!c.ok()) {
        failed++;
      }
    }
    out.println(
        failed == 0
            ? "health: all " + checks.size() + " checks passed"
            : "health: " + failed + " of " + checks.size() + " checks failed");
  }
}
