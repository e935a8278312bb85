package com.eros.tools.cli.deploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.pipelines.support.UsageException;
import com.eros.tools.cli.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deploy plan computed in Java: its steps in order, its generated files, and the values it
 * refuses.
 */
class DeployPlanTest {
  private static final Map<String, String> MAIN =
      Map.of(
          "lock-sweep", "com.eros.pipelines.locksweep.LockSweepPipeline",
          "health-monitor", "com.eros.pipelines.healthmonitor.HealthMonitorPipeline");
  private static final String WORK = "/tmp/eros-deploy.abc";

  private static DeploySettings settings(Map<String, String> flags) {
    Map<String, String> all =
        new LinkedHashMap<>(Map.of("project", "eros-prod", "region", "us-west1", "tag", "abc123"));
    all.putAll(flags);
    return DeploySettings.of(all, Instant.parse("2026-03-08T11:05:00Z"));
  }

  private static List<ScheduledJob> twoJobs() {
    String yaml =
        ScheduleFileTest.VALID
            + """
          health-monitor:
            description: EROS health monitor, every 4 hours
            jobName: eros-health-monitor
            cron: "0 */4 * * *"
        """;
    return ScheduleFileTest.parse(yaml);
  }

  private static DeployPlan plan() {
    return DeployPlan.of(settings(Map.of()), twoJobs(), WORK, MAIN);
  }

  @Test
  void theSettingsHaveTheirDefaultsAndAreNormalised() {
    DeploySettings s = settings(Map.of("bucket", "gs://my-bucket/"));
    assertThat(
        s,
        equalTo(
            new DeploySettings(
                "eros-prod",
                "us-west1",
                "my-bucket",
                "us-west1-docker.pkg.dev/eros-prod/eros",
                "eros_scheduling_brain",
                "abc123",
                List.of())));
    DeploySettings d =
        DeploySettings.of(
            Map.of("project", "eros-prod", "region", "us-west1"),
            Instant.parse("2026-03-08T11:05:09Z"));
    assertThat("the default tag is a UTC time stamp", d.tag(), equalTo("20260308-110509"));
    assertThat(d.bucket(), equalTo("eros-prod-eros-dataflow"));
  }

  @Test
  void theCloudBuildConfigReadsBackAsExactlyOneDockerBuildPerPipelineAndTheirImages() {
    DeployPlan plan = plan();
    String text = plan.files().get(WORK + "/build-context/cloudbuild.yaml");

    Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    String lockImage = "us-west1-docker.pkg.dev/eros-prod/eros/eros-lock-sweep:abc123";
    String healthImage = "us-west1-docker.pkg.dev/eros-prod/eros/eros-health-monitor:abc123";
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put(
        "steps",
        List.of(
            Map.of(
                "name",
                "gcr.io/cloud-builders/docker",
                "args",
                List.of(
                    "build",
                    "--build-arg",
                    "MAIN_CLASS=com.eros.pipelines.locksweep.LockSweepPipeline",
                    "-t",
                    lockImage,
                    ".")),
            Map.of(
                "name",
                "gcr.io/cloud-builders/docker",
                "args",
                List.of(
                    "build",
                    "--build-arg",
                    "MAIN_CLASS=com.eros.pipelines.healthmonitor.HealthMonitorPipeline",
                    "-t",
                    healthImage,
                    "."))));
    expected.put("images", List.of(lockImage, healthImage));
    assertThat(parsed, equalTo(expected));
  }

  @Test
  void aRegistryWithANewlineAndAYamlStepIsRefusedInOneLine() {
    String evil =
        "us-west1-docker.pkg.dev/p/eros\n  - name: gcr.io/cloud-builders/gcloud\n    args: [projects, delete, p]";
    UsageException e = assertThrows(UsageException.class, () -> settings(Map.of("registry", evil)));
    assertThat(
        e.getMessage(),
        startsWith(
            "--registry: \"us-west1-docker.pkg.dev/p/eros\\n  - name: gcr.io/cloud-builders/gcloud"));
    assertThat(e.getMessage(), containsString("is not an image registry HOST[:PORT]/PATH"));
    assertThat(e.getMessage().contains("\n"), equalTo(false));
  }

  @Test
  void everySettingIsCheckedAgainstItsPattern() {
    assertRefused(
        Map.of("project", "Eros_Prod"),
        "--project: \"Eros_Prod\" is not a Google Cloud project id");
    assertRefused(
        Map.of("region", "us-west1 --project=other"),
        "--region: \"us-west1 --project=other\" is not a region name");
    assertRefused(Map.of("bucket", "b"), "--bucket: \"b\" is not a bucket name");
    assertRefused(Map.of("registry", "us-west1-docker.pkg.dev/p/eros:latest"), "--registry: ");
    assertRefused(Map.of("registry", "us-west1-docker.pkg.dev/p/eros' -t evil"), "--registry: ");
    assertRefused(
        Map.of("dataset", "eros-prod"), "--dataset: \"eros-prod\" is not a BigQuery dataset name");
    assertRefused(Map.of("tag", "v1\nsteps: []"), "--tag: \"v1\\nsteps: []\" is not an image tag");
    assertRefused(Map.of("only", "lock-sweep,../x"), "--only: \"../x\" is not a pipeline name");
    UsageException missing =
        assertThrows(
            UsageException.class,
            () -> DeploySettings.of(Map.of("region", "us-west1"), Instant.EPOCH));
    assertThat(missing.getMessage(), equalTo("no --project given"));
  }

