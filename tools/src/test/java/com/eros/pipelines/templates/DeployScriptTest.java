package com.eros.pipelines.templates;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.eros.pipelines.templates.DeploySandbox.Call;
import com.eros.pipelines.templates.DeploySandbox.Result;
import com.eros.tools.cli.deploy.ScheduledJob;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs templates/deploy.sh (with the plan of ./eros deploy-plan) against a fake gcloud that records
 * its arguments (see {@link DeploySandbox}). The crons below are the contract of docs/schedules.md,
 * written out here on purpose.
 */
class DeployScriptTest {
  static final String PROJECT = "eros-test-proj";
  static final String REGION = "us-west1";
  static final String TAG = "test-tag";
  static final String LA = "America/Los_Angeles";
  static final Map<String, String> CRON = new LinkedHashMap<>();

  static {
    CRON.put("caption-performance", "0 */6 * * *");
    CRON.put("daily-automation", "5 3 * * *");
    CRON.put("lock-sweep", "0 * * * *");
    CRON.put("health-monitor", "0 */4 * * *");
  }

  /**
   * Fields of the Dataflow v1b3 API's FlexTemplateRuntimeEnvironment and
   * LaunchFlexTemplateParameter.
   */
  private static final java.util.Set<String> RUNTIME_ENVIRONMENT_FIELDS =
      java.util.Set.of(
          "additionalExperiments",
          "additionalPipelineOptions",
          "additionalUserLabels",
          "autoscalingAlgorithm",
          "diskSizeGb",
          "dumpHeapOnOom",
          "enableLauncherVmSerialPortLogging",
          "enableStreamingEngine",
          "flexrsGoal",
          "ipConfiguration",
          "kmsKeyName",
          "launcherMachineType",
          "machineType",
          "maxWorkers",
          "network",
          "numWorkers",
          "saveHeapDumpsToGcsPath",
          "sdkContainerImage",
          "serviceAccountEmail",
          "stagingLocation",
          "streamingMode",
          "subnetwork",
          "tempLocation",
          "workerRegion",
          "workerZone",
          "zone");

  private static final java.util.Set<String> LAUNCH_PARAMETER_FIELDS =
      java.util.Set.of(
          "containerSpec",
          "containerSpecGcsPath",
          "environment",
          "jobName",
          "launchOptions",
          "parameters",
          "transformNameMappings",
          "update");

  /** --project, --region and --tag of the test project, then {@code extra}. */
  private static String[] args(String... extra) {
    List<String> a =
        new ArrayList<>(List.of("--project=" + PROJECT, "--region=" + REGION, "--tag=" + TAG));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  private static final String[] REAL = args("--force", "--skip-build");
  private static final String BUCKET = PROJECT + "-eros-dataflow";
  private static final String URI =
      "https://dataflow.googleapis.com/v1b3/projects/"
          + PROJECT
          + "/locations/"
          + REGION
          + "/flexTemplates:launch";

  @TempDir Path temp;
  private DeploySandbox sandbox;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new DeploySandbox(temp);
  }

  @Test
  void dryRunPrintsEveryCommandAndRunsNothing() throws Exception {
    Result r = sandbox.healthyProject().run(Map.of(), "", args("--dry-run"));

    assertThat(r.output(), r.exitCode(), is(0));
    assertThat("gcloud must not be called in a dry run", r.calls(), empty());
    assertThat("the jar must not be built in a dry run", r.mvnwCalls(), empty());
    String out = r.stdout();
    assertThat(out, containsString("would check: gcloud is authenticated"));
    assertThat(out, containsString("would check: project " + PROJECT + " exists"));
    assertThat(out, containsString("+ ./mvnw -B -q -DskipTests -pl pipelines -am package"));
    assertThat(out, containsString("+ gcloud builds submit"));
    for (Map.Entry<String, String> e : CRON.entrySet()) {
      String job = e.getKey();
      assertThat(
          out,
          containsString(
              "+ gcloud dataflow flex-template build gs://"
                  + BUCKET
                  + "/templates/"
                  + job
                  + ".json"));
      assertThat(out, containsString("+ gcloud scheduler jobs create http eros-" + job + " "));
      assertThat(out, containsString("+ gcloud scheduler jobs update http eros-" + job + " "));
      assertThat(out, containsString("'--schedule=" + e.getValue() + "' --time-zone=" + LA + " "));
    }
    assertThat(out, containsString("dry run finished: nothing was run or changed"));
  }

