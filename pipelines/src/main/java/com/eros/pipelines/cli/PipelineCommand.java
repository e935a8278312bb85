package com.eros.pipelines.cli;

import com.eros.pipelines.support.EtlPipeline;
import com.eros.pipelines.support.Lifecycle;
import java.io.PrintStream;

/** A pipeline as an {@code ./eros} command: the one lifecycle, run from the command line. */
final class PipelineCommand implements Command {
  private final EtlPipeline<?, ?> pipeline;

  PipelineCommand(EtlPipeline<?, ?> pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public String name() {
    return pipeline.command();
  }

  @Override
  public String summary() {
    return pipeline.summary();
  }

  @Override
  public int run(String[] args, PrintStream out) {
    return Lifecycle.runArgs(pipeline, args, out);
  }
}
