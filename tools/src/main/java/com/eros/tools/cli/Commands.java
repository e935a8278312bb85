package com.eros.tools.cli;

import com.eros.pipelines.PipelineCatalog;
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
    commands.add(new com.eros.tools.generate.GenerateCommand());
    for (EtlPipeline<?, ?> p : pipelines()) {
      commands.add(new PipelineCommand(p));
    }
    commands.add(new HealthCommand());
    commands.add(new ReportCommand());
    commands.add(new BenchCommand());
    commands.add(new DdlCommand());
    commands.add(new TemplatesCommand());
    commands.add(new DeployPlanCommand());
    return commands;
  }

  /** Every pipeline, in the order {@code ./eros --help} lists them. */
  public static List<EtlPipeline<?, ?>> pipelines() {
    return PipelineCatalog.all();
  }

  /** The pipelines deployed as Flex Templates. */
  public static List<EtlPipeline<?, ?>> templated() {
    return PipelineCatalog.templated();
  }

  public static Optional<Command> find(String name) {
    return all().stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