  @Test
  void realRunCreatesEveryJobInLosAngelesTimeWithItsCronAndLaunchBody() throws Exception {
    Result r =
        sandbox.withBuiltJar().healthyProject().noOtherSchedulerJobs().run(Map.of(), "", REAL);

    assertThat(r.output(), r.exitCode(), is(0));
    assertThat(r.calls("auth", "list"), hasSize(1));
    assertThat(r.calls("projects", "describe", PROJECT), hasSize(1));
    assertThat(r.calls("scheduler", "jobs", "update"), empty());
    assertThat("jar build skipped with --skip-build", r.mvnwCalls(), empty());

    Map<String, ScheduledJob> schedules = Schedules.load(PROJECT, REGION);
    ObjectMapper json = new ObjectMapper();
    List<String> order = new ArrayList<>();
    for (Map.Entry<String, String> e : CRON.entrySet()) {
      String job = e.getKey();
      String image = REGION + "-docker.pkg.dev/" + PROJECT + "/eros/eros-" + job + ":" + TAG;

      List<Call> specs =
          r.calls(
              "dataflow",
              "flex-template",
              "build",
              "gs://" + BUCKET + "/templates/" + job + ".json");
      assertThat(job, specs, hasSize(1));
      Call spec = specs.get(0);
      assertThat(spec.flag("image"), equalTo(image));
      assertThat(spec.flag("sdk-language"), equalTo("JAVA"));
      assertThat(spec.flag("metadata-file"), equalTo("templates/" + job + "/metadata.json"));

      List<Call> creates = r.calls("scheduler", "jobs", "create", "http", "eros-" + job);
      assertThat(job, creates, hasSize(1));
      Call create = creates.get(0);
      assertThat(job, create.flag("schedule"), equalTo(e.getValue()));
      assertThat(job, create.flag("time-zone"), equalTo(LA));
      assertScheduledLaunch(create, job, schedules);
      assertThat(create.flag("headers"), equalTo("Content-Type=application/json"));

      JsonNode body = json.readTree(r.bodies().get(job + ".launch.json"));
      JsonNode launch = body.get("launchParameter");
      assertThat(
          "fixed job name, so Dataflow refuses an overlapping run",
          launch.get("jobName").asText(),
          equalTo("eros-" + job));
      assertThat(
          launch.get("containerSpecGcsPath").asText(),
          equalTo("gs://" + BUCKET + "/templates/" + job + ".json"));
      assertThat(
          launch.get("parameters").get("warehouse").asText(),
          equalTo("bigquery:" + PROJECT + ".eros_scheduling_brain"));
      JsonNode env = launch.get("environment");
      env.fieldNames()
          .forEachRemaining(
              f ->
                  assertThat(
                      "a FlexTemplateRuntimeEnvironment field",
                      RUNTIME_ENVIRONMENT_FIELDS.contains(f),
                      is(true)));
      launch
          .fieldNames()
          .forEachRemaining(
              f ->
                  assertThat(
                      "a LaunchFlexTemplateParameter field",
                      LAUNCH_PARAMETER_FIELDS.contains(f),
                      is(true)));
      assertThat(
          env.get("serviceAccountEmail").asText(),
          equalTo("eros-dataflow@" + PROJECT + ".iam.gserviceaccount.com"));
      assertThat(env.get("tempLocation").asText(), equalTo("gs://" + BUCKET + "/temp"));
      assertThat(
          env.get("maxWorkers").asInt(), equalTo(schedules.get(job).environment().maxWorkers()));
      assertThat(
          env.get("machineType").asText(), equalTo(schedules.get(job).environment().machineType()));
      order.add(job);
    }
    // The image is built before the specs that name it; the specs before the jobs that launch them.
    int build = indexOf(r.calls(), "builds", "submit");
    int firstSpec = indexOf(r.calls(), "dataflow", "flex-template", "build");
    int firstJob = indexOf(r.calls(), "scheduler", "jobs", "create");
    assertThat(build, greaterThan(-1));
    assertThat(build, lessThan(firstSpec));
    assertThat(firstSpec, lessThan(firstJob));
    assertThat(order, hasSize(4));
  }

