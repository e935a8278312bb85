package com.eros.pipelines.captionperformance;

import com.eros.common.table.Tables;
import com.eros.common.time.LaTime;
import com.eros.common.warehouse.Warehouses;
import com.eros.common.warehouse.duckdb.DuckDbConnections;
import com.eros.common.warehouse.duckdb.DuckDbWarehouse;
import com.eros.pipelines.cli.BenchCommand.MemoryProbe;
import com.eros.pipelines.cli.Command;
import com.eros.pipelines.generate.Generator;
import com.eros.pipelines.generate.GeneratorConfig;
import com.eros.pipelines.support.Lifecycle;
import com.eros.pipelines.support.OptionsParser;
import com.eros.pipelines.support.UsageException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./eros bench caption-performance}: generates data (or reuses the file when it already holds
 * exactly that configuration), runs the pipeline (DirectRunner, tuned like ./eros) and the SQL
 * oracle on the same DuckDB file in this process, checks that they agree and prints wall time,
 * peak heap and peak RSS of each. Pipeline time runs from the pipeline's start to its tables
 * written; JVM start and data generation are excluded. Exit 1 when the results differ.
 */
public final class CaptionPerformanceBench implements Command {
  static final String DEFAULT_WAREHOUSE = "duckdb:bench-data/caption-performance.duckdb";
  static final String DEFAULT_NOW = "2026-11-29T12:00:00Z";
  static final String CONFIG_TABLE = "_eros_bench_inputs";
  private static final Map<String, String> OPTIONS = new LinkedHashMap<>();

  static {
    OPTIONS.put("messages", "mass_messages rows to generate (default 1000000)");
    OPTIONS.put("pages", "pages (creators) to generate (default 60)");
    OPTIONS.put("seed", "generator seed (default 42)");
    OPTIONS.put("now", "end of the generated 120-day history and the pipeline's --asOf (default " + DEFAULT_NOW + ")");
    OPTIONS.put("warehouse", "duckdb:PATH of the benchmark file (default " + DEFAULT_WAREHOUSE + ")");
  }

  @Override
  public String name() {
    return CaptionPerformancePipeline.COMMAND;
  }

  @Override
  public String summary() {
    return "caption_bandit_stats: Beam pipeline vs DuckDB SQL oracle (--messages N --pages P --seed S)";
  }

