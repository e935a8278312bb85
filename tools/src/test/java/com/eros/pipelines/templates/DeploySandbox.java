package com.eros.pipelines.templates;

import com.eros.tools.cli.Eros;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A copy of the repository's {@code templates/} folder in a temporary "repository root", with a
 * fake {@code gcloud} on PATH and a fake {@code ./mvnw}, in which {@code templates/deploy.sh} runs
 * for real: the fakes record every call, and answer as each test configures. Its {@code ./eros}
 * runs the real launcher class ({@code ./eros deploy-plan} computes the plan) on this test's class
 * path, without building a jar.
 */
final class DeploySandbox {
  /** One gcloud invocation: its arguments (without the program name). */
  record Call(List<String> args) {
    String joined() {
      return String.join(" ", args);
    }

    boolean startsWith(String... prefix) {
      if (args.size() < prefix.length) {
        return false;
      }
      for (int i = 0; i < prefix.length; i++) {
        if (!args.get(i).equals(prefix[i])) {
          return false;
        }
      }
      return true;
    }

    /** The value of {@code --name=value}, or null. */
    String flag(String name) {
      String p = "--" + name + "=";
      for (String a : args) {
        if (a.startsWith(p)) {
          return a.substring(p.length());
        }
      }
      return null;
    }

    boolean hasFlag(String name) {
      return flag(name) != null;
    }
  }

  /** What one run of the script did. */
  record Result(
      int exitCode,
      String stdout,
      String stderr,
      List<Call> calls,
      Map<String, String> bodies,
      List<String> mvnwCalls) {
    List<Call> calls(String... prefix) {
      return calls.stream().filter(c -> c.startsWith(prefix)).collect(Collectors.toList());
    }

    String output() {
      return stdout + stderr;
    }
  }

  final Path dir;
  final Path root;
  final Path bin;
  private final Path rules;
  private final Path log;
  private final Path bodies;
  private final List<String> ruleLines = new ArrayList<>();

