package com.eros.pipelines.support;

import com.eros.common.warehouse.WarehouseOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** Runs pipelines through the one lifecycle in tests, with Beam's DirectRunner checks left on. */
public final class TestRuns {
  private TestRuns() {}

  /** What a command printed and returned. */
  public record Exec(int code, String out, String err) {}

  /**
   * Options of {@code cls} from command-line arguments, on the DirectRunner (no production tuning).
   */
  public static <O extends WarehouseOptions> O options(Class<O> cls, String... args) {
    PipelineOptionsFactory.register(cls);
    O o = PipelineOptionsFactory.fromArgs(args).withValidation().as(cls);
    o.setRunner(DirectRunner.class);
    return o;
  }

  /** Runs with parsed options; the summary goes to {@code out} (may be null: discarded). */
  public static <O extends WarehouseOptions, S extends RunSettings> Lifecycle.Result<S> run(
      EtlPipeline<O, S> pipeline, O options, StringBuilder out) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
      return Lifecycle.run(pipeline, options, ps);
    } finally {
      if (out != null) {
        out.append(buf.toString(StandardCharsets.UTF_8));
      }
    }
  }

  /** Runs a command line as the Flex Template main does (exit code, one line on err). */
  public static Exec exec(EtlPipeline<?, ?> pipeline, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Lifecycle.execute(pipeline, args, o, e);
    }
    return new Exec(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