  @Test
  void anExistingJobIsUpdatedCompletelyAndTheOthersCreated() throws Exception {
    Result r =
        sandbox
            .withBuiltJar()
            .healthyProject()
            .schedulerJobExists("eros-daily-automation")
            .noOtherSchedulerJobs()
            .run(Map.of(), "", REAL);

    assertThat(r.output(), r.exitCode(), is(0));
    assertThat(r.calls("scheduler", "jobs", "create", "http", "eros-daily-automation"), empty());
    List<Call> updates = r.calls("scheduler", "jobs", "update", "http");
    assertThat(updates, hasSize(1));
    Call update = updates.get(0);
    assertThat(update.args().get(4), equalTo("eros-daily-automation"));
    // Everything, not only the schedule (the original's fault): schedule, zone, URI, body,
    // identity, retries.
    assertThat(update.flag("schedule"), equalTo("5 3 * * *"));
    assertThat(update.flag("time-zone"), equalTo(LA));
    assertScheduledLaunch(update, "daily-automation", Schedules.load(PROJECT, REGION));
    assertThat(update.flag("update-headers"), equalTo("Content-Type=application/json"));
    assertThat(
        new ObjectMapper()
            .readTree(r.bodies().get("daily-automation.launch.json"))
            .at("/launchParameter/jobName")
            .asText(),
        equalTo("eros-daily-automation"));
    for (String other : List.of("caption-performance", "lock-sweep", "health-monitor")) {
      assertThat(
          other, r.calls("scheduler", "jobs", "create", "http", "eros-" + other), hasSize(1));
    }
  }

  @Test
  void aFailingCommandStopsTheScriptAndIsShown() throws Exception {
    String failing =
        "dataflow flex-template build gs://" + BUCKET + "/templates/daily-automation.json";
    Result r =
        sandbox
            .withBuiltJar()
            .healthyProject()
            .noOtherSchedulerJobs()
            .answer(
                failing,
                7,
                "",
                "ERROR: (gcloud.dataflow.flex-template.build) PERMISSION_DENIED: boom")
            .run(Map.of(), "", REAL);

    assertThat(r.exitCode(), is(7));
    assertThat(r.stderr(), containsString("FAILED (exit 7)"));
    assertThat(r.stderr(), containsString("gcloud " + failing + " "));
    List<Call> calls = r.calls();
    Call last = calls.get(calls.size() - 1);
    assertThat("nothing runs after the failing command", last.joined(), startsWith(failing));
    assertThat(
        r.calls(
            "dataflow", "flex-template", "build", "gs://" + BUCKET + "/templates/lock-sweep.json"),
        empty());
    assertThat(r.calls("scheduler"), empty());
  }

  @Test
  void aLookupErrorOtherThanNotFoundStopsRatherThanCreatingAJob() throws Exception {
    Result r =
        sandbox
            .withBuiltJar()
            .healthyProject()
            .answer(
                "scheduler jobs describe",
                1,
                "",
                "ERROR: (gcloud.scheduler.jobs.describe) PERMISSION_DENIED: no")
            .run(Map.of(), "", REAL);

    assertThat(r.exitCode(), not(0));
    assertThat(r.stderr(), containsString("PERMISSION_DENIED"));
    assertThat(
        r.stderr(), containsString("gcloud scheduler jobs describe eros-caption-performance"));
    assertThat(r.calls("scheduler", "jobs", "create"), empty());
    assertThat(r.calls("scheduler", "jobs", "update"), empty());
  }

  @Test
  void withoutForceItAsksAndChangesNothingUnlessConfirmed() throws Exception {
    Result r =
        sandbox
            .withBuiltJar()
            .healthyProject()
            .noOtherSchedulerJobs()
            .run(Map.of(), "n\n", args("--skip-build"));

    assertThat(r.exitCode(), not(0));
    assertThat(r.stderr(), containsString("[y/N]"));
    assertThat(r.stderr(), containsString("not confirmed; nothing was changed"));
    assertThat("only read-only checks ran", r.calls(), everyItem(DeployScriptTest.readOnly()));
    assertThat(r.calls(), hasSize(greaterThan(0)));

    Result yes = sandbox.run(Map.of(), "y\n", args("--skip-build"));
    assertThat(yes.output(), yes.exitCode(), is(0));
    assertThat(yes.calls("scheduler", "jobs", "create"), hasSize(4));
  }

