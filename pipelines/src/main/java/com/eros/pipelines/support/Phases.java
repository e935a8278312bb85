package com.eros.pipelines.support;

import java.io.PrintStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.runners.TransformHierarchy;

/**
 * Timestamps of a run's phases, for profiling the fixed cost of a run: with the system property
 * {@code eros.phases} set ({@code EROS_JAVA_OPTS="-Deros.phases ..."} or {@code ./eros bench}),
 * each {@link #mark} prints one line on stderr, {@code eros-phase <name> <ms since JVM start>}
 * ({@link #markGraph} adds the graph's primitive transforms, counted as composed, before the
 * runner's own replacements). Off by default, and then free.
 */
public final class Phases {
  static final String PROPERTY = "eros.phases";
  private static final boolean ON = System.getProperty(PROPERTY) != null;
  private static final long JVM_START_MS = ON ? jvmStartMillis() : 0;

  private Phases() {}

  /** Prints that phase {@code name} ended now (when enabled). */
  public static void mark(String name) {
    if (ON) {
      print(System.err, name, System.currentTimeMillis() - JVM_START_MS, "");
    }
  }

  /**
   * Prints that the graph of {@code p} is composed, with its number of primitive transforms (each
   * costs the DirectRunner an evaluator, an invoker class, and watermark bookkeeping).
   */
  public static void markGraph(Pipeline p) {
    if (ON) {
      print(
          System.err,
          "graph",
          System.currentTimeMillis() - JVM_START_MS,
          " (" + primitives(p) + " primitive transforms)");
    }
  }

  /** The number of primitive transforms of {@code p}. */
  static int primitives(Pipeline p) {
    int[] n = {0};
    p.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public void visitPrimitiveTransform(TransformHierarchy.Node node) {
            n[0]++;
          }
        });
    return n[0];
  }

  static void print(PrintStream err, String name, long sinceStartMs, String note) {
    err.println("eros-phase " + name + " " + sinceStartMs + note);
  }

  private static long jvmStartMillis() {
    return ProcessHandle.current()
        .info()
        .startInstant()
        .map(java.time.Instant::toEpochMilli)
        .orElseGet(() -> java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
  }
}
