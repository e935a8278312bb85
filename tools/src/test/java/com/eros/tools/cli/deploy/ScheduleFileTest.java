package com.eros.tools.cli.deploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.pipelines.support.UsageException;
import com.eros.tools.cli.Commands;
import com.eros.tools.cli.template.TemplateMetadata;
import com.eros.tools.cli.template.TemplateParam;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * templates/schedules.yaml read into typed jobs: defaults, placeholders, and a one-line refusal for
 * each mistake.
 */
class ScheduleFileTest {
  static final Map<String, String> PLACEHOLDERS =
      Map.of(
          "PROJECT",
          "eros-prod",
          "REGION",
          "us-west1",
          "BUCKET",
          "eros-prod-eros-dataflow",
          "DATASET",
          "eros_scheduling_brain");

  static Map<String, List<TemplateParam>> templates() {
    return TemplateMetadata.parametersByCommand(Commands.templated());
  }

  /** A small valid file: one job, most settings from the defaults. */
  static final String VALID =
      """
      defaults:
        region: ${REGION}
        scheduler:
          serviceAccount: eros-scheduler@${PROJECT}.iam.gserviceaccount.com
          timeZone: America/Los_Angeles
          attemptDeadline: 180s
        retry:
          maxRetryAttempts: 2
          maxRetryDuration: 1200s
          minBackoff: 120s
          maxBackoff: 600s
          maxDoublings: 2
        environment:
          serviceAccountEmail: eros-dataflow@${PROJECT}.iam.gserviceaccount.com
          tempLocation: gs://${BUCKET}/temp
          stagingLocation: gs://${BUCKET}/staging
          numWorkers: 1
          maxWorkers: 2
          machineType: n2-standard-2
        parameters:
          warehouse: bigquery:${PROJECT}.${DATASET}
      jobs:
        lock-sweep:
          description: EROS caption lock sweep, hourly
          jobName: eros-lock-sweep
          cron: "0 * * * *"
          environment:
            maxWorkers: 1
          parameters:
            staleLockDays: 10
            slackWebhookSecret: projects/${PROJECT}/secrets/eros-slack-webhook
      """;

  static List<ScheduledJob> parse(String yaml) {
    return ScheduleFile.parse(yaml, "schedules.yaml", PLACEHOLDERS, templates());
  }

  @Test
  void aJobTakesItsOwnSettingsOverTheDefaultsWithThePlaceholdersFilledIn() {
    List<ScheduledJob> jobs = parse(VALID);

    assertThat(jobs.size(), equalTo(1));
    ScheduledJob j = jobs.get(0);
    assertThat(
        j,
        equalTo(
            new ScheduledJob(
                "lock-sweep",
                "EROS caption lock sweep, hourly",
                "eros-lock-sweep",
                "0 * * * *",
                "us-west1",
                new ScheduledJob.Scheduler(
                    "eros-scheduler@eros-prod.iam.gserviceaccount.com",
                    "America/Los_Angeles",
                    "180s"),
                new ScheduledJob.Retry(2, "1200s", "120s", "600s", 2),
                new ScheduledJob.Environment(
                    "eros-dataflow@eros-prod.iam.gserviceaccount.com",
                    "gs://eros-prod-eros-dataflow/temp",
                    "gs://eros-prod-eros-dataflow/staging",
                    1,
                    1,
                    "n2-standard-2"),
                Map.of(
                    "warehouse",
                    "bigquery:eros-prod.eros_scheduling_brain",
                    "staleLockDays",
                    "10",
                    "slackWebhookSecret",
                    "projects/eros-prod/secrets/eros-slack-webhook"))));
    assertThat(
        "defaults first, then the job's own",
        List.copyOf(j.parameters().keySet()),
        equalTo(List.of("warehouse", "staleLockDays", "slackWebhookSecret")));
  }