  @Test
  void buildsTheJarUnlessSkipBuildIsSet() throws Exception {
    sandbox.healthyProject().noOtherSchedulerJobs();
    Result built = sandbox.run(Map.of(), "", args("--force"));
    assertThat(built.output(), built.exitCode(), is(0));
    assertThat(built.mvnwCalls(), contains("mvnw -B -q -DskipTests -pl pipelines -am package"));

    Files.delete(temp.resolve("gcloud.log.mvnw"));
    Result skipped = sandbox.run(Map.of("SKIP_BUILD", "1"), "", args("--force"));
    assertThat(skipped.output(), skipped.exitCode(), is(0));
    assertThat(skipped.mvnwCalls(), empty());
    assertThat(skipped.stdout(), containsString("skipping the jar build"));
  }

  @Test
  void projectAndRegionComeFromTheEnvironmentToo() throws Exception {
    Result r =
        sandbox
            .withBuiltJar()
            .healthyProject()
            .noOtherSchedulerJobs()
            .run(
                Map.of(
                    "PROJECT",
                    PROJECT,
                    "REGION",
                    "europe-west1",
                    "BUCKET",
                    "my-bucket",
                    "IMAGE_TAG",
                    TAG),
                "",
                "--force",
                "--skip-build");

    assertThat(r.output(), r.exitCode(), is(0));
    Call create = r.calls("scheduler", "jobs", "create", "http", "eros-lock-sweep").get(0);
    assertThat(
        create.flag("uri"),
        equalTo(
            "https://dataflow.googleapis.com/v1b3/projects/"
                + PROJECT
                + "/locations/europe-west1/flexTemplates:launch"));
    assertThat(create.flag("location"), equalTo("europe-west1"));
    assertThat(
        r.calls("dataflow", "flex-template", "build", "gs://my-bucket/templates/lock-sweep.json"),
        hasSize(1));
  }

  @Test
  void refusesWhenNotAuthenticatedOrWithoutGcloud() throws Exception {
    Result r = sandbox.withBuiltJar().answer("auth list", 0, "", "").run(Map.of(), "", REAL);
    assertThat(r.exitCode(), not(0));
    assertThat(r.stderr(), containsString("no active account; run: gcloud auth login"));
    assertThat(r.calls(), hasSize(1));

    Files.delete(sandbox.bin.resolve("gcloud"));
    Result none = sandbox.run(Map.of(), "", REAL);
    assertThat(none.exitCode(), not(0));
    assertThat(none.stderr(), containsString("gcloud is not installed"));
  }

  @Test
  void refusesAJobWithoutTimeZoneInsteadOfDeployingInUtc() throws Exception {
    String yaml = Files.readString(Schedules.file());
    assertThat(yaml, containsString("    timeZone: America/Los_Angeles\n"));
    Path noZone = temp.resolve("no-zone.yaml");
    Files.writeString(noZone, yaml.replace("    timeZone: America/Los_Angeles\n", ""));
    Result r =
        sandbox
            .withBuiltJar()
            .healthyProject()
            .noOtherSchedulerJobs()
            .run(Map.of(), "", args("--force", "--skip-build", "--config=" + noZone));

    assertThat(r.exitCode(), not(0));
    assertThat(r.stderr(), containsString("scheduler.timeZone is not set"));
    assertThat(r.calls(), empty());
  }

