package com.eros.pipelines.support;

import com.eros.common.table.TableDef;
import com.eros.common.warehouse.WarehouseOptions;
import java.util.List;

/**
 * What names a pipeline and what it touches, declared once per pipeline.
 *
 * @param command the {@code ./eros} command and Flex Template name, e.g. {@code lock-sweep}
 * @param jobName {@code etl_job_runs.job_name}, e.g. {@code lock_sweep}
 * @param summary one line for {@code ./eros --help}
 * @param optionsClass the pipeline's options interface
 * @param inputs tables the run reads and never creates: they must exist, with the expected columns
 * @param outputs tables the run writes: created when absent (checked when present); not the job
 *     log, which is the lifecycle's
 * @param <O> the pipeline's options interface
 */
public record PipelineInfo<O extends WarehouseOptions>(
    String command,
    String jobName,
    String summary,
    Class<O> optionsClass,
    List<TableDef> inputs,
    List<TableDef> outputs) {
  public PipelineInfo {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }
}
