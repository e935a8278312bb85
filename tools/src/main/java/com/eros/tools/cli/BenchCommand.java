package com.eros.tools.cli;

import com.eros.pipelines.support.UsageException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * {@code ./eros bench <name> [options]}: benchmarks that run a pipeline and its SQL oracle on the
 * same data and print timings and memory. Add a benchmark with one line in {@link #BENCHES}.
 */
public final class BenchCommand implements Command {
  /** Benchmark name → its command (which receives the arguments after the name). */
  static final Map<String, Supplier<Command>> BENCHES = new LinkedHashMap<>();

  static {
    BENCHES.put("caption-performance", com.eros.tools.bench.CaptionPerformanceBench::new);
    BENCHES.put("daily-automation", DailyAutomationBenchCommand::new);
  }

  /**
   * {@code ./eros bench daily-automation}: see {@link com.eros.tools.bench.DailyAutomationBench}.
   */
  static final class DailyAutomationBenchCommand implements Command {
    @Override
    public String name() {
      return "daily-automation";
    }

    @Override
    public String summary() {
      return "daily automation on generated data (1 000 creators, 3 M messages by default)";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
      return com.eros.tools.bench.DailyAutomationBench.run(args, out);
    }
  }

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "benchmark a pipeline on generated data: " + String.join(", ", BENCHES.keySet());
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      out.println(
          "Usage: ./eros bench <benchmark> [options]     (./eros bench <benchmark> --help)");
      for (Map.Entry<String, Supplier<Command>> e : BENCHES.entrySet()) {
        out.printf("  %-22s %s%n", e.getKey(), e.getValue().get().summary());
      }
      return args.length == 0 ? 2 : 0;
    }
    Supplier<Command> bench = BENCHES.get(args[0]);
    if (bench == null) {
      throw new UsageException(
          "unknown benchmark '" + args[0] + "'; one of " + String.join(", ", BENCHES.keySet()));
    }
    return bench.get().run(Arrays.copyOfRange(args, 1, args.length), out);
  }

  /**
   * Peak memory of a phase of this process: heap (the largest heap occupancy seen just before a
   * garbage collection, or by a 10 ms sampler) and resident set (VmHWM of /proc/self/status, reset
   * at the start of the phase through /proc/self/clear_refs; where that is not allowed, the largest
   * VmRSS the sampler saw).
   */
  public static final class MemoryProbe implements AutoCloseable {
    private final AtomicLong peakHeap = new AtomicLong();
    private final AtomicLong peakRss = new AtomicLong();
    private final boolean hwmReset;
    private final Thread sampler;
    private final javax.management.NotificationListener listener;
    private volatile boolean running = true;

    private MemoryProbe() {
      hwmReset = resetHighWaterMark();
      listener =
          (notification, handback) -> {
            if ("com.sun.management.gc.notification".equals(notification.getType())) {
              CompositeData info = (CompositeData) notification.getUserData();
              CompositeData gcInfo = (CompositeData) info.get("gcInfo");
              long used = 0;
              for (Object v :
                  ((javax.management.openmbean.TabularData) gcInfo.get("memoryUsageBeforeGc"))
                      .values()) {
                CompositeData row = (CompositeData) v;
                String pool = (String) row.get("key");
                if (isHeapPool(pool)) {
                  used += MemoryUsage.from((CompositeData) row.get("value")).getUsed();
                }
              }
              peakHeap.accumulateAndGet(used, Math::max);
            }
          };
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof NotificationEmitter emitter) {
          emitter.addNotificationListener(listener, null, null);
        }
      }
      sampler =
          new Thread(
              () -> {
                while (running) {
                  sample();
                  try {
                    Thread.sleep(10);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "memory-probe");
      sampler.setDaemon(true);
      sampler.start();
    }

    /** Starts measuring now. */
    public static MemoryProbe start() {
      return new MemoryProbe();
    }

    private void sample() {
      peakHeap.accumulateAndGet(
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
      peakRss.accumulateAndGet(status("VmRSS:"), Math::max);
    }

    /** Peak heap in bytes. */
    public long peakHeapBytes() {
      return peakHeap.get();
    }

    /** Peak resident set in bytes. */
    public long peakRssBytes() {
      return hwmReset ? Math.max(status("VmHWM:"), peakRss.get()) : peakRss.get();
    }

    /** Whether the RSS peak is the kernel's high-water mark (else: sampled every 10 ms). */
    public boolean rssIsHighWaterMark() {
      return hwmReset;
    }

    @Override
    public void close() {
      sample();
      running = false;
      sampler.interrupt();
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof NotificationEmitter emitter) {
          try {
            emitter.removeNotificationListener(listener);
          } catch (javax.management.ListenerNotFoundException ignored) {
            // already gone
          }
        }
      }
    }

    private static boolean isHeapPool(String name) {
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        if (p.getName().equals(name)) {
          return p.getType() == MemoryType.HEAP;
        }
      }
      return false;
    }

    private static boolean resetHighWaterMark() {
      try {
        Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        return true;
      } catch (Exception e) {
        return false;
      }
    }

    /** A "VmXXX:" line of /proc/self/status in bytes, or 0 when unavailable. */
    static long status(String key) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
          if (line.startsWith(key)) {
            String[] parts = line.substring(key.length()).trim().split("\\s+");
            return Long.parseLong(parts[0]) * 1024;
          }
        }
      } catch (Exception e) {
        // not Linux: no RSS figure
      }
      return 0;
    }
  }
}