  @Test
  void aRegistryThatWouldInjectABuildStepIsRefusedInOneLineBeforeAnythingRuns() throws Exception {
    String evil =
        "us-west1-docker.pkg.dev/p/eros:x'\n  - name: gcr.io/cloud-builders/gcloud\n    args: ['projects', 'delete', 'p']\n#";
    Result r =
        sandbox
            .withBuiltJar()
            .healthyProject()
            .noOtherSchedulerJobs()
            .run(Map.of(), "", args("--force", "--registry=" + evil));

    assertThat(r.output(), r.exitCode(), is(2));
    assertThat(r.stderr().lines().toList(), hasSize(1));
    assertThat(
        r.stderr(),
        containsString(
            "--registry: \"us-west1-docker.pkg.dev/p/eros:x'\\n  - name: gcr.io/cloud-builders/gcloud"));
    assertThat(r.stderr(), containsString("is not an image registry"));
    assertThat("nothing ran", r.calls(), empty());
    assertThat(r.mvnwCalls(), empty());
  }

  @Test
  void aValueFromTheEnvironmentIsCheckedLikeAFlag() throws Exception {
    Result r =
        sandbox
            .withBuiltJar()
            .healthyProject()
            .run(
                Map.of("PROJECT", PROJECT, "REGION", REGION, "BUCKET", "my bucket; rm -rf ~"),
                "",
                "--force",
                "--skip-build");

    assertThat(r.output(), r.exitCode(), is(2));
    assertThat(r.stderr().lines().toList(), hasSize(1));
    assertThat(
        r.stderr(), containsString("--bucket: \"my bucket; rm -rf ~\" is not a bucket name"));
    assertThat(r.calls(), empty());
  }

  @Test
  void theEroscommandPrintsThePlanAsJsonAndWritesItsFilesOnlyWhenAskedTo() throws Exception {
    Result r =
        sandbox.eros(
            "deploy-plan",
            "--project",
            PROJECT,
            "--region",
            REGION,
            "--tag",
            TAG,
            "--only=lock-sweep");

    assertThat(r.stderr(), r.exitCode(), is(0));
    JsonNode plan = new ObjectMapper().readTree(r.stdout());
    assertThat(plan.at("/settings/pipelines").toString(), equalTo("[\"lock-sweep\"]"));
    JsonNode cloudbuild = plan.at("/files").get("eros-deploy/build-context/cloudbuild.yaml");
    assertThat(
        cloudbuild.asText(),
        containsString("MAIN_CLASS=com.eros.pipelines.locksweep.LockSweepPipeline"));
    assertThat(
        "nothing written without --out",
        Files.exists(sandbox.root.resolve("eros-deploy")),
        is(false));
    assertThat(r.calls(), empty());

    Path out = temp.resolve("plan-out");
    Result nul =
        sandbox.eros(
            "deploy-plan",
            "--project=" + PROJECT,
            "--region=" + REGION,
            "--tag=" + TAG,
            "--out=" + out,
            "--format=nul");
    assertThat(nul.stderr(), nul.exitCode(), is(0));
    assertThat(nul.stdout(), startsWith("eros-deploy-plan/1\0"));
    assertThat(
        Files.readString(out.resolve("lock-sweep.launch.json")),
        containsString("\"jobName\": \"eros-lock-sweep\""));
    assertThat(
        Files.readString(out.resolve("build-context/cloudbuild.yaml")),
        containsString("eros-health-monitor:" + TAG));
  }

  @Test
  void aStaleMetadataFileIsRefusedBeforeAnythingRuns() throws Exception {
    Path metadata = sandbox.root.resolve("templates/lock-sweep/metadata.json");
    Files.writeString(metadata, Files.readString(metadata).replace("\"Run clock\"", "\"Clock\""));
    Result r = sandbox.withBuiltJar().healthyProject().run(Map.of(), "", REAL);

    assertThat(r.exitCode(), is(2));
    assertThat(
        r.stderr(),
        containsString(
            "templates/lock-sweep/metadata.json differs from what the options of LockSweepOptions "
                + "generate; run ./eros templates"));
    assertThat(r.calls(), empty());
  }

