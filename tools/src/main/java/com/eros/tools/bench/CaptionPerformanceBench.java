package com.eros.tools.bench;

import com.eros.common.table.Tables;
import com.eros.common.time.LaTime;
import com.eros.common.warehouse.Warehouses;
import com.eros.duckdb.DuckDbConnections;
import com.eros.duckdb.DuckDbWarehouse;
import com.eros.pipelines.captionperformance.CaptionPerformanceOptions;
import com.eros.pipelines.captionperformance.CaptionPerformancePipeline;
import com.eros.pipelines.captionperformance.CaptionPerformanceSettings;
import com.eros.pipelines.captionperformance.CaptionStats;
import com.eros.pipelines.support.Lifecycle;
import com.eros.pipelines.support.OptionsParser;
import com.eros.pipelines.support.UsageException;
import com.eros.tools.cli.BenchCommand.MemoryProbe;
import com.eros.tools.cli.Command;
import com.eros.tools.generate.Generator;
import com.eros.tools.generate.GeneratorConfig;
import com.eros.tools.oracle.CaptionPerformanceOracle;
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
 * {@code ./eros bench caption-performance}: generates data (or reuses the file when it already
 * holds exactly that configuration), runs the pipeline (DirectRunner, tuned like ./eros) and the
 * SQL oracle on the same DuckDB file in this process, checks that they agree and prints wall time,
 * peak heap and peak RSS of each. Pipeline time runs from the pipeline's start to its tables
 * written; JVM start and data generation are excluded. Exit 1 when the results differ, or when a
 * whole-process run fails (then it prints no whole-process figure).
 */
public final class CaptionPerformanceBench implements Command {
  static final String DEFAULT_WAREHOUSE = "duckdb:bench-data/caption-performance.duckdb";
  static final String DEFAULT_NOW = "2026-11-29T12:00:00Z";
  static final String CONFIG_TABLE = "_eros_bench_inputs";
  private static final Map<String, String> OPTIONS = new LinkedHashMap<>();

  static {
    OPTIONS.put("messages", "mass_messages rows to generate (default 1000000)");
    OPTIONS.put("pages", "pages (creators) to generate (default 60)");
    OPTIONS.put(
        "captionsPerPage",
        "captions each page owns (default: the generator's, 5 to 300 by page size)");
    OPTIONS.put("seed", "generator seed (default 42)");
    OPTIONS.put(
        "wholeProcess",
        "true (default): also time whole ./eros processes, a tiny input (the fixed cost) and"
            + " the full one, each beside the SQL statement in its own JVM; false: in-process figures only");
    OPTIONS.put(
        "now",
        "end of the generated 120-day history and the pipeline's --asOf (default "
            + DEFAULT_NOW
            + ")");
    OPTIONS.put(
        "warehouse", "duckdb:PATH of the benchmark file (default " + DEFAULT_WAREHOUSE + ")");
  }

  private final WholeProcess.Runner processes;

  public CaptionPerformanceBench() {
    this(WholeProcess::run);
  }