  @Test
  void eachMistakeIsOneLineNamingTheKeyAndWhatIsAllowed() {
    assertRefused(
        VALID.replace("    timeZone: America/Los_Angeles\n", ""),
        "schedules.yaml: jobs.lock-sweep.scheduler.timeZone is not set (nor defaults.scheduler.timeZone)");
    assertRefused(
        VALID.replace("America/Los_Angeles", "Mars/Olympus_Mons"),
        "defaults.scheduler.timeZone: \"Mars/Olympus_Mons\" is not a tz database zone");
    assertRefused(
        VALID.replace("    machineType: n2-standard-2", "    machinetype: n2-standard-2"),
        "defaults.environment.machinetype: unknown key (allowed here: serviceAccountEmail, tempLocation, stagingLocation, "
            + "numWorkers, maxWorkers, machineType)");
    assertRefused(
        VALID.replace("  lock-sweep:", "  lock-sweeps:"),
        "jobs: \"lock-sweeps\" is not a pipeline (pipelines: caption-performance, lock-sweep, daily-automation, health-monitor)");
    assertRefused(
        VALID.replace("cron: \"0 * * * *\"", "cron: \"0 * * *\""),
        "jobs.lock-sweep.cron: \"0 * * *\" is not a cron expression of five fields");
    assertRefused(
        VALID.replace("maxWorkers: 1", "maxWorkers: lots"),
        "jobs.lock-sweep.environment.maxWorkers: \"lots\" is not a whole number from 1 to 1000");
    assertRefused(
        VALID.replace("maxRetryAttempts: 2", "maxRetryAttempts: 9"),
        "defaults.retry.maxRetryAttempts: \"9\" is not a whole number from 0 to 5");
    assertRefused(
        VALID.replace("staleLockDays: 10", "staleLockDays: 0"),
        "jobs.lock-sweep.parameters.staleLockDays: \"0\" does not match the parameter's regexes");
    assertRefused(
        VALID.replace("staleLockDays: 10", "staleLockDayz: 10"),
        "jobs.lock-sweep.parameters.staleLockDayz: not a parameter of the lock-sweep template (parameters: warehouse, ");
    assertRefused(
        VALID.replace("  parameters:\n    warehouse: bigquery:${PROJECT}.${DATASET}\n", ""),
        "jobs.lock-sweep.parameters.warehouse is not set (nor defaults.parameters.warehouse); the template requires it");
    assertRefused(
        VALID.replace("gs://${BUCKET}/temp", "gs://${BUCKET}/${TEMP}"),
        "defaults.environment.tempLocation: \"gs://${BUCKET}/${TEMP}\" has an unknown placeholder (known: ${");
    assertRefused(
        VALID.replace("staleLockDays: 10", "staleLockDays: [10]"),
        "jobs.lock-sweep.parameters.staleLockDays: expected a single value, found a list");
    assertRefused(
        VALID + "  lock-sweep: {}\n",
        "schedules.yaml line 32: not valid YAML: found duplicate key lock-sweep");
    assertRefused(
        VALID.replace("jobName:", "\"job\\nName\":"),
        "jobs.lock-sweep: key \"job\\nName\" is not a name");
    assertRefused(
        VALID.replace("jobs:", "jobz:"), "jobz: unknown key (allowed here: defaults, jobs)");
    assertRefused("", "schedules.yaml: the file: is empty");
  }

  @Test
  void aDateParameterMustBeQuotedRatherThanReadAsADate() {
    String yaml =
        VALID
            .replace("  lock-sweep:", "  daily-automation:")
            .replace("jobName: eros-lock-sweep", "jobName: eros-daily")
            .replace("staleLockDays: 10", "executionDate: 2026-03-08");
    assertRefused(
        yaml,
        "jobs.daily-automation.parameters.executionDate: expected a single value, found a date (quote it)");
    assertThat(
        parse(yaml.replace("2026-03-08", "\"2026-03-08\""))
            .get(0)
            .parameters()
            .get("executionDate"),
        equalTo("2026-03-08"));
  }

  @Test
  void valuesThatWouldBreakOutOfAFileOrACommandAreRefused() {
    assertRefused(
        VALID.replace(
            "description: EROS caption lock sweep, hourly", "description: \"x\\n  - name: evil\""),
        "jobs.lock-sweep.description: \"x\\n  - name: evil\" is not one line");
    assertRefused(
        VALID.replace("jobName: eros-lock-sweep", "jobName: \"eros-lock-sweep --project=other\""),
        "jobs.lock-sweep.jobName: \"eros-lock-sweep --project=other\" is not a Dataflow job name");
    assertRefused(
        VALID.replace(
            "slackWebhookSecret: projects/${PROJECT}/secrets/eros-slack-webhook",
            "slackWebhookSecret: \"projects/p/secrets/s\\\",\\\"x\\\":\\\"y\""),
        "jobs.lock-sweep.parameters.slackWebhookSecret: \"projects/p/secrets/s\\\",\\\"x\\\":\\\"y\" does not match");
    assertRefused(
        VALID.replace("gs://${BUCKET}/staging", "\"gs://${BUCKET}/staging\\ngs://other\""),
        "defaults.environment.stagingLocation: \"gs://eros-prod-eros-dataflow/staging\\ngs://other\" is not a gs://BUCKET/PATH");
  }

  @Test
  void twoJobsCannotShareADataflowJobName() {
    String yaml =
        VALID
            + """
          health-monitor:
            description: EROS health monitor
            jobName: eros-lock-sweep
            cron: "0 */4 * * *"
        """;
    assertRefused(
        yaml, "jobs.health-monitor.jobName: \"eros-lock-sweep\" is the jobName of another job");
  }

  private static void assertRefused(String yaml, String message) {
    UsageException e = assertThrows(UsageException.class, () -> parse(yaml));
    assertThat(e.getMessage(), containsString(message));
    assertThat("one line: " + e.getMessage(), e.getMessage().contains("\n"), equalTo(false));
  }
}
