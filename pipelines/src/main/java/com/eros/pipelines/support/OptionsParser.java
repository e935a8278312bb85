package com.eros.pipelines.support;

import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WarehouseOptions;
import com.eros.common.warehouse.Warehouses;
import java.util.Arrays;
import java.util.UUID;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Parses pipeline options with Beam's factory and turns its complaints into {@link
 * UsageException}s.
 */
public final class OptionsParser {
  private OptionsParser() {}

  /** True when the arguments ask for help. */
  public static boolean wantsHelp(String[] args) {
    return Arrays.stream(args)
        .anyMatch(a -> a.equals("--help") || a.equals("-h") || a.startsWith("--help="));
  }

  /** Prints Beam's help for an options interface (descriptions and defaults). */
  public static void printHelp(Class<? extends PipelineOptions> cls) {
    PipelineOptionsFactory.register(cls);
    PipelineOptionsFactory.printHelp(System.out, cls);
  }

  /** Parses and validates {@code args} as {@code cls}; sets a job id when none was given. */
  public static <T extends PipelineOptions> T parse(Class<T> cls, String[] args) {
    PipelineOptionsFactory.register(cls);
    T options;
    try {
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(cls);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UsageException(explain(firstLine(e.getMessage()), args) + " (see --help)", e);
    }
    if (options instanceof WarehouseOptions w && (w.getJobId() == null || w.getJobId().isBlank())) {
      w.setJobId(UUID.randomUUID().toString());
    }
    return options;
  }

  /** The warehouse adapter of the options, or a {@link UsageException} saying what is wrong. */
  public static Warehouse warehouse(WarehouseOptions options) {
    try {
      return Warehouses.fromSpec(options.getWarehouse());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  /**
   * For runs on the DirectRunner outside tests: production-like settings (Beam's immutability and
   * encodability checks off, one thread per core). Tests build their pipelines without this, so the
   * checks stay on there.
   */
  public static void tuneLocalRunner(PipelineOptions options) {
    if (DirectRunner.class.equals(options.getRunner())) {
      DirectOptions direct = options.as(DirectOptions.class);
      direct.setEnforceImmutability(false);
      direct.setEnforceEncodability(false);
      direct.setTargetParallelism(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }
  }

  /** Whether the pipeline runs in this process (and so the caller should wait and summarise). */
  public static boolean runsLocally(PipelineOptions options) {
    return DirectRunner.class.equals(options.getRunner());
  }

  private static final java.util.regex.Pattern MISSING_PROPERTY =
      java.util.regex.Pattern.compile(".*missing a property named '([^']+)'.*");
  private static final java.util.regex.Pattern BAD_VALUE =
      java.util.regex.Pattern.compile(
          ".*Cannot deserialize value of type `([^`]+)` from String \"([^\"]*)\".*");

  /** Rewrites Beam's messages about unknown options and unparsable values to name the option. */
  static String explain(String message, String[] args) {
    java.util.regex.Matcher missing = MISSING_PROPERTY.matcher(message);
    if (missing.matches()) {
      return "unknown option --" + missing.group(1);
    }
    java.util.regex.Matcher bad = BAD_VALUE.matcher(message);
    if (bad.matches()) {
      String kind = kind(bad.group(1));
      for (String a : args) {
        int eq = a.indexOf('=');
        if (a.startsWith("--") && eq > 2 && a.substring(eq + 1).equals(bad.group(2))) {
          return a.substring(0, eq) + "=" + bad.group(2) + " is not " + kind;
        }
      }
      return "'" + bad.group(2) + "' is not " + kind;
    }
    return message;
  }

  /** What a value of a Java type is, in words. */
  private static String kind(String javaType) {
    return switch (javaType) {
      case "java.lang.Integer", "int", "java.lang.Long", "long" -> "a whole number";
      case "java.lang.Double", "double", "java.lang.Float", "float" -> "a number";
      case "java.lang.Boolean", "boolean" -> "true or false";
      default -> "a valid " + javaType;
    };
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid options";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
