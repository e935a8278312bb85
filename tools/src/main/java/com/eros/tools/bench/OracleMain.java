package com.eros.tools.bench;

import com.eros.pipelines.captionperformance.CaptionPerformanceConfig;
import com.eros.tools.oracle.CaptionPerformanceOracle;
import java.time.Instant;

/**
 * The SQL reference in its own JVM, for the benchmark's whole-process figures: {@code OracleMain
 * DUCKDB_PATH AS_OF} runs the caption-performance statement with the default settings and prints
 * the number of rows it computed.
 */
public final class OracleMain {
  private OracleMain() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: OracleMain DUCKDB_PATH AS_OF");
      System.exit(2);
    }
    int rows =
        CaptionPerformanceOracle.run(
                args[0], CaptionPerformanceConfig.defaults(Instant.parse(args[1])))
            .size();
    System.out.println(rows + " rows");
    System.exit(0);
  }
}
