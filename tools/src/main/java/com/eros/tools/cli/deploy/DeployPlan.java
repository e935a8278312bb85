package com.eros.tools.cli.deploy;

import com.eros.tools.cli.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Everything a deployment does, computed from the deploy settings and the scheduled jobs before
 * anything runs: the steps in order (checks, confirmation, the jar build, APIs, bucket and image
 * repository, the launcher images, the template specs, the Cloud Scheduler jobs) and the files they
 * use (the Cloud Build config, one launch request body per job), written by serializers.
 *
 * @param files generated files by path (under the work folder), in the order they are used
 */
public record DeployPlan(
    DeploySettings settings, List<ScheduledJob> jobs, List<Step> steps, Map<String, String> files) {

  /** The jar the build produces and the launcher images copy. */
  public static final String JAR = "pipelines/target/eros-bundled.jar";

  public static final String DOCKERFILE = "templates/Dockerfile";
  public static final List<String> BUILD =
      List.of("./mvnw", "-B", "-q", "-DskipTests", "-pl", "pipelines", "-am", "package");
  public static final String OAUTH_SCOPE = "https://www.googleapis.com/auth/cloud-platform";
  public static final String DOCKER_BUILDER = "gcr.io/cloud-builders/docker";
  private static final Pattern ARTIFACT_REGISTRY =
      Pattern.compile("([a-z0-9-]+)-docker\\.pkg\\.dev/([^/]+)/([a-z0-9-]+)");

  /** The first line of every NUL-separated plan: the format's name and version. */
  public static final String NUL_FORMAT = "eros-deploy-plan/1";

  /**
   * The plan for these jobs (already chosen by {@code --only}).
   *
   * @param work the folder the generated files are written to, as it appears in the commands
   * @param mainClasses each pipeline's main class, by pipeline name (the launcher image runs it)
   */
  public static DeployPlan of(
      DeploySettings s, List<ScheduledJob> jobs, String work, Map<String, String> mainClasses) {
    if (jobs.isEmpty()) {
      throw new IllegalArgumentException("no jobs to deploy");
    }
    String project = s.project();
    String context = work + "/build-context";
    List<String> names = jobs.stream().map(ScheduledJob::pipeline).toList();
    Set<String> regions = new LinkedHashSet<>();
    jobs.forEach(j -> regions.add(j.region()));
    List<Step> steps = new ArrayList<>();
    Map<String, String> files = new LinkedHashMap<>();

    steps.add(
        new Step.Note(
            Step.When.ALWAYS,
            "EROS deploy: project "
                + project
                + ", region "
                + s.region()
                + ", bucket gs://"
                + s.bucket()
                + ", images "
                + s.registry()
                + "/eros-<pipeline>:"
                + s.tag()));
    steps.add(new Step.Note(Step.When.ALWAYS, "pipelines: " + String.join(" ", names)));
    steps.add(
        new Step.Note(
            Step.When.DRY_RUN, "DRY RUN: printing the commands; nothing is run or changed"));

    // 1. Checks (read only)
    steps.add(
        new Step.Require(
            "gcloud", "install the Google Cloud CLI: https://cloud.google.com/sdk/docs/install"));
    steps.add(
        new Step.Check(
            "gcloud is authenticated",
            "gcloud has no active account; run: gcloud auth login",
            List.of(
                "gcloud", "auth", "list", "--filter=status:ACTIVE", "--format=value(account)")));
    steps.add(
        new Step.Check(
            "project " + project + " exists and is visible",
            "",
            List.of("gcloud", "projects", "describe", project, "--format=value(projectId)")));
    Set<String> accounts = new LinkedHashSet<>();
    jobs.forEach(j -> accounts.add(j.environment().serviceAccountEmail()));
    jobs.forEach(j -> accounts.add(j.scheduler().serviceAccount()));
    for (String account : accounts) {
      steps.add(
          new Step.Check(
              "service account " + account + " exists",
              "",
              List.of(
                  "gcloud",
                  "iam",
                  "service-accounts",
                  "describe",
                  account,
                  "--project=" + project,
                  "--format=value(email)")));
    }

    // 2. Confirmation
    steps.add(
        new Step.Confirm(
            "Deploy "
                + String.join(" ", names)
                + " to project "
                + project
                + " (region "
                + String.join(", ", regions)
                + ")?"));

    // 3. The bundled jar
    steps.add(new Step.Build(JAR, BUILD));

    // 4. APIs, bucket, image repository
    steps.add(
        new Step.Run(
            List.of(
                "gcloud",
                "services",
                "enable",
                "dataflow.googleapis.com",
                "cloudscheduler.googleapis.com",
                "cloudbuild.googleapis.com",
                "artifactregistry.googleapis.com",
                "bigquery.googleapis.com",
                "storage.googleapis.com",
                "--project=" + project)));
    steps.add(
        new Step.Ensure(
            "bucket gs://" + s.bucket(),
            List.of(
                "gcloud",
                "storage",
                "buckets",
                "describe",
                "gs://" + s.bucket(),
                "--project=" + project,
                "--format=value(name)"),
            List.of(
                "gcloud",
                "storage",
                "buckets",
                "create",
                "gs://" + s.bucket(),
                "--project=" + project,
                "--location=" + s.region(),
                "--uniform-bucket-level-access")));
    Matcher ar = ARTIFACT_REGISTRY.matcher(s.registry());
    if (ar.matches()) {
      String location = ar.group(1);
      String arProject = ar.group(2);
      String repo = ar.group(3);
      steps.add(
          new Step.Ensure(
              "repository " + s.registry(),
              List.of(
                  "gcloud",
                  "artifacts",
                  "repositories",
                  "describe",
                  repo,
                  "--location=" + location,
                  "--project=" + arProject,
                  "--format=value(name)"),
              List.of(
                  "gcloud",
                  "artifacts",
                  "repositories",
                  "create",
                  repo,
                  "--repository-format=docker",
                  "--location=" + location,
                  "--project=" + arProject,
                  "--description=EROS Flex Template launcher images")));
    } else {
      steps.add(
          new Step.Note(
              Step.When.ALWAYS,
              "registry "
                  + s.registry()
                  + " is not an Artifact Registry path (LOCATION-docker.pkg.dev/PROJECT/REPO); not creating it"));
    }

    // 5. Launcher images: one Cloud Build, the jar uploaded once, the images sharing its layer
    String cloudbuild = context + "/cloudbuild.yaml";
    files.put(cloudbuild, cloudBuild(s, jobs, mainClasses));
    steps.add(new Step.Copy(DOCKERFILE, context + "/Dockerfile"));
    steps.add(new Step.Copy(JAR, context + "/" + JAR));
    steps.add(
        new Step.Show(
            "build context " + context + ": Dockerfile, " + JAR + ", cloudbuild.yaml:",
            cloudbuild));
    steps.add(
        new Step.Run(
            List.of(
                "gcloud",
                "builds",
                "submit",
                context,
                "--config=" + cloudbuild,
                "--project=" + project)));

    // 6. Template specs
    for (ScheduledJob j : jobs) {
      ScheduledJob.Environment e = j.environment();
      steps.add(
          new Step.Run(
              List.of(
                  "gcloud",
                  "dataflow",
                  "flex-template",
                  "build",
                  spec(s, j),
                  "--image=" + image(s, j),
                  "--sdk-language=JAVA",
                  "--metadata-file=" + metadataFile(j),
                  "--service-account-email=" + e.serviceAccountEmail(),
                  "--temp-location=" + e.tempLocation(),
                  "--staging-location=" + e.stagingLocation(),
                  "--max-workers=" + e.maxWorkers(),
                  "--worker-machine-type=" + e.machineType(),
                  "--project=" + project)));
    }

    // 7. Cloud Scheduler jobs, created or updated completely
    for (ScheduledJob j : jobs) {
      String body = work + "/" + j.pipeline() + ".launch.json";
      files.put(body, Json.pretty(launchBody(s, j)));
      steps.add(new Step.Show("launch body of " + j.jobName() + " (" + body + "):", body));
      List<String> common = schedulerFlags(s, j, body);
      List<String> update =
          new ArrayList<>(List.of("gcloud", "scheduler", "jobs", "update", "http", j.jobName()));
      update.addAll(common);
      update.add("--update-headers=Content-Type=application/json");
      List<String> create =
          new ArrayList<>(List.of("gcloud", "scheduler", "jobs", "create", "http", j.jobName()));
      create.addAll(common);
      create.add("--headers=Content-Type=application/json");
      steps.add(
          new Step.Upsert(
              "the job " + j.jobName(),
              List.of(
                  "gcloud",
                  "scheduler",
                  "jobs",
                  "describe",
                  j.jobName(),
                  "--project=" + project,
                  "--location=" + j.region(),
                  "--format=value(name)"),
              update,
              create));
    }

    steps.add(new Step.Note(Step.When.DRY_RUN, "dry run finished: nothing was run or changed"));
    steps.add(
        new Step.Note(
            Step.When.REAL_RUN,
            "deployed: "
                + String.join(" ", names)
                + " (images tagged "
                + s.tag()
                + "; template specs in gs://"
                + s.bucket()
                + "/templates/)"));
    steps.add(
        new Step.Note(
            Step.When.REAL_RUN,
            "next runs: gcloud scheduler jobs list --project="
                + project
                + " --location="
                + String.join(",", regions)));
    return new DeployPlan(
        s, List.copyOf(jobs), List.copyOf(steps), java.util.Collections.unmodifiableMap(files));
  }

  public static String image(DeploySettings s, ScheduledJob j) {
    return s.registry() + "/eros-" + j.pipeline() + ":" + s.tag();
  }

  public static String spec(DeploySettings s, ScheduledJob j) {
    return "gs://" + s.bucket() + "/templates/" + j.pipeline() + ".json";
  }

  public static String metadataFile(ScheduledJob j) {
    return "templates/" + j.pipeline() + "/metadata.json";
  }

  /**
   * The Cloud Build config: one docker build per pipeline (its main class as a build argument) and
   * the images to push.
   */
  static String cloudBuild(
      DeploySettings s, List<ScheduledJob> jobs, Map<String, String> mainClasses) {
    List<Map<String, Object>> steps = new ArrayList<>();
    List<String> images = new ArrayList<>();
    for (ScheduledJob j : jobs) {
      String main = mainClasses.get(j.pipeline());
      if (main == null) {
        throw new IllegalArgumentException("no main class for " + j.pipeline());
      }
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("name", DOCKER_BUILDER);
      step.put(
          "args", List.of("build", "--build-arg", "MAIN_CLASS=" + main, "-t", image(s, j), "."));
      steps.add(step);
      images.add(image(s, j));
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("steps", steps);
    doc.put("images", images);
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setIndent(2);
    o.setIndicatorIndent(2);
    o.setIndentWithIndicator(true);
    o.setWidth(Integer.MAX_VALUE);
    return new Yaml(o).dump(doc);
  }

  /** The body of the flexTemplates:launch request that Cloud Scheduler sends. */
  static ObjectNode launchBody(DeploySettings s, ScheduledJob j) {
    ObjectNode root = Json.object();
    ObjectNode launch = root.putObject("launchParameter");
    launch.put("jobName", j.jobName());
    launch.put("containerSpecGcsPath", spec(s, j));
    ObjectNode params = launch.putObject("parameters");
    j.parameters().forEach(params::put);
    ScheduledJob.Environment e = j.environment();
    launch
        .putObject("environment")
        .put("serviceAccountEmail", e.serviceAccountEmail())
        .put("tempLocation", e.tempLocation())
        .put("stagingLocation", e.stagingLocation())
        .put("numWorkers", e.numWorkers())
        .put("maxWorkers", e.maxWorkers())
        .put("machineType", e.machineType());
    return root;
  }

  private static List<String> schedulerFlags(DeploySettings s, ScheduledJob j, String body) {
    ScheduledJob.Retry r = j.retry();
    return List.of(
        "--project=" + s.project(),
        "--location=" + j.region(),
        "--schedule=" + j.cron(),
        "--time-zone=" + j.scheduler().timeZone(),
        "--uri=https://dataflow.googleapis.com/v1b3/projects/"
            + s.project()
            + "/locations/"
            + j.region()
            + "/flexTemplates:launch",
        "--http-method=POST",
        "--message-body-from-file=" + body,
        "--oauth-service-account-email=" + j.scheduler().serviceAccount(),
        "--oauth-token-scope=" + OAUTH_SCOPE,
        "--attempt-deadline=" + j.scheduler().attemptDeadline(),
        "--description=" + j.description(),
        "--max-retry-attempts=" + r.maxRetryAttempts(),
        "--max-retry-duration=" + r.maxRetryDuration(),
        "--min-backoff=" + r.minBackoff(),
        "--max-backoff=" + r.maxBackoff(),
        "--max-doublings=" + r.maxDoublings());
  }

  /** The plan as JSON: settings, steps and the generated files' contents. */
  public ObjectNode toJson() {
    ObjectNode root = Json.object();
    root.put("format", NUL_FORMAT);
    ObjectNode st = root.putObject("settings");
    st.put("project", settings.project())
        .put("region", settings.region())
        .put("bucket", settings.bucket())
        .put("registry", settings.registry())
        .put("dataset", settings.dataset())
        .put("tag", settings.tag());
    ArrayNode pipelines = st.putArray("pipelines");
    jobs.forEach(j -> pipelines.add(j.pipeline()));
    ArrayNode list = root.putArray("steps");
    for (Step step : steps) {
      ObjectNode n = list.addObject();
      n.put("step", step.kind());
      step.json(n);
    }
    ObjectNode f = root.putObject("files");
    files.forEach(f::put);
    return root;
  }

  /**
   * The plan for {@code templates/deploy.sh}: NUL-terminated fields, the format first, then each
   * step, then "end".
   */
  public String toNul() {
    List<String> fields = new ArrayList<>();
    fields.add(NUL_FORMAT);
    for (Step step : steps) {
      fields.add(step.kind());
      step.fields(fields);
    }
    fields.add("end");
    StringBuilder sb = new StringBuilder();
    for (String field : fields) {
      if (field.indexOf('\0') >= 0) {
        throw new IllegalStateException("a plan field holds a NUL character");
      }
      sb.append(field).append('\0');
    }
    return sb.toString();
  }
}
