package com.eros.pipelines.templates;

import com.eros.common.testing.RecordingWarehouse;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.bigquery.BigQueryWarehouse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Builds the graph of every shipped pipeline (as {@link TemplatePipelines} lists them) on the real
 * BigQuery adapter wrapped in a {@link RecordingWarehouse}, without running it, and returns the
 * storage calls each made: what the pipelines read and write, enumerated from their code. The one
 * place that knows how a graph is built for this purpose.
 */
public final class PipelineGraphs {
  private PipelineGraphs() {}

  /**
   * Pipeline name → the warehouse calls made while its graph was built, for tables in {@code
   * project.dataset}.
   */
  public static Map<String, List<RecordingWarehouse.Call>> warehouseCalls(
      String project, String dataset) throws Exception {
    Map<String, List<RecordingWarehouse.Call>> out = new LinkedHashMap<>();
    for (TemplatePipelines.TemplatePipeline p : TemplatePipelines.all()) {
      RecordingWarehouse recorder = new RecordingWarehouse(new BigQueryWarehouse(project, dataset));
      PipelineOptions options =
          PipelineOptionsFactory.fromArgs(
                  "--warehouse=bigquery:" + project + "." + dataset,
                  "--jobId=sql-check",
                  "--tempLocation=gs://eros-sql-check/tmp")
              .as(p.options());
      p.graph().build(options, (Warehouse) recorder);
      out.put(p.name(), recorder.calls());
      recorder.clear();
    }
    return out;
  }
}