  DeploySandbox(Path tempDir) throws IOException {
    this.dir = tempDir;
    this.root = tempDir.resolve("repo");
    this.bin = tempDir.resolve("bin");
    this.rules = tempDir.resolve("gcloud-rules.tsv");
    this.log = tempDir.resolve("gcloud.log");
    this.bodies = tempDir.resolve("gcloud-bodies.log");
    Path templates = Repo.root().resolve("templates");
    try (Stream<Path> files = Files.walk(templates)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = root.resolve("templates").resolve(templates.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    Files.createDirectories(bin);
    install("fake-gcloud.sh", bin.resolve("gcloud"));
    install("fake-mvnw.sh", root.resolve("mvnw"));
    installEros(root.resolve("eros"));
  }

  /** {@code ./eros}: this JVM's java running {@link Eros} on this test's class path. */
  private static void installEros(Path target) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String script =
        "#!/usr/bin/env bash\n"
            + "# ./eros for the deploy.sh tests: the real launcher class on the test class path (no jar build).\n"
            + "exec "
            + quote(java)
            + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp "
            + quote(System.getProperty("java.class.path"))
            + " "
            + Eros.class.getName()
            + " \"$@\"\n";
    Files.writeString(target, script);
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static void install(String resource, Path target) throws IOException {
    try (InputStream in = DeploySandbox.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("test resource " + resource + " missing");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** The jar that {@code --skip-build} expects to find. */
  DeploySandbox withBuiltJar() throws IOException {
    Path jar = root.resolve("pipelines/target/eros-bundled.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "not really a jar\n");
    return this;
  }

  /**
   * gcloud calls whose space-joined arguments start with {@code prefix} exit {@code code}, printing
   * the text.
   */
  DeploySandbox answer(String prefix, int code, String stdout, String stderr) {
    ruleLines.add(prefix + "\t" + code + "\t" + stdout + "\t" + stderr);
    return this;
  }

  /** An authenticated gcloud whose project exists and for which no scheduler job exists yet. */
  DeploySandbox healthyProject() {
    return answer("auth list", 0, "ops@example.com", "")
        .answer("projects describe", 0, DeployScriptTest.PROJECT, "");
  }

  DeploySandbox schedulerJobExists(String name) {
    return answer(
        "scheduler jobs describe " + name + " ", 0, "projects/p/locations/l/jobs/" + name, "");
  }

  /** Must come after the specific rules: the first matching rule wins. */
  DeploySandbox noOtherSchedulerJobs() {
    return answer(
        "scheduler jobs describe",
        1,
        "",
        "ERROR: (gcloud.scheduler.jobs.describe) NOT_FOUND: Job not found.");
  }

  Result run(Map<String, String> env, String stdin, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("bash", root.resolve("templates/deploy.sh").toString()));
    command.addAll(List.of(args));
    return exec(command, dir, env, stdin);
  }

  /** {@code ./eros args} run in the sandbox's repository root, as deploy.sh runs it. */
  Result eros(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", root.resolve("eros").toString()));
    command.addAll(List.of(args));
    return exec(command, root, Map.of(), "");
  }

  private Result exec(List<String> command, Path workDir, Map<String, String> env, String stdin)
      throws IOException, InterruptedException {
    Files.write(rules, ruleLines, StandardCharsets.UTF_8);
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    Map<String, String> e = pb.environment();
    for (String k :
        List.of(
            "PROJECT",
            "REGION",
            "BUCKET",
            "REGISTRY",
            "DATASET",
            "IMAGE_TAG",
            "SCHEDULES_FILE",
            "SKIP_BUILD")) {
      e.remove(k);
    }
    e.put("PATH", bin + ":" + toolbox());
    e.put("FAKE_GCLOUD_LOG", log.toString());
    e.put("FAKE_GCLOUD_BODIES", bodies.toString());
    e.put("FAKE_GCLOUD_RULES", rules.toString());
    e.putAll(env);
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command.get(1) + " did not finish in 60 s");
    }
    return new Result(
        p.exitValue(),
        Files.readString(out),
        Files.readString(err),
        calls(),
        bodies(),
        mvnwCalls());
  }

  /** The programs deploy.sh and the fakes use; the script runs with nothing else on PATH. */
  private static final List<String> TOOLS =
      List.of(
          "bash", "env", "sed", "grep", "dirname", "git", "date", "mktemp", "rm", "mkdir", "cp",
          "ln", "cat");

  /**
   * A folder of links to {@link #TOOLS} found on this JVM's PATH: the script's PATH is the fake
   * gcloud's folder and this one, so a real gcloud installed on the machine is never reached.
   */
  private Path toolbox() throws IOException {
    Path box = dir.resolve("toolbox");
    if (Files.isDirectory(box)) {
      return box;
    }
    Files.createDirectories(box);
    List<String> path = List.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"));
    for (String tool : TOOLS) {
      for (String d : path) {
        Path candidate = d.isEmpty() ? null : Path.of(d, tool);
        if (candidate != null && Files.isExecutable(candidate)) {
          Files.createSymbolicLink(box.resolve(tool), candidate.toRealPath());
          break;
        }
      }
    }
    return box;
  }

  private List<Call> calls() throws IOException {
    List<Call> calls = new ArrayList<>();
    if (!Files.exists(log)) {
      return calls;
    }
    List<String> current = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      if (line.equals("----")) {
        calls.add(new Call(List.copyOf(current)));
        current.clear();
      } else {
        current.add(line);
      }
    }
    return calls;
  }

  /** Launch bodies sent to the scheduler, by body file name (e.g. lock-sweep.launch.json). */
  private Map<String, String> bodies() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    if (!Files.exists(bodies)) {
      return out;
    }
    String name = null;
    StringBuilder sb = new StringBuilder();
    for (String line : Files.readAllLines(bodies)) {
      if (line.startsWith("BODY ")) {
        name = Path.of(line.substring(5)).getFileName().toString();
        sb.setLength(0);
      } else if (line.equals("----")) {
        out.put(name, sb.toString());
      } else {
        sb.append(line).append('\n');
      }
    }
    return out;
  }

  private List<String> mvnwCalls() throws IOException {
    Path f = Path.of(log + ".mvnw");
    return Files.exists(f) ? Files.readAllLines(f) : List.of();
  }
}
