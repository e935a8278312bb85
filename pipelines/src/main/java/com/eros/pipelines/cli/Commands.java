package com.eros.pipelines.cli;

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
    commands.add(new com.eros.pipelines.captionperformance.CaptionPerformanceCommand());
    commands.add(new com.eros.pipelines.locksweep.LockSweepCommand());
    commands.add(new com.eros.pipelines.dailyautomation.DailyAutomationCommand());
    commands.add(new com.eros.pipelines.healthmonitor.HealthMonitorCommand());
    commands.add(new com.eros.pipelines.healthmonitor.HealthCommand());
    commands.add(new com.eros.pipelines.report.ReportCommand());
    commands.add(new BenchCommand());
    commands.add(new DdlCommand());
    return commands;
  }

  public static Optional<Command> find(String name) {
    return all().stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
