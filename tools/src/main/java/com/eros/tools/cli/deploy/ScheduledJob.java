package com.eros.tools.cli.deploy;

import java.util.Map;

/**
 * One pipeline's schedule and launch settings, read from {@code templates/schedules.yaml} with the
 * file's defaults applied and its placeholders filled in; every value already checked against its
 * {@link Values shape}.
 *
 * @param pipeline the pipeline's command name, e.g. {@code lock-sweep} (the key under {@code
 *     jobs:})
 * @param jobName the fixed Dataflow job name of every launch (so two runs never overlap)
 * @param cron when Cloud Scheduler launches it, read in {@code scheduler.timeZone}
 * @param region Dataflow and Cloud Scheduler region
 * @param parameters the template parameters of every launch (names and values checked against the
 *     template)
 */
public record ScheduledJob(
    String pipeline,
    String description,
    String jobName,
    String cron,
    String region,
    Scheduler scheduler,
    Retry retry,
    Environment environment,
    Map<String, String> parameters) {

  /** The Cloud Scheduler job's own settings. */
  public record Scheduler(String serviceAccount, String timeZone, String attemptDeadline) {}

  /** How Cloud Scheduler retries a launch request that failed. */
  public record Retry(
      int maxRetryAttempts,
      String maxRetryDuration,
      String minBackoff,
      String maxBackoff,
      int maxDoublings) {}

  /**
   * The Dataflow runtime environment of every launch ({@code launchParameter.environment}) and of
   * the template spec.
   */
  public record Environment(
      String serviceAccountEmail,
      String tempLocation,
      String stagingLocation,
      int numWorkers,
      int maxWorkers,
      String machineType) {}
}
