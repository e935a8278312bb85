package com.eros.pipelines.templates;

import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WarehouseOptions;
import com.eros.pipelines.PipelineCatalog;
import com.eros.pipelines.support.EtlPipeline;
import com.eros.pipelines.support.Lifecycle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The pipelines that ship as Flex Templates ({@link PipelineCatalog#templated()}), with what the
 * template tests need of each: name, options interface, main class, metadata file, and how to build
 * the graph from parsed options (for the Dataflow translation test).
 */
final class TemplatePipelines {
  private TemplatePipelines() {}

  /**
   * Builds a pipeline's graph from options parsed as its options interface, on a warehouse (no
   * run).
   */
  interface GraphFactory {
    Pipeline build(PipelineOptions options, Warehouse warehouse) throws Exception;
  }

  record TemplatePipeline(EtlPipeline<?, ?> pipeline) {
    String name() {
      return pipeline.command();
    }

    Class<? extends PipelineOptions> options() {
      return pipeline.optionsClass();
    }

    String mainClass() {
      return pipeline.getClass().getName();
    }

    Path metadataFile() {
      return Repo.root().resolve("templates").resolve(name()).resolve("metadata.json");
    }

    GraphFactory graph() {
      return (o, warehouse) -> buildGraph(pipeline, o, warehouse);
    }

    @Override
    public String toString() {
      return name();
    }
  }

  /**
   * The "now" every graph built here is evaluated at (graph construction must not read the clock's
   * network).
   */
  static final Instant NOW = Instant.parse("2026-03-08T11:05:00Z");

  static List<TemplatePipeline> all() {
    return PipelineCatalog.templated().stream().map(TemplatePipeline::new).toList();
  }

  private static <O extends WarehouseOptions> Pipeline buildGraph(
      EtlPipeline<O, ?> p, PipelineOptions o, Warehouse warehouse) {
    return Lifecycle.graph(p, o.as(p.optionsClass()), warehouse, NOW);
  }
}