  @Override
  public int run(String[] args, PrintStream out) throws IOException {
    Map<String, String> o = parse(args);
    if (o == null) {
      out.println("./eros bench caption-performance [--messages N] [--pages P] [--seed S] [--now ISO] [--warehouse duckdb:PATH]");
      OPTIONS.forEach((k, v) -> out.printf("  --%-10s %s%n", k, v));
      return 0;
    }
    long messages = number(o, "messages", 1_000_000);
    long pages = number(o, "pages", 60);
    long seed = number(o, "seed", 42);
    if (messages < 1 || pages < 1 || pages > Integer.MAX_VALUE) {
      throw new UsageException("--messages and --pages must be at least 1");
    }
    Instant now;
    try {
      now = LaTime.parseInstant(o.getOrDefault("now", DEFAULT_NOW), "now");
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    String spec = o.getOrDefault("warehouse", DEFAULT_WAREHOUSE);
    if (!spec.startsWith("duckdb:")) {
      throw new UsageException("the benchmark runs on an embedded DuckDB file; use --warehouse duckdb:PATH");
    }
    Path parent = Path.of(spec.substring("duckdb:".length())).toAbsolutePath().getParent();
    if (parent != null && spec.equals(DEFAULT_WAREHOUSE)) {
      Files.createDirectories(parent);
    }
    DuckDbWarehouse wh;
    try {
      wh = (DuckDbWarehouse) Warehouses.fromSpec(spec);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }

    Runtime rt = Runtime.getRuntime();
    out.printf("bench caption-performance: %,d messages, %d pages, seed %d, asOf %s, on %s%n", messages, pages, seed, now,
        wh.path());
    out.printf("  JVM max heap %,d MB, %d processors (shared with whatever else runs on this machine), JVM flags %s%n",
        rt.maxMemory() >> 20, rt.availableProcessors(),
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());

    String config = "messages=" + messages + " pages=" + pages + " seed=" + seed + " now=" + now;
    String held = heldConfig(wh);
    if (config.equals(held)) {
      out.println("  reusing the data already in the file (" + config + ")");
    } else {
      out.println("  generating data (" + config + ")" + (held == null ? "" : "; the file held " + held));
      long g = System.nanoTime();
      Generator.generate(wh, new GeneratorConfig(messages, (int) pages, seed, now), null);
      rememberConfig(wh, config);
      out.printf("  generated in %.1f s (not part of any figure below)%n", (System.nanoTime() - g) / 1e9);
    }

    // --- the pipeline, as ./eros caption-performance runs it (cold DuckDB cache)
    settle(wh);
    String loadBefore = loadAverage();
    String[] pipelineArgs = {"--warehouse=" + wh.spec(), "--asOf=" + now, "--jobId=bench-" + UUID.randomUUID()};
    CaptionPerformanceOptions options = OptionsParser.parse(CaptionPerformanceOptions.class, pipelineArgs);
    OptionsParser.tuneLocalRunner(options);
    Lifecycle.Result<CaptionPerformanceSettings> result;
    long pipelineNanos;
    long pipelineHeap;
    long pipelineRss;
    boolean hwm;
    long pipelineCpu;
    try (MemoryProbe probe = MemoryProbe.start()) {
      long c = cpuNanos();
      long t = System.nanoTime();
      result = Lifecycle.run(new CaptionPerformancePipeline(), options, new PrintStream(OutputStream.nullOutputStream()));
      pipelineNanos = System.nanoTime() - t;
      pipelineCpu = cpuNanos() - c;
      probe.close();
      pipelineHeap = probe.peakHeapBytes();
      pipelineRss = probe.peakRssBytes();
      hwm = probe.rssIsHighWaterMark();
    }
    List<CaptionStats> written = CaptionPerformanceOracle.readTable(wh.path());

    // --- the oracle: one DuckDB SQL query on the same file (cold cache too)
    settle(wh);
    List<CaptionStats> expected;
    long oracleNanos;
    long oracleHeap;
    long oracleRss;
    long oracleCpu;
    try (MemoryProbe probe = MemoryProbe.start()) {
      long c = cpuNanos();
      long t = System.nanoTime();
      expected = CaptionPerformanceOracle.run(wh.path(), result.settings().stats());
      oracleNanos = System.nanoTime() - t;
      oracleCpu = cpuNanos() - c;
      probe.close();
      oracleHeap = probe.peakHeapBytes();
      oracleRss = probe.peakRssBytes();
    }

    List<String> diffs = CaptionPerformanceOracle.differences(expected, written);
    out.printf("%n  machine load average (1 min) before the pipeline %s, after the oracle %s%n", loadBefore, loadAverage());
    double ps = pipelineNanos / 1e9;
    double os = oracleNanos / 1e9;
    out.println();
    out.printf("  %-26s %14s %14s%n", "", "pipeline", "SQL oracle");
    out.printf("  %-26s %14.2f %14.2f%n", "wall seconds", ps, os);
    out.printf("  %-26s %14.2f %14.2f%n", "process CPU seconds", pipelineCpu / 1e9, oracleCpu / 1e9);
    out.printf("  %-26s %14s %14s%n", "ratio pipeline / oracle", String.format("%.1fx", ps / os), "1.0x");
    out.printf("  %-26s %,14d %,14d%n", "peak heap MB", pipelineHeap >> 20, oracleHeap >> 20);
    out.printf("  %-26s %,14d %,14d%n", "peak RSS MB" + (hwm ? "" : " (sampled)"), pipelineRss >> 20, oracleRss >> 20);
    out.printf("  %-26s %,14d %14s%n", "rows in (window + NULL)", result.outcome().counter("rows_read"), "same table");
    out.printf("  %-26s %,14d %14s%n", "rows rejected", result.outcome().counter("rows_rejected"), "-");
    out.printf("  %-26s %,14d %,14d%n", "rows out (stats rows)", written.size(), expected.size());
    if (diffs.isEmpty()) {
      out.printf("  agreement: identical (page, caption) keys, integers equal, floats within %.0e relative%n",
          CaptionPerformanceOracle.RELATIVE_TOLERANCE);
      return 0;
    }
    out.println("  DISAGREEMENT: " + diffs.size() + " differences, first ones:");
    diffs.stream().limit(10).forEach(d -> out.println("    " + d));
    return 1;
  }

  /** The 1-minute load average of the machine (other processes included), or "?" off Linux. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** CPU time of the whole process (every thread, DuckDB's included), or 0 when unavailable. */
  private static long cpuNanos() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** Checkpoints and closes the file so the next phase starts with DuckDB's cache empty, then GCs. */
  private static void settle(DuckDbWarehouse wh) {
    wh.execute("CHECKPOINT");
    DuckDbConnections.close(wh.path());
    System.gc();
  }

  /** The configuration the file holds, when its inputs are still exactly what was generated. */
  private static String heldConfig(DuckDbWarehouse wh) {
    if (!wh.tableExists(CONFIG_TABLE) || !wh.tableExists(Tables.MASS_MESSAGES.name())
        || !wh.tableExists(Tables.CAPTION_BANK.name())) {
      return null;
    }
    Object config = wh.scalar("SELECT config FROM " + CONFIG_TABLE + " WHERE fingerprint = (" + FINGERPRINT + ")");
    return config == null ? "other data" : config.toString();
  }

  private static void rememberConfig(DuckDbWarehouse wh, String config) {
    wh.execute("CREATE OR REPLACE TABLE " + CONFIG_TABLE + " AS SELECT CAST(? AS VARCHAR) AS config, (" + FINGERPRINT
        + ") AS fingerprint", config);
  }

  /** Row counts and content hashes of the inputs: a file edited since generation is not reused. */
  private static final String FINGERPRINT =
      "SELECT CAST((SELECT count(*) FROM mass_messages) AS VARCHAR) || ':' "
          + "|| CAST((SELECT coalesce(sum(hash(message_id, page_name, caption_id, message, sending_time, earnings, "
          + "sent_count, viewed_count, purchased_count, price)), 0) FROM mass_messages) AS VARCHAR) || ':' "
          + "|| CAST((SELECT count(*) FROM caption_bank) AS VARCHAR) || ':' "
          + "|| CAST((SELECT coalesce(sum(hash(caption_id, caption_text, page_name)), 0) FROM caption_bank) AS VARCHAR)";

  /** --key value and --key=value; null when help is asked. */
  private static Map<String, String> parse(String[] args) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        return null;
      }
      if (!a.startsWith("--")) {
        throw new UsageException("unexpected argument '" + a + "' (see ./eros bench caption-performance --help)");
      }
      String key;
      String value;
      int eq = a.indexOf('=');
      if (eq > 0) {
        key = a.substring(2, eq);
        value = a.substring(eq + 1);
      } else {
        key = a.substring(2);
        if (i + 1 >= args.length) {
          throw new UsageException("--" + key + " needs a value");
        }
        value = args[++i];
      }
      if (!OPTIONS.containsKey(key)) {
        throw new UsageException("unknown option --" + key + " (one of --" + String.join(", --", OPTIONS.keySet()) + ")");
      }
      m.put(key, value);
    }
    return m;
  }

  private static long number(Map<String, String> o, String key, long dflt) {
    String v = o.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      return Long.parseLong(v.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new UsageException("--" + key + "=" + v + " is not a whole number");
    }
  }
}
