package com.eros.tools.cli;

import com.eros.pipelines.support.Failures;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code ./eros} launcher: dispatches to a command; exit codes as {@link Failures} says. */
public final class Eros {
  private Eros() {}

  public static void main(String[] args) {
    if (LocalServiceFilter.appliesTo(args)) {
      LocalServiceFilter
          .install(); // no Dataflow/GCP registrars in a local DuckDB run: saves a second or more
    }
    int code = execute(args, System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /** Runs {@code ./eros args}; returns the exit code. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    boolean verbose = false;
    List<String> rest = new ArrayList<>();
    for (String a : args) {
      if (a.equals("--verbose") || a.equals("-v")) {
        verbose = true;
      } else {
        rest.add(a);
      }
    }
    if (rest.isEmpty()
        || rest.get(0).equals("--help")
        || rest.get(0).equals("-h")
        || rest.get(0).equals("help")) {
      usage(out);
      return rest.isEmpty() ? 2 : 0;
    }
    String name = rest.get(0);
    Optional<Command> command = Commands.find(name);
    if (command.isEmpty()) {
      err.println("eros: unknown command '" + name + "'; run ./eros --help for the list");
      return 2;
    }
    String[] commandArgs = rest.subList(1, rest.size()).toArray(new String[0]);
    try {
      return command.get().run(commandArgs, out);
    } catch (Throwable t) {
      int code = Failures.exitCode(t);
      err.println("eros " + name + ": " + Failures.describe(t));
      if (verbose) {
        t.printStackTrace(err);
      }
      return code;
    }
  }

  static void usage(PrintStream out) {
    out.println("Usage: ./eros <command> [options]     (./eros <command> --help for its options)");
    out.println();
    out.println("Commands:");
    for (Command c : Commands.all()) {
      out.printf("  %-22s %s%n", c.name(), c.summary());
    }
    out.println();
    out.println(
        "Global flags: --verbose (the stack trace of a failure after its one-line reason), --help");
    out.println(Failures.EXIT_CODES);
    out.println(
        "Default warehouse: --warehouse=duckdb:eros-local.duckdb (an embedded file in this folder);");
    out.println("production: --warehouse=bigquery:PROJECT.DATASET");
  }
}
