package com.eros.tools.cli;

import com.eros.pipelines.support.EtlPipeline;
import com.eros.pipelines.support.UsageException;
import com.eros.tools.cli.deploy.DeployPlan;
import com.eros.tools.cli.deploy.DeploySettings;
import com.eros.tools.cli.deploy.ScheduleFile;
import com.eros.tools.cli.deploy.ScheduledJob;
import com.eros.tools.cli.template.TemplateMetadata;
import com.eros.tools.cli.template.TemplateParam;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./eros deploy-plan}: computes every step of a deployment (the gcloud commands in order,
 * the checks and the generated files) from {@code templates/schedules.yaml} and the deploy
 * settings, and prints it; {@code templates/deploy.sh} carries it out. Run from the repository
 * root.
 */
final class DeployPlanCommand implements Command {
  private static final Set<String> VALUED =
      Set.of(
          "project",
          "region",
          "bucket",
          "registry",
          "dataset",
          "tag",
          "only",
          "config",
          "out",
          "format");

  @Override
  public String name() {
    return "deploy-plan";
  }

  @Override
  public String summary() {
    return "print the steps and generated files of a deployment to Google Cloud (templates/deploy.sh runs them)";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    Map<String, String> flags = flags(args);
    if (flags.containsKey("help")) {
      usage(out);
      return 0;
    }
    String format = flags.getOrDefault("format", "json");
    if (!format.equals("json") && !format.equals("nul")) {
      throw new UsageException(
          "--format must be json or nul, not " + com.eros.tools.cli.deploy.Values.show(format));
    }
    String outDir = flags.get("out");
    if (format.equals("nul") && outDir == null) {
      throw new UsageException(
          "--format=nul needs --out=DIR (the plan's commands use the files it writes there)");
    }
    DeploySettings settings = DeploySettings.of(flags, Instant.now());
    Path config = Path.of(flags.getOrDefault("config", "templates/schedules.yaml"));
    if (!Files.isRegularFile(Path.of(DeployPlan.DOCKERFILE))) {
      throw new UsageException(
          DeployPlan.DOCKERFILE + " not found: run ./eros deploy-plan from the repository root");
    }
    if (!Files.isRegularFile(config)) {
      throw new UsageException("schedules file " + config + " not found");
    }

    Map<String, List<TemplateParam>> templates =
        TemplateMetadata.parametersByCommand(Commands.templated());
    Map<String, String> mainClasses = new LinkedHashMap<>();
    Map<String, EtlPipeline<?, ?>> pipelines = new LinkedHashMap<>();
    for (EtlPipeline<?, ?> p : Commands.templated()) {
      mainClasses.put(p.command(), p.getClass().getName());
      pipelines.put(p.command(), p);
    }
    List<ScheduledJob> all =
        ScheduleFile.parse(
            Files.readString(config, StandardCharsets.UTF_8),
            config.toString(),
            settings.placeholders(),
            templates);
    List<ScheduledJob> jobs = select(all, settings.only(), config);
    for (ScheduledJob j : jobs) {
      checkMetadata(pipelines.get(j.pipeline()), Path.of(DeployPlan.metadataFile(j)));
    }

    String work =
        outDir == null ? "eros-deploy" : Path.of(outDir).toAbsolutePath().normalize().toString();
    DeployPlan plan = DeployPlan.of(settings, jobs, work, mainClasses);
    if (outDir != null) {
      for (Map.Entry<String, String> f : plan.files().entrySet()) {
        Path file = Path.of(f.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
      }
    }
    if (format.equals("nul")) {
      out.print(plan.toNul());
    } else {
      out.print(Json.prettyInlineArrays(plan.toJson()));
    }
    out.flush();
    return 0;
  }

  private static List<ScheduledJob> select(List<ScheduledJob> all, List<String> only, Path config) {
    if (only.isEmpty()) {
      return all;
    }
    List<ScheduledJob> out = new ArrayList<>();
    for (String name : only) {
      ScheduledJob found =
          all.stream()
              .filter(j -> j.pipeline().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new UsageException(
                          "--only: no job '"
                              + name
                              + "' in "
                              + config
                              + " (jobs: "
                              + String.join(" ", all.stream().map(ScheduledJob::pipeline).toList())
                              + ")"));
      if (!out.contains(found)) {
        out.add(found);
      }
    }
    return out;
  }

  /**
   * The committed metadata file must be what the options generate (the template is built from that
   * file).
   */
  private static void checkMetadata(EtlPipeline<?, ?> pipeline, Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UsageException(
          file
              + " not found: every pipeline in the schedules needs its template metadata "
              + "(write it with ./eros templates)");
    }
    if (!Files.readString(file, StandardCharsets.UTF_8).equals(TemplateMetadata.render(pipeline))) {
      throw new UsageException(
          file
              + " differs from what the options of "
              + pipeline.optionsClass().getSimpleName()
              + " generate; run ./eros templates and commit the result");
    }
  }

  /** {@code --name=value} or {@code --name value}; {@code --help}. */
  private static Map<String, String> flags(String[] args) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        flags.put("help", "");
        continue;
      }
      if (!a.startsWith("--")) {
        throw new UsageException(
            "unexpected argument " + com.eros.tools.cli.deploy.Values.show(a) + " (see --help)");
      }
      int eq = a.indexOf('=');
      String name = eq < 0 ? a.substring(2) : a.substring(2, eq);
      if (!VALUED.contains(name)) {
        throw new UsageException("unknown option --" + name + " (see --help)");
      }
      String value;
      if (eq >= 0) {
        value = a.substring(eq + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new UsageException("--" + name + " needs a value");
      }
      if (flags.put(name, value) != null) {
        throw new UsageException("--" + name + " is given twice");
      }
    }
    return flags;
  }

  private static void usage(PrintStream out) {
    out.println(
        "./eros deploy-plan --project=ID --region=REGION [--bucket=NAME] [--registry=HOST/PATH] [--dataset=NAME]");
    out.println(
        "                   [--tag=TAG] [--only=A,B] [--config=FILE] [--out=DIR] [--format=json|nul]");
    out.println(
        "Computes a deployment from templates/schedules.yaml (run from the repository root) and prints it:");
    out.println(
        "the steps in order (checks, confirmation, build, gcloud commands as argument lists) and the generated");
    out.println(
        "files (Cloud Build config, launch request bodies). Runs and changes nothing; templates/deploy.sh carries it out.");
    out.println(
        "  --bucket    default PROJECT-eros-dataflow      --registry  default REGION-docker.pkg.dev/PROJECT/eros");
    out.println(
        "  --dataset   default "
            + DeploySettings.DEFAULT_DATASET
            + "     --tag       default a UTC time stamp");
    out.println(
        "  --out=DIR   write the generated files to DIR (the commands refer to them there)");
    out.println(
        "  --format    json (default) or nul: NUL-terminated fields, the format deploy.sh reads (needs --out)");
    out.println(
        "Every value is checked against a strict pattern first; a value that does not fit is refused (exit 2).");
  }
}
