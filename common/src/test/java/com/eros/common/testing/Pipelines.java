package com.eros.common.testing;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** DirectRunner pipelines for tests, with Beam's immutability and encodability checks left on. */
public final class Pipelines {
  private Pipelines() {}

  public static Pipeline create() {
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setRunner(org.apache.beam.runners.direct.DirectRunner.class);
    return Pipeline.create(options);
  }

  /** Runs to completion and fails the test when the pipeline fails. */
  public static PipelineResult run(Pipeline p) {
    PipelineResult r = p.run();
    r.waitUntilFinish();
    return r;
  }
}
