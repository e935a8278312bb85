package com.eros.pipelines.captionperformance;

import com.eros.common.time.Clock;
import com.eros.pipelines.cli.Command;
import com.eros.pipelines.support.OptionsParser;
import java.io.PrintStream;

/** {@code ./eros caption-performance [options]}. */
public final class CaptionPerformanceCommand implements Command {
  @Override
  public String name() {
    return CaptionPerformancePipeline.COMMAND;
  }

  @Override
  public String summary() {
    return "recompute caption_bandit_stats (REFERENCE §2): medians, Wilson bounds, posteriors, percentiles";
  }

  @Override
  public int run(String[] args, PrintStream out) {
    if (OptionsParser.wantsHelp(args)) {
      out.println("./eros caption-performance [--asOf=ISO] [--medianWindowDays=30] [--statsWindowDays=90]"
          + " [--halfLifeDays=14] [--z=1.96] [--warehouse=duckdb:PATH|bigquery:PROJECT.DATASET]");
      OptionsParser.printHelp(CaptionPerformanceOptions.class);
      return 0;
    }
    CaptionPerformanceOptions options = CaptionPerformancePipeline.parseOptions(args);
    CaptionPerformancePipeline.run(options, Clock.system(), out, true);
    return 0;
  }
}