  /** With whole processes run by {@code processes} (tests). */
  CaptionPerformanceBench(WholeProcess.Runner processes) {
    this.processes = processes;
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
      out.println(
          "./eros bench caption-performance [--messages N] [--pages P] [--captionsPerPage C] [--seed S] [--now ISO]");
      out.println("    [--warehouse duckdb:PATH] [--wholeProcess true|false]");
      OPTIONS.forEach((k, v) -> out.printf("  --%-10s %s%n", k, v));
      return 0;
    }
    long messages = number(o, "messages", 1_000_000);
    long pages = number(o, "pages", 60);
    long seed = number(o, "seed", 42);
    long captionsPerPage = number(o, "captionsPerPage", 0);
    boolean wholeProcess = !"false".equals(o.getOrDefault("wholeProcess", "true"));
    if (messages < 1 || pages < 1 || pages > Integer.MAX_VALUE) {
      throw new UsageException("--messages and --pages must be at least 1");
    }
    if (captionsPerPage < 0 || captionsPerPage > GeneratorConfig.MAX_CAPTIONS_PER_PAGE) {
      throw new UsageException(
          "--captionsPerPage must be 1 to "
              + GeneratorConfig.MAX_CAPTIONS_PER_PAGE
              + ", or 0 for the generator's default");
    }
    Instant now;
    try {
      now = LaTime.parseInstant(o.getOrDefault("now", DEFAULT_NOW), "now");
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    String spec = o.getOrDefault("warehouse", DEFAULT_WAREHOUSE);
    if (!spec.startsWith("duckdb:")) {
      throw new UsageException(
          "the benchmark runs on an embedded DuckDB file; use --warehouse duckdb:PATH");
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
    out.printf(
        "bench caption-performance: %,d messages, %d pages, seed %d, asOf %s, on %s%n",
        messages, pages, seed, now, wh.path());
    out.printf(
        "  JVM max heap %,d MB, %d processors (shared with whatever else runs on this machine), JVM flags %s%n",
        rt.maxMemory() >> 20,
        rt.availableProcessors(),
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());

    GeneratorConfig generated =
        new GeneratorConfig(messages, (int) pages, seed, now, (int) captionsPerPage);
    ensureData(wh, generated, out);

    // --- the pipeline, as ./eros caption-performance runs it (cold DuckDB cache)
    settle(wh);
    String loadBefore = loadAverage();
    String[] pipelineArgs = {
      "--warehouse=" + wh.spec(), "--asOf=" + now, "--jobId=bench-" + UUID.randomUUID()
    };
    CaptionPerformanceOptions options =
        OptionsParser.parse(CaptionPerformanceOptions.class, pipelineArgs);
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
      result =
          Lifecycle.run(
              new CaptionPerformancePipeline(),
              options,
              new PrintStream(OutputStream.nullOutputStream()));
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
    out.printf(
        "%n  machine load average (1 min) before the pipeline %s, after the oracle %s%n",
        loadBefore, loadAverage());
    double ps = pipelineNanos / 1e9;
    double os = oracleNanos / 1e9;
    out.println();
    out.printf("  %-26s %14s %14s%n", "", "pipeline", "SQL oracle");
    out.printf("  %-26s %14.2f %14.2f%n", "wall seconds", ps, os);
    out.printf(
        "  %-26s %14.2f %14.2f%n", "process CPU seconds", pipelineCpu / 1e9, oracleCpu / 1e9);
    out.printf(
        "  %-26s %14s %14s%n", "ratio pipeline / oracle", String.format("%.1fx", ps / os), "1.0x");
    out.printf("  %-26s %,14d %,14d%n", "peak heap MB", pipelineHeap >> 20, oracleHeap >> 20);
    out.printf(
        "  %-26s %,14d %,14d%n",
        "peak RSS MB" + (hwm ? "" : " (sampled)"), pipelineRss >> 20, oracleRss >> 20);
    out.printf(
        "  %-26s %,14d %14s%n",
        "rows in (window + NULL)", result.outcome().counter("rows_read"), "same table");
    out.printf(
        "  %-26s %,14d %14s%n", "rows rejected", result.outcome().counter("rows_rejected"), "-");
    out.printf("  %-26s %,14d %,14d%n", "rows out (stats rows)", written.size(), expected.size());
    boolean figures = !wholeProcess || wholeProcessFigures(wh, generated, out);
    if (diffs.isEmpty()) {
      out.printf(
          "  agreement: identical (page, caption) keys, integers equal, floats within %.0e relative%n",
          CaptionPerformanceOracle.RELATIVE_TOLERANCE);
      if (!figures) {
        out.println("  no whole-process figures: a run did not complete (above)");
        return 1;
      }
      return 0;
    }
    out.println("  DISAGREEMENT: " + diffs.size() + " differences, first ones:");
    diffs.stream().limit(10).forEach(d -> out.println("    " + d));
    return 1;
  }

  /** Generates {@code c} into the file unless it already holds exactly that. */
  private static void ensureData(DuckDbWarehouse wh, GeneratorConfig c, PrintStream out) {
    String config =
        "messages="
            + c.messages()
            + " pages="
            + c.pages()
            + " seed="
            + c.seed()
            + " now="
            + c.now()
            + (c.captionsPerPage() > 0 ? " captionsPerPage=" + c.captionsPerPage() : "");
    String held = heldConfig(wh);
    if (config.equals(held)) {
      out.println("  reusing the data already in " + wh.path() + " (" + config + ")");
    } else {
      out.println(
          "  generating data (" + config + ")" + (held == null ? "" : "; the file held " + held));
      long g = System.nanoTime();
      Generator.generate(wh, c, null);
      rememberConfig(wh, config);
      out.printf(
          "  generated in %.1f s (not part of any figure below)%n", (System.nanoTime() - g) / 1e9);
    }
  }

  /** Messages of the tiny input whose whole-process time is the fixed cost of a run. */
  static final long FIXED_COST_MESSAGES = 2_000;

  /**
   * Whole ./eros processes: the pipeline on a tiny input (its time is the fixed cost of a run) and
   * on the benchmark's input, each beside the SQL statement in its own JVM; the cost per million
   * messages is the difference over the difference in messages. False, after saying why, when a run
   * failed or was interrupted: then there is no figure.
   */
  private boolean wholeProcessFigures(DuckDbWarehouse wh, GeneratorConfig big, PrintStream out)
      throws IOException {
    Path bigPath = Path.of(wh.path());
    String tinyName =
        bigPath.getFileName().toString().replaceFirst("\\.duckdb$", "") + "-fixed-cost.duckdb";
    DuckDbWarehouse tiny =
        (DuckDbWarehouse) Warehouses.fromSpec("duckdb:" + bigPath.resolveSibling(tinyName));
    out.println();
    out.println(
        "  whole process: a new JVM per run with this JVM's flags (the pipeline as ./eros runs it; the SQL");
    out.println(
        "  statement through the DuckDB JDBC driver in its own JVM); load average "
            + loadAverage());
    ensureData(tiny, new GeneratorConfig(FIXED_COST_MESSAGES, 5, big.seed(), big.now()), out);
    settle(tiny);
    settle(wh);
    try {
      String asOf = big.now().toString();
      WholeProcess.Result p0 = pipelineProcess(tiny, asOf);
      WholeProcess.Result o0 =
          processes.run(
              WholeProcess.javaCommand(OracleMain.class.getName(), List.of(tiny.path(), asOf)));
      WholeProcess.Result floor =
          processes.run(WholeProcess.javaCommand(FloorMain.class.getName(), List.of()));
      WholeProcess.Result pN = pipelineProcess(wh, asOf);
      WholeProcess.Result oN =
          processes.run(
              WholeProcess.javaCommand(OracleMain.class.getName(), List.of(wh.path(), asOf)));
      for (WholeProcess.Result r : List.of(p0, o0, floor, pN, oN)) {
        if (r.exitCode() != 0) {
          out.println(
              "  a whole-process run failed (exit " + r.exitCode() + "): " + r.stderrTail());
          return false;
        }
      }
      out.printf(
          "  %-34s %10s %10s %8s %12s %12s%n",
          "", "pipeline", "SQL", "ratio", "RSS MB pipe", "RSS MB SQL");
      row(
          out,
          String.format("fixed cost (%,d messages)", FIXED_COST_MESSAGES),
          p0.seconds(),
          o0.seconds(),
          p0.peakRssBytes(),
          o0.peakRssBytes());
      row(
          out,
          String.format("Beam's floor (%,d numbers)", FloorMain.NUMBERS),
          floor.seconds(),
          o0.seconds(),
          floor.peakRssBytes(),
          o0.peakRssBytes());
      row(
          out,
          String.format("%,d messages", big.messages()),
          pN.seconds(),
          oN.seconds(),
          pN.peakRssBytes(),
          oN.peakRssBytes());
      double millions = (big.messages() - FIXED_COST_MESSAGES) / 1e6;
      if (millions > 0) {
        double pm = (pN.seconds() - p0.seconds()) / millions;
        double om = (oN.seconds() - o0.seconds()) / millions;
        out.printf(
            "  %-34s %9.2fs %9.2fs %8s%n",
            "per million messages beyond", pm, om, om > 0 ? String.format("%.1fx", pm / om) : "-");
      }
      out.println(
          "  fixed-cost phases of the pipeline (seconds since its process started; each ends at the time shown):");
      out.println(phases(p0));
      out.printf(
          "  Beam's floor: the smallest pipeline (%,d numbers created in memory, one ParDo, a global"
              + " sum; no warehouse)%n  run like the pipeline, in a JVM like its own. No run on the"
              + " DirectRunner here takes less; its phases:%n",
          FloorMain.NUMBERS);
      out.println(phases(floor));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("  whole-process runs interrupted");
      return false;
    }
  }

  /** The phases of a child run on one line, then its exit time. */
  private static String phases(WholeProcess.Result r) {
    StringBuilder sb = new StringBuilder("   ");
    r.phases().forEach((k, v) -> sb.append(String.format(" %s %.2f", k, v / 1000.0)));
    return sb.append(String.format(" | exit %.2f", r.seconds())).toString();
  }

  private WholeProcess.Result pipelineProcess(DuckDbWarehouse wh, String asOf)
      throws IOException, InterruptedException {
    return processes.run(
        WholeProcess.javaCommand(
            com.eros.tools.cli.Eros.class.getName(),
            List.of(
                CaptionPerformancePipeline.COMMAND,
                "--warehouse=" + wh.spec(),
                "--asOf=" + asOf,
                "--jobId=bench-" + UUID.randomUUID())));
  }

  private static void row(PrintStream out, String label, double p, double o, long prss, long orss) {
    out.printf(
        "  %-34s %9.2fs %9.2fs %8s %,12d %,12d%n",
        label, p, o, String.format("%.1fx", p / o), prss >> 20, orss >> 20);
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
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /**
   * Checkpoints and closes the file so the next phase starts with DuckDB's cache empty, then GCs.
   */
  private static void settle(DuckDbWarehouse wh) {
    wh.execute("CHECKPOINT");
    DuckDbConnections.close(wh.path());
    System.gc();
  }

  /** The configuration the file holds, when its inputs are still exactly what was generated. */
  private static String heldConfig(DuckDbWarehouse wh) {
    if (!wh.tableExists(CONFIG_TABLE)
        || !wh.tableExists(Tables.MASS_MESSAGES.name())
        || !wh.tableExists(Tables.CAPTION_BANK.name())) {
      return null;
    }
    Object config =
        wh.scalar(
            "SELECT config FROM " + CONFIG_TABLE + " WHERE fingerprint = (" + FINGERPRINT + ")");
    return config == null ? "other data" : config.toString();
  }

  private static void rememberConfig(DuckDbWarehouse wh, String config) {
    wh.execute(
        "CREATE OR REPLACE TABLE "
            + CONFIG_TABLE
            + " AS SELECT CAST(? AS VARCHAR) AS config, ("
            + FINGERPRINT
            + ") AS fingerprint",
        config);
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
        throw new UsageException(
            "unexpected argument '" + a + "' (see ./eros bench caption-performance --help)");
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
        throw new UsageException(
            "unknown option --"
                + key
                + " (one of --"
                + String.join(", --", OPTIONS.keySet())
                + ")");
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
