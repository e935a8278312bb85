package com.eros.pipelines.support;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * Runs a pipeline: locally it waits, printing progress; on a remote runner it submits and returns.
 */
public final class Runs {
  private Runs() {}

  /** Outcome of a run: the Beam result and, for local runs, the wall time and final counters. */
  public record Outcome(
      PipelineResult result, boolean waited, Duration wallTime, Map<String, Long> counters) {
    public long counter(String name) {
      return counters.getOrDefault(name, 0L);
    }
  }

  public static Outcome run(Pipeline pipeline, String label, PrintStream progress) {
    boolean local = OptionsParser.runsLocally(pipeline.getOptions());
    long start = System.nanoTime();
    PipelineResult result = pipeline.run();
    Phases.mark("runner-started");
    if (!local) {
      progress.println(
          label + ": submitted (" + result.getClass().getSimpleName() + "); not waiting for it");
      return new Outcome(result, false, Duration.ZERO, Map.of());
    }
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "progress");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(
        () -> {
          long secs = Duration.ofNanos(System.nanoTime() - start).toSeconds();
          progress.println("  " + label + ": running " + secs + " s " + brief(counters(result)));
        },
        10,
        10,
        TimeUnit.SECONDS);
    try {
      result.waitUntilFinish();
    } finally {
      ticker.shutdownNow();
    }
    return new Outcome(result, true, Duration.ofNanos(System.nanoTime() - start), counters(result));
  }

  /** Every counter of the run, by name (summed over steps), committed values where available. */
  public static Map<String, Long> counters(PipelineResult result) {
    Map<String, Long> out = new TreeMap<>();
    try {
      MetricQueryResults q = result.metrics().queryMetrics(MetricsFilter.builder().build());
      for (MetricResult<Long> c : q.getCounters()) {
        Long v;
        try {
          v = c.getCommitted();
        } catch (UnsupportedOperationException e) {
          v = c.getAttempted();
        }
        out.merge(c.getName().getName(), v == null ? 0L : v, Long::sum);
      }
    } catch (RuntimeException e) {
      // metrics are informative only
    }
    return out;
  }

  private static String brief(Map<String, Long> counters) {
    StringBuilder sb = new StringBuilder();
    counters.forEach(
        (k, v) -> {
          if (sb.length() < 160) {
            sb.append(sb.length() == 0 ? "(" : ", ").append(k).append('=').append(v);
          }
        });
    return sb.length() == 0 ? "" : sb.append(')').toString();
  }
}
