package com.eros.pipelines.support;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WarehouseOptions;
import com.eros.pipelines.alerts.AlertDelivery;
import com.eros.pipelines.alerts.DeliverAlerts;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * The one run lifecycle of every pipeline, shaped like Beam's examples ({@code main → run(options)
 * → apply(p, options)}):
 *
 * <ol>
 *   <li>parse the options with Beam's {@code PipelineOptionsFactory} (errors name the option);
 *   <li>settle the run's settings (the pipeline's own checks; clock options bounded by {@link
 *       RunClock});
 *   <li>preflight ({@link Preflight}): warehouse usable, input tables present with the right types,
 *       the job id unused — refusals write nothing and exit 2;
 *   <li>create the absent output tables; compose the pipeline's graph and its job row (written by
 *       {@link WriteJobRun}, last);
 *   <li>run: locally wait and print progress; on Dataflow submit and return;
 *   <li>on a local failure, write the FAILED job row (unless the run wrote its own) and a CRITICAL
 *       alert, and exit 1 with one line;
 *   <li>print the pipeline's summary; its exit code is the command's.
 * </ol>
 */
public final class Lifecycle {
  private Lifecycle() {}

  /** What a run did: its settings and context, the Beam outcome, and the exit code. */
  public record Result<S extends RunSettings>(
      S settings, RunContext run, Runs.Outcome outcome, int exitCode) {}

