package com.eros.tools.generate;

import com.eros.common.time.LaTime;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.Warehouses;
import com.eros.pipelines.support.UsageException;
import com.eros.tools.cli.Command;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ./eros generate}: writes demo input tables (see {@link Generator}). */
public final class GenerateCommand implements Command {
  static final long DEFAULT_MESSAGES = 200_000;
  static final int DEFAULT_PAGES = 60;
  static final long DEFAULT_SEED = 42;

  /** Captions of every page are held in memory (at least 5 per page): keep that bounded. */
  static final int MAX_PAGES = 100_000;

  private static final Map<String, String> OPTIONS = new LinkedHashMap<>();

  static {
    OPTIONS.put(
        "messages",
        "number of mass_messages rows, invalid ones included (default " + DEFAULT_MESSAGES + ")");
    OPTIONS.put(
        "pages", "number of pages (creators), sizes heavy-tailed (default " + DEFAULT_PAGES + ")");
    OPTIONS.put(
        "seed",
        "random seed; the same seed and --now give identical rows (default " + DEFAULT_SEED + ")");
    OPTIONS.put(
        "captionsPerPage",
        "captions each page owns besides the shared ones (default: 5 to 300 by page size;"
            + " the guide's scale is 10000)");
    OPTIONS.put(
        "now",
        "ISO-8601 instant the 120-day history ends at, e.g. 2026-11-29T11:05:00Z (default: now, to the minute)");
    OPTIONS.put(
        "warehouse",
        "duckdb:PATH or bigquery:PROJECT.DATASET (default " + Warehouses.DEFAULT_SPEC + ")");
  }

  @Override
  public String name() {
    return "generate";
  }

  @Override
  public String summary() {
    return "replace mass_messages, caption_bank and locks with synthetic demo data (--messages, --pages, --captionsPerPage, --seed, --now)";
  }

  @Override
  public int run(String[] args, PrintStream out) {
    Map<String, String> values = parse(args);
    if (values == null) {
      printHelp(out);
      return 0;
    }
    long messages = parseLong(values, "messages", DEFAULT_MESSAGES);
    long pages = parseLong(values, "pages", DEFAULT_PAGES);
    long seed = parseLong(values, "seed", DEFAULT_SEED);
    long captionsPerPage = parseLong(values, "captionsPerPage", 0);
    if (captionsPerPage < 0 || captionsPerPage > GeneratorConfig.MAX_CAPTIONS_PER_PAGE) {
      throw new UsageException(
          "--captionsPerPage="
              + captionsPerPage
              + " is out of range; give 1 to "
              + GeneratorConfig.MAX_CAPTIONS_PER_PAGE
              + ", or 0 (the same as leaving it out) for the default");
    }
    if (messages < 0) {
      throw new UsageException("--messages=" + messages + " is negative; give 0 or more messages");
    }
    if (pages < 1 || pages > MAX_PAGES) {
      throw new UsageException(
          "--pages=" + pages + " is out of range; give 1 to " + MAX_PAGES + " pages");
    }
    Instant now;
    if (values.containsKey("now")) {
      try {
        now = LaTime.parseInstant(values.get("now"), "now");
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage(), e);
      }
    } else {
      now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    }
    Warehouse wh;
    try {
      wh = Warehouses.fromSpec(values.getOrDefault("warehouse", Warehouses.DEFAULT_SPEC));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    GeneratorSummary summary =
        Generator.generate(
            wh, new GeneratorConfig(messages, (int) pages, seed, now, (int) captionsPerPage), out);
    summary.print(out);
    return 0;
  }

  /** The option values by name, or null when help was asked for. */
  static Map<String, String> parse(String[] args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        return null;
      }
      if (!a.startsWith("--")) {
        throw new UsageException(
            "unexpected argument '"
                + a
                + "'; options look like --messages=200000 (see ./eros generate --help)");
      }
      String name;
      String value;
      int eq = a.indexOf('=');
      if (eq >= 0) {
        name = a.substring(2, eq);
        value = a.substring(eq + 1);
      } else {
        name = a.substring(2);
        if (!OPTIONS.containsKey(name)) {
          throw unknown(name);
        }
        if (i + 1 >= args.length) {
          throw new UsageException(
              "--" + name + " needs a value, e.g. --" + name + "=" + example(name));
        }
        value = args[++i];
      }
      if (!OPTIONS.containsKey(name)) {
        throw unknown(name);
      }
      if (values.put(name, value) != null) {
        throw new UsageException("--" + name + " is given twice; give it once");
      }
    }
    return values;
  }

  private static UsageException unknown(String name) {
    return new UsageException(
        "unknown option --"
            + name
            + "; generate takes --"
            + String.join(", --", OPTIONS.keySet())
            + " (see ./eros generate --help)");
  }

  private static long parseLong(Map<String, String> values, String name, long dflt) {
    String v = values.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      return Long.parseLong(v.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new UsageException(
          "--"
              + name
              + "="
              + v
              + " is not a whole number; write it like --"
              + name
              + "="
              + example(name));
    }
  }

  private static String example(String name) {
    return switch (name) {
      case "messages" -> "200000";
      case "pages" -> "60";
      case "seed" -> "42";
      case "captionsPerPage" -> "10000";
      case "now" -> "2026-11-29T11:05:00Z";
      default -> "duckdb:eros-local.duckdb";
    };
  }

  static void printHelp(PrintStream out) {
    out.println("./eros generate [options]");
    out.println(
        "  Replaces mass_messages, caption_bank and active_caption_assignments with synthetic data:");
    out.println(
        "  heavy-tailed page sizes, shared and page-owned captions (some retired) with hidden success");
    out.println(
        "  propensities, 120 days of messages with Los Angeles hour and weekday effects, ~10 % of them");
    out.println(
        "  without caption_id but with a caption's text, ~0.5 % invalid rows of every rule, and caption");
    out.println("  locks in every state. The same --seed and --now give identical rows.");
    out.println();
    out.println("Options (--name=value or --name value):");
    for (Map.Entry<String, String> e : OPTIONS.entrySet()) {
      out.printf("  --%-10s %s%n", e.getKey(), e.getValue());
    }
    out.printf("  --%-10s %s%n", "help", "print this help");
  }
}
