package com.eros.pipelines.support;

import com.eros.common.warehouse.WarehouseSetupException;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutionException;
import org.apache.beam.sdk.Pipeline.PipelineExecutionException;

/**
 * What a failure means for the one who started the command: its exit code and one line saying why.
 * The only place that describes failures; every command and every pipeline uses it.
 *
 * <ul>
 *   <li>2, could not start: a {@link UsageException} (bad or missing option, a job id that already
 *       ran, a clock out of bounds) or a {@link WarehouseSetupException} (warehouse missing,
 *       unreadable, locked, not a DuckDB file, wrong table schema, credentials) anywhere in the
 *       cause chain;
 *   <li>1, ran and failed: anything else.
 * </ul>
 */
public final class Failures {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int COULD_NOT_START = 2;

  /** The text of {@code --help}'s exit code section. */
  public static final String EXIT_CODES =
      "Exit codes: 0 the command did its work; 1 it ran and failed (a pipeline "
          + "error, the circuit breaker, the shrink guard, a failing health check); 2 it could not start (bad or missing "
          + "option, job id already used, clock out of bounds, warehouse missing/locked/unreadable/not a DuckDB file, "
          + "wrong table schema, credentials). One line on stderr says why.";

  private Failures() {}

  public static int exitCode(Throwable t) {
    return couldNotStart(t) != null ? COULD_NOT_START : FAILED;
  }

  /** One line: the refusal's own message, or the outermost meaningful message of the failure. */
  public static String describe(Throwable t) {
    Throwable refusal = couldNotStart(t);
    if (refusal != null) {
      return firstLine(refusal.getMessage(), refusal);
    }
    Throwable c = t;
    while (isWrapper(c) && c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return firstLine(c.getMessage(), c);
  }

  private static Throwable couldNotStart(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof UsageException || c instanceof WarehouseSetupException) {
        return c;
      }
    }
    return null;
  }

  /**
   * Exceptions that only carry another: Beam's and the JDK's wrappers, or a message that is just
   * the cause's.
   */
  private static boolean isWrapper(Throwable c) {
    if (c instanceof PipelineExecutionException
        || c instanceof ExecutionException
        || c instanceof InvocationTargetException
        || c.getClass().getName().endsWith("UserCodeException")) {
      return true;
    }
    String m = c.getMessage();
    return m == null || m.isBlank() || (c.getCause() != null && m.equals(c.getCause().toString()));
  }

  private static String firstLine(String m, Throwable t) {
    if (m == null || m.isBlank()) {
      return t.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
