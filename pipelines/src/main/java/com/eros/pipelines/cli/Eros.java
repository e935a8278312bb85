package com.eros.pipelines.cli;

import com.eros.common.warehouse.WarehouseSetupException;
import com.eros.pipelines.support.UsageException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.Pipeline.PipelineExecutionException;

/** The {@code ./eros} launcher: dispatches to a command; exit 0 ok, 1 failed, 2 bad input. */
public final class Eros {
  private Eros() {}

  public static void main(String[] args) {
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
    if (rest.isEmpty() || rest.get(0).equals("--help") || rest.get(0).equals("-h") || rest.get(0).equals("help")) {
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
      Throwable root = rootCause(t);
      boolean usage = root instanceof UsageException || t instanceof UsageException;
      boolean setup = !usage && setupProblem(t) != null;
      String message = usage ? (t instanceof UsageException ? t.getMessage() : root.getMessage())
          : setup ? setupProblem(t).getMessage() : describe(root);
      err.println("eros " + name + ": " + message);
      if (verbose) {
        t.printStackTrace(err);
      } else if (!usage && !setup) {
        err.println("(run again with --verbose for the stack trace)");
      }
      return usage || setup ? 2 : 1;
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
    out.println("Global flags: --verbose (stack traces on errors), --help");
    out.println("Default warehouse: --warehouse=duckdb:eros-local.duckdb (an embedded file in this folder);");
    out.println("production: --warehouse=bigquery:PROJECT.DATASET");
  }

  /** The {@link WarehouseSetupException} in the cause chain: a configuration problem (exit 2). */
  private static WarehouseSetupException setupProblem(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof WarehouseSetupException w) {
        return w;
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (true) {
      if (c instanceof UsageException) {
        return c;
      }
      Throwable next = c.getCause();
      if (next == null || next == c) {
        return c;
      }
      if (c instanceof PipelineExecutionException || c.getClass().getName().contains("UserCodeException")
          || c instanceof java.util.concurrent.ExecutionException || c.getMessage() == null) {
        c = next;
        continue;
      }
      if (next instanceof UsageException) {
        return next;
      }
      return c;
    }
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    return (m == null || m.isBlank()) ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }
}