  @Test
  void schedulesYamlHoldsTheFourJobsOfTheReferenceInLosAngelesTime() {
    Map<String, ScheduledJob> s = Schedules.load(PROJECT, REGION);
    assertThat(List.copyOf(s.keySet()), equalTo(List.copyOf(CRON.keySet())));
    List<String> jobNames = new ArrayList<>();
    for (Map.Entry<String, String> e : CRON.entrySet()) {
      ScheduledJob job = s.get(e.getKey());
      assertThat(e.getKey(), job.cron(), equalTo(e.getValue()));
      assertThat(e.getKey(), job.scheduler().timeZone(), equalTo(LA));
      assertThat(
          e.getKey(),
          job.parameters().get("warehouse"),
          equalTo("bigquery:" + PROJECT + ".eros_scheduling_brain"));
      jobNames.add(job.jobName());
    }
    assertThat(
        "one fixed Dataflow job name per pipeline", jobNames.stream().distinct().count(), is(4L));
  }

  @Test
  void theLauncherImageCopiesTheJarTheBuildProducesAndRunsTheMainClassItIsGiven() throws Exception {
    String docker = Files.readString(Repo.root().resolve("templates/Dockerfile"));
    String pom = Files.readString(Repo.root().resolve("pipelines/pom.xml"));
    assertThat(pom, containsString("<finalName>eros-bundled</finalName>"));
    assertThat(
        docker,
        containsString(
            "ARG BASE_IMAGE=gcr.io/dataflow-templates-base/java17-template-launcher-base:"));
    assertThat(docker, containsString("FROM ${BASE_IMAGE}"));
    assertThat(
        docker,
        containsString("COPY pipelines/target/eros-bundled.jar /template/eros-bundled.jar"));
    assertThat(
        docker, containsString("ENV FLEX_TEMPLATE_JAVA_CLASSPATH=/template/eros-bundled.jar"));
    assertThat(docker, containsString("ENV FLEX_TEMPLATE_JAVA_MAIN_CLASS=${MAIN_CLASS}"));
    // The main class is declared after the jar is copied, so the four images share the jar layer.
    assertThat(
        docker.indexOf("ARG MAIN_CLASS"),
        greaterThan(docker.indexOf("COPY pipelines/target/eros-bundled.jar")));
  }

  /**
   * Every scheduler flag that must come from schedules.yaml and the deploy settings, checked for
   * one job.
   */
  private static void assertScheduledLaunch(
      Call c, String job, Map<String, ScheduledJob> schedules) {
    ScheduledJob s = schedules.get(job);
    assertThat(job, c.flag("uri"), equalTo(URI));
    assertThat(job, c.flag("location"), equalTo(REGION));
    assertThat(job, c.flag("project"), equalTo(PROJECT));
    assertThat(job, c.flag("http-method"), equalTo("POST"));
    assertThat(job, c.flag("message-body-from-file"), containsString(job + ".launch.json"));
    assertThat(
        job,
        c.flag("oauth-service-account-email"),
        equalTo("eros-scheduler@" + PROJECT + ".iam.gserviceaccount.com"));
    assertThat(
        job,
        c.flag("oauth-token-scope"),
        equalTo("https://www.googleapis.com/auth/cloud-platform"));
    assertThat(job, c.flag("description"), equalTo(s.description()));
    assertThat(job, c.flag("attempt-deadline"), equalTo(s.scheduler().attemptDeadline()));
    ScheduledJob.Retry retry = s.retry();
    assertThat(
        job, c.flag("max-retry-attempts"), equalTo(String.valueOf(retry.maxRetryAttempts())));
    assertThat(job, c.flag("max-retry-duration"), equalTo(retry.maxRetryDuration()));
    assertThat(job, c.flag("min-backoff"), equalTo(retry.minBackoff()));
    assertThat(job, c.flag("max-backoff"), equalTo(retry.maxBackoff()));
    assertThat(job, c.flag("max-doublings"), equalTo(String.valueOf(retry.maxDoublings())));
  }

  private static int indexOf(List<Call> calls, String... prefix) {
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  private static org.hamcrest.Matcher<Call> readOnly() {
    return new org.hamcrest.TypeSafeMatcher<>() {
      @Override
      protected boolean matchesSafely(Call c) {
        return c.startsWith("auth", "list")
            || c.startsWith("projects", "describe")
            || c.startsWith("iam", "service-accounts", "describe");
      }

      @Override
      public void describeTo(org.hamcrest.Description d) {
        d.appendText(
            "a read-only gcloud call (auth list, projects describe, service-accounts describe)");
      }
    };
  }
}
