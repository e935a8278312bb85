package com.eros.pipelines.support;

import com.eros.common.table.TableDef;
import com.eros.common.warehouse.WarehouseOptions;
import com.eros.pipelines.alerts.AlertDelivery;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;

/**
 * What one pipeline supplies to the one run lifecycle ({@link Lifecycle}): its names, its options,
 * its tables, its graph and its summary. Everything else (option parsing, preflight, table
 * creation, running, the job row, FAILED rows and exit codes) is the lifecycle's.
 *
 * @param <O> the pipeline's options interface
 * @param <S> the pipeline's validated settings
 */
public interface EtlPipeline<O extends WarehouseOptions, S extends RunSettings> {
  /** The pipeline's names, options interface and tables. */
  PipelineInfo<O> info();

  /** The {@code ./eros} command and Flex Template name, e.g. {@code lock-sweep}. */
  default String command() {
    return info().command();
  }

  /** {@code etl_job_runs.job_name}, e.g. {@code lock_sweep}. */
  default String jobName() {
    return info().jobName();
  }

  /** One line for {@code ./eros --help}. */
  default String summary() {
    return info().summary();
  }

  default Class<O> optionsClass() {
    return info().optionsClass();
  }

  /** Tables the run reads and never creates: they must exist, with the expected columns. */
  default List<TableDef> inputs() {
    return info().inputs();
  }

  /**
   * Tables the run writes: created when absent (checked when present). Not the job log, which is
   * the lifecycle's.
   */
  default List<TableDef> outputs() {
    return info().outputs();
  }

  /**
   * Validates the options into the run's settings before anything is read; throws {@link
   * UsageException} naming the option. {@code wallNow} is the wall clock, for the defaults and the
   * bounds of {@link RunClock}.
   */
  S settings(O options, Instant wallNow);

  /**
   * Where the run's alerts are delivered (validated with the settings); the lifecycle delivers the
   * CRITICAL alert of a run that breaks through it.
   */
  AlertDelivery alerts(S settings);

  /**
   * The pipeline's graph (Beam's {@code apply(p, options)}): every table write of the run, and the
   * run's job row as its output, emitted only once every write has committed. The lifecycle writes
   * that row.
   */
  PCollection<JobRun> apply(Pipeline p, O options, S settings, RunContext run);

  /**
   * Steps that follow the run's committed job row ({@code written} has its one element then), e.g.
   * publishing a report that shows this run. None by default.
   */
  default void afterJobRow(PCollection<Long> written, O options, S settings, RunContext run) {}

  /**
   * Prints what a local run did, reading the tables it wrote; returns the exit code: 0 when the job
   * did its work, 1 when its job row says it failed.
   */
  int summarize(S settings, RunContext run, Runs.Outcome outcome, PrintStream out);
}
