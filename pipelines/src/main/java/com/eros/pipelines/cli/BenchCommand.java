package com.eros.pipelines.cli;

import com.eros.pipelines.dailyautomation.DailyAutomationBench;
import com.eros.pipelines.support.UsageException;
import java.io.PrintStream;
import java.util.Arrays;

/** {@code ./eros bench <pipeline> [options]}: times a pipeline on synthetic data and prints the figures. */
final class BenchCommand implements Command {
  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "benchmark a pipeline on synthetic data: bench daily-automation [--help]";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      out.println("./eros bench <pipeline> [options]   pipelines: daily-automation");
      return args.length == 0 ? 2 : 0;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    return switch (args[0]) {
      case "daily-automation" -> DailyAutomationBench.run(rest, out);
      default -> throw new UsageException("no benchmark for '" + args[0] + "' (bench daily-automation)");
    };
  }
}