  /** A Flex Template (or plain java) main: runs and exits with the exit code when it is not 0. */
  public static void main(EtlPipeline<?, ?> pipeline, String[] args) {
    int code = execute(pipeline, args, System.out, System.err);
    System.out.flush();
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the command line; failures become one line on {@code err} and the exit code. */
  public static int execute(
      EtlPipeline<?, ?> pipeline, String[] args, PrintStream out, PrintStream err) {
    try {
      return runArgs(pipeline, args, out);
    } catch (RuntimeException e) {
      err.println(pipeline.command() + ": " + Failures.describe(e));
      return Failures.exitCode(e);
    }
  }

  /**
   * Parses the arguments and runs; throws on failure (see {@link Failures}). Prints help for
   * --help.
   */
  public static <O extends WarehouseOptions, S extends RunSettings> int runArgs(
      EtlPipeline<O, S> pipeline, String[] args, PrintStream out) {
    if (OptionsParser.wantsHelp(args)) {
      out.println("./eros " + pipeline.command() + " [options]: " + pipeline.summary());
      out.println(Failures.EXIT_CODES);
      out.flush();
      OptionsParser.printHelp(pipeline.optionsClass());
      return Failures.OK;
    }
    Phases.mark("main");
    O options = OptionsParser.parse(pipeline.optionsClass(), args);
    OptionsParser.tuneLocalRunner(options);
    Phases.mark("options");
    return run(pipeline, options, out).exitCode();
  }

  /** Runs with parsed options (tests call this with Beam's checks left on). */
  public static <O extends WarehouseOptions, S extends RunSettings> Result<S> run(
      EtlPipeline<O, S> pipeline, O options, PrintStream out) {
    S settings = pipeline.settings(options, Instant.now());
    Warehouse wh = OptionsParser.warehouse(options);
    RunContext run = context(pipeline, options, wh, settings);
    String jobId = run.jobId();
    List<TableDef> outputs = new ArrayList<>(pipeline.outputs());
    if (!outputs.contains(Tables.ETL_JOB_RUNS)) {
      outputs.add(Tables.ETL_JOB_RUNS);
    }
    Phases.mark("warehouse");
    Preflight.check(wh, pipeline.inputs(), outputs, jobId);
    Phases.mark("preflight");

    Pipeline p = compose(pipeline, options, settings, run);
    Phases.markGraph(p);
    out.println(pipeline.command() + " on " + wh.spec() + ", job " + jobId);

    Runs.Outcome outcome;
    try {
      outcome = Runs.run(p, pipeline.command(), out);
      if (outcome.waited() && outcome.result().getState() != PipelineResult.State.DONE) {
        throw new IllegalStateException(
            "the pipeline ended in state " + outcome.result().getState());
      }
    } catch (RuntimeException e) {
      if (!OptionsParser.runsLocally(options)) {
        throw e; // the submission itself failed: nothing ran
      }
      String why = Failures.describe(e);
      throw new IllegalStateException(
          pipeline.command()
              + " failed (job "
              + jobId
              + "): "
              + why
              + "; "
              + recordFailure(run, settings, pipeline.alerts(settings), why),
          e);
    }
    Phases.mark("run");
    if (!outcome.waited()) {
      return new Result<>(settings, run, outcome, Failures.OK);
    }
    int code = pipeline.summarize(settings, run, outcome, out);
    Phases.mark("summary");
    return new Result<>(settings, run, outcome, code);
  }

  /**
   * The whole graph of a run on {@code wh} — the pipeline's steps and its job row — without
   * preflight and without running it (Dataflow translation tests, enumerating a run's statements).
   */
  public static <O extends WarehouseOptions, S extends RunSettings> Pipeline graph(
      EtlPipeline<O, S> pipeline, O options, Warehouse wh, Instant wallNow) {
    S settings = pipeline.settings(options, wallNow);
    return compose(pipeline, options, settings, context(pipeline, options, wh, settings));
  }

  private static <O extends WarehouseOptions, S extends RunSettings> Pipeline compose(
      EtlPipeline<O, S> pipeline, O options, S settings, RunContext run) {
    Pipeline p = Pipeline.create(options);
    PCollection<JobRun> jobRun = pipeline.apply(p, options, settings, run);
    pipeline.afterJobRow(jobRun.apply(new WriteJobRun(run)), options, settings, run);
    return p;
  }

  /** The run's context: its job id (a new one when none was given) and this attempt's write id. */
  private static RunContext context(
      EtlPipeline<?, ?> pipeline, WarehouseOptions options, Warehouse wh, RunSettings settings) {
    if (options.getJobId() == null || options.getJobId().isBlank()) {
      options.setJobId(UUID.randomUUID().toString());
    }
    String jobId = options.getJobId();
    return new RunContext(
        jobId,
        jobId + "~" + UUID.randomUUID().toString().substring(0, 8),
        pipeline.jobName(),
        wh,
        settings.now(),
        System.currentTimeMillis());
  }

  /**
   * Records a local run that broke: its FAILED job row, unless the run already wrote its own, and a
   * CRITICAL alert, delivered like the pipeline's own alerts. Says what it did, for the error line;
   * never throws.
   */
  static String recordFailure(
      RunContext run, RunSettings settings, AlertDelivery alerts, String why) {
    Warehouse wh = run.warehouse();
    try {
      if (Preflight.jobRan(wh, run.jobId())) {
        return "its job row was already written";
      }
      Instant end = run.elapsedEnd();
      wh.insertNow(
          Tables.ETL_JOB_RUNS,
          List.of(
              JobRun.builder(run.jobId(), run.jobName(), run.start())
                  .end(end)
                  .status(JobStatus.FAILED)
                  .executionDate(settings.executionDate())
                  .error("the run broke: " + why)
                  .build()
                  .toRow()));
      new DeliverAlerts(wh, run.writeId(), "failure_alert", alerts)
          .runLocally(List.of(failureAlert(run, end, why)));
      return "a FAILED job row and a CRITICAL alert were written";
    } catch (RuntimeException again) {
      return "and the failure could not be recorded either (" + Failures.describe(again) + ")";
    }
  }

  /** The CRITICAL alert of a run that broke (deterministic id: one per run). */
  static Row failureAlert(RunContext run, Instant at, String why) {
    return Row.withSchema(Tables.AUTOMATION_ALERTS.schema())
        .withFieldValue("alert_id", run.jobName() + ":" + run.jobId() + ":job_failed")
        .withFieldValue("alert_time", Timestamps.truncate(at))
        .withFieldValue("alert_level", "CRITICAL")
        .withFieldValue("alert_source", run.jobName())
        .withFieldValue(
            "alert_message", run.jobName() + " FAILED (job " + run.jobId() + "): " + why)
        .withFieldValue("job_id", run.jobId())
        .withFieldValue("acknowledged", false)
        .build();
  }
}
