package com.eros.pipelines.cli;

import com.eros.pipelines.captionperformance.CaptionPerformancePipeline;
import com.eros.pipelines.dailyautomation.DailyAutomationPipeline;
import com.eros.pipelines.healthmonitor.HealthMonitorPipeline;
import com.eros.pipelines.locksweep.LockSweepPipeline;
import com.eros.pipelines.support.EtlPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every {@code ./eros} command, in the order {@code --help} lists them. */
public final class Commands {
  private Commands() {}

  public static List<Command> all() {
    List<Command> commands = new ArrayList<>();
    commands.add(new DemoCommand());
    commands.add(new com.eros.pipelines.generate.GenerateCommand());
    for (EtlPipeline<?, ?> p : pipelines()) {
      commands.add(new PipelineCommand(p));
    }
    commands.add(new HealthCommand());
    commands.add(new com.eros.pipelines.report.ReportCommand());
    commands.add(new BenchCommand());
    commands.add(new DdlCommand());
    return commands;
  }

  /** The four pipelines, in the order {@code ./eros --help} lists them. */
  public static List<EtlPipeline<?, ?>> pipelines() {
    return List.of(new CaptionPerformancePipeline(), new LockSweepPipeline(), new DailyAutomationPipeline(),
        new HealthMonitorPipeline());
  }

  public static Optional<Command> find(String name) {
    return all().stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
