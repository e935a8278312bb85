package com.eros.tools.cli;

import java.io.PrintStream;

/** One {@code ./eros} command. */
public interface Command {
  /** The word after {@code ./eros}. */
  String name();

  /** One line for {@code ./eros --help}. */
  String summary();

  /**
   * Runs the command. Throw {@link com.eros.pipelines.support.UsageException} for bad input (exit
   * 2); return a non-zero code for a failed check.
   */
  int run(String[] args, PrintStream out) throws Exception;
}