  @Test
  void checksComeFirstThenTheQuestionThenTheBuildThenEveryChange() {
    List<Step> steps = plan().steps();
    int confirm = indexOf(steps, Step.Confirm.class);
    int build = indexOf(steps, Step.Build.class);
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      if (s instanceof Step.Check || s instanceof Step.Require) {
        assertThat(i, lessThan(confirm));
      }
      if (s instanceof Step.Run
          || s instanceof Step.Ensure
          || s instanceof Step.Upsert
          || s instanceof Step.Copy) {
        assertThat(s + " comes after the build", build, lessThan(i));
      }
    }
    assertThat(confirm, lessThan(build));
    List<List<String>> checks =
        steps.stream()
            .filter(s -> s instanceof Step.Check)
            .map(s -> ((Step.Check) s).argv())
            .toList();
    assertThat(checks, everyItem(hasItem(startsWith("--format=value("))));
    assertThat(
        "both service accounts are checked",
        checks.stream().filter(c -> c.contains("service-accounts")).count(),
        equalTo(2L));
  }

  @Test
  void theImagesAreBuiltBeforeTheSpecsThatNameThemAndTheSpecsBeforeTheJobs() {
    List<String> changes = new ArrayList<>();
    for (Step s : plan().steps()) {
      if (s instanceof Step.Run r) {
        changes.add(String.join(" ", r.argv().subList(0, 4)));
      } else if (s instanceof Step.Upsert u) {
        changes.add("scheduler " + u.what());
      }
    }
    assertThat(
        changes,
        contains(
            "gcloud services enable dataflow.googleapis.com",
            "gcloud builds submit " + WORK + "/build-context",
            "gcloud dataflow flex-template build",
            "gcloud dataflow flex-template build",
            "scheduler the job eros-lock-sweep",
            "scheduler the job eros-health-monitor"));
  }

  @Test
  void aSchedulerJobIsCreatedOrUpdatedWithEverySetting() {
    Step.Upsert u =
        plan().steps().stream()
            .filter(s -> s instanceof Step.Upsert)
            .map(s -> (Step.Upsert) s)
            .findFirst()
            .orElseThrow();
    List<String> common =
        List.of(
            "--project=eros-prod",
            "--location=us-west1",
            "--schedule=0 * * * *",
            "--time-zone=America/Los_Angeles",
            "--uri=https://dataflow.googleapis.com/v1b3/projects/eros-prod/locations/us-west1/flexTemplates:launch",
            "--http-method=POST",
            "--message-body-from-file=" + WORK + "/lock-sweep.launch.json",
            "--oauth-service-account-email=eros-scheduler@eros-prod.iam.gserviceaccount.com",
            "--oauth-token-scope=https://www.googleapis.com/auth/cloud-platform",
            "--attempt-deadline=180s",
            "--description=EROS caption lock sweep, hourly",
            "--max-retry-attempts=2",
            "--max-retry-duration=1200s",
            "--min-backoff=120s",
            "--max-backoff=600s",
            "--max-doublings=2");
    List<String> update =
        new ArrayList<>(
            List.of("gcloud", "scheduler", "jobs", "update", "http", "eros-lock-sweep"));
    update.addAll(common);
    update.add("--update-headers=Content-Type=application/json");
    List<String> create =
        new ArrayList<>(
            List.of("gcloud", "scheduler", "jobs", "create", "http", "eros-lock-sweep"));
    create.addAll(common);
    create.add("--headers=Content-Type=application/json");
    assertThat(u.update(), equalTo(update));
    assertThat(u.create(), equalTo(create));
    assertThat(
        u.probe(),
        equalTo(
            List.of(
                "gcloud",
                "scheduler",
                "jobs",
                "describe",
                "eros-lock-sweep",
                "--project=eros-prod",
                "--location=us-west1",
                "--format=value(name)")));
  }

  @Test
  void theLaunchBodyIsTheFlexTemplateRequestWithTheJobsParametersAndEnvironment() throws Exception {
    JsonNode body = Json.MAPPER.readTree(plan().files().get(WORK + "/lock-sweep.launch.json"));
    JsonNode expected =
        Json.MAPPER.readTree(
            """
        {"launchParameter": {
          "jobName": "eros-lock-sweep",
          "containerSpecGcsPath": "gs://eros-prod-eros-dataflow/templates/lock-sweep.json",
          "parameters": {"warehouse": "bigquery:eros-prod.eros_scheduling_brain", "staleLockDays": "10",
                         "slackWebhookSecret": "projects/eros-prod/secrets/eros-slack-webhook"},
          "environment": {"serviceAccountEmail": "eros-dataflow@eros-prod.iam.gserviceaccount.com",
                          "tempLocation": "gs://eros-prod-eros-dataflow/temp",
                          "stagingLocation": "gs://eros-prod-eros-dataflow/staging",
                          "numWorkers": 1, "maxWorkers": 1, "machineType": "n2-standard-2"}}}
        """);
    assertThat(body, equalTo(expected));
  }

  @Test
  void aRegistryOutsideArtifactRegistryIsUsedButNotCreated() {
    DeployPlan p =
        DeployPlan.of(settings(Map.of("registry", "gcr.io/eros-prod")), twoJobs(), WORK, MAIN);
    assertThat(p.steps().stream().filter(s -> s instanceof Step.Ensure).count(), equalTo(1L));
    assertThat(
        p.steps(),
        hasItem(
            new Step.Note(
                Step.When.ALWAYS,
                "registry gcr.io/eros-prod is not an Artifact Registry path (LOCATION-docker.pkg.dev/PROJECT/REPO); not creating it")));
    assertThat(
        p.files().get(WORK + "/build-context/cloudbuild.yaml"),
        containsString("gcr.io/eros-prod/eros-lock-sweep:abc123"));
  }

  @Test
  void theNulFormReadsBackToTheStepsFieldByField() {
    DeployPlan plan = plan();
    String nul = plan.toNul();
    assertThat("every field ends with a NUL", nul.endsWith("\0"), equalTo(true));
    List<String> fields = List.of(nul.substring(0, nul.length() - 1).split("\0", -1));
    assertThat(fields.get(0), equalTo(DeployPlan.NUL_FORMAT));
    assertThat(fields.get(fields.size() - 1), equalTo("end"));

    // Decode the fields as deploy.sh does (kind, then fixed fields, a command as its count then its
    // arguments).
    List<Step> decoded = new ArrayList<>();
    int[] i = {1};
    while (!fields.get(i[0]).equals("end")) {
      String kind = fields.get(i[0]++);
      decoded.add(
          switch (kind) {
            case "note" -> new Step.Note(when(fields.get(i[0]++)), fields.get(i[0]++));
            case "require" -> new Step.Require(fields.get(i[0]++), fields.get(i[0]++));
            case "check" ->
                new Step.Check(fields.get(i[0]++), fields.get(i[0]++), command(fields, i));
            case "confirm" -> new Step.Confirm(fields.get(i[0]++));
            case "build" -> new Step.Build(fields.get(i[0]++), command(fields, i));
            case "run" -> new Step.Run(command(fields, i));
            case "ensure" ->
                new Step.Ensure(fields.get(i[0]++), command(fields, i), command(fields, i));
            case "copy" -> new Step.Copy(fields.get(i[0]++), fields.get(i[0]++));
            case "show" -> new Step.Show(fields.get(i[0]++), fields.get(i[0]++));
            case "upsert" ->
                new Step.Upsert(
                    fields.get(i[0]++), command(fields, i), command(fields, i), command(fields, i));
            default -> throw new AssertionError("unknown kind " + kind);
          });
    }
    assertThat(i[0], equalTo(fields.size() - 1));
    assertThat(decoded, equalTo(plan.steps()));
  }

  @Test
  void theJsonFormListsTheSettingsStepsAndFiles() {
    DeployPlan plan = plan();
    JsonNode json = plan.toJson();
    assertThat(
        json.at("/settings/registry").asText(), equalTo("us-west1-docker.pkg.dev/eros-prod/eros"));
    assertThat(json.at("/settings/pipelines/1").asText(), equalTo("health-monitor"));
    assertThat(json.get("steps").size(), equalTo(plan.steps().size()));
    assertThat(json.at("/steps/3/step").asText(), equalTo("require"));
    assertThat(
        json.get("files").get(WORK + "/lock-sweep.launch.json").asText(),
        equalTo(plan.files().get(WORK + "/lock-sweep.launch.json")));
  }

  @Test
  void eachPipelineNeedsItsMainClass() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DeployPlan.of(settings(Map.of()), twoJobs(), WORK, Map.of("lock-sweep", "x.Y")));
    assertThat(e.getMessage(), containsString("health-monitor"));
    assertThat(e, instanceOf(IllegalArgumentException.class));
  }

  private static Step.When when(String word) {
    for (Step.When w : Step.When.values()) {
      if (w.word.equals(word)) {
        return w;
      }
    }
    throw new AssertionError(word);
  }

  private static List<String> command(List<String> fields, int[] i) {
    int n = Integer.parseInt(fields.get(i[0]++));
    List<String> argv = fields.subList(i[0], i[0] + n);
    i[0] += n;
    return List.copyOf(argv);
  }

  private static int indexOf(List<Step> steps, Class<? extends Step> kind) {
    for (int i = 0; i < steps.size(); i++) {
      if (kind.isInstance(steps.get(i))) {
        return i;
      }
    }
    throw new AssertionError("no " + kind.getSimpleName());
  }

  private static void assertRefused(Map<String, String> flags, String message) {
    UsageException e = assertThrows(UsageException.class, () -> settings(flags));
    assertThat(e.getMessage(), containsString(message));
    assertThat(e.getMessage().contains("\n"), equalTo(false));
  }
}
