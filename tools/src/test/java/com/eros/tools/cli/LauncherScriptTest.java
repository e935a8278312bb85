package com.eros.tools.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./eros} script in a sandbox "repository" with a fake {@code ./mvnw} (slow,
 * records each build) and a fake {@code java} (prints the jar it was given): what the launcher
 * builds and runs.
 */
class LauncherScriptTest {
  @TempDir Path root;
  Path bin;
  Path builds;

  @BeforeEach
  void sandbox() throws IOException {
    Path repo = Path.of(System.getProperty("user.dir")).getParent(); // surefire runs in tools/
    Files.copy(repo.resolve("eros"), root.resolve("eros"));
    executable(root.resolve("eros"));
    Files.writeString(root.resolve("pom.xml"), "<project/>\n");
    Files.createDirectories(root.resolve("common/src/main/java"));
    Files.createDirectories(root.resolve("duckdb/src/main/java"));
    Files.createDirectories(root.resolve("pipelines/src/main/java"));
    Path src = Files.createDirectories(root.resolve("tools/src/main/java")).resolve("A.java");
    Files.writeString(src, "class A {}\n");
    Files.setLastModifiedTime(src, FileTime.from(Instant.now().minusSeconds(3600)));
    Files.setLastModifiedTime(
        root.resolve("pom.xml"), FileTime.from(Instant.now().minusSeconds(3600)));
    builds = root.resolve("builds.log");
    // a slow build: long enough for a second launcher to arrive while it runs
    script(
        root.resolve("mvnw"),
        "echo build >>\""
            + builds
            + "\"\nsleep 2\nmkdir -p tools/target\n"
            + "printf 'jar-%s\\n' \"$$\" >tools/target/eros.jar\n");
    bin = Files.createDirectories(root.resolve("bin"));
    script(
        bin.resolve("java"),
        "jar=\"\"\nwhile [ $# -gt 0 ]; do if [ \"$1\" = -jar ]; then jar=\"$2\"; fi; shift; done\n"
            + "echo \"ran $(cat \"$jar\")\"\n");
  }

  private static void script(Path p, String body) throws IOException {
    Files.writeString(p, "#!/usr/bin/env bash\nset -eu\n" + body, StandardCharsets.UTF_8);
    executable(p);
  }

  private static void executable(Path p) throws IOException {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Process start() throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(root.resolve("eros").toString(), "--help").directory(root.toFile());
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    return pb.start();
  }

  private static String finish(Process p) throws Exception {
    assertThat(p.waitFor(60, TimeUnit.SECONDS), is(true));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(out + err, p.exitValue(), is(0));
    return out;
  }

  private List<String> builds() throws IOException {
    return Files.exists(builds) ? Files.readAllLines(builds) : List.of();
  }

  @Test
  void twoLaunchersStartedTogetherOnAFreshCloneBuildOnceAndBothRun() throws Exception {
    List<Process> launchers = new ArrayList<>();
    launchers.add(start());
    launchers.add(start());
    List<String> outs = new ArrayList<>();
    for (Process p : launchers) {
      outs.add(finish(p));
    }
    assertThat(builds(), hasSize(1));
    for (String out : outs) {
      assertThat(out, containsString("ran jar-"));
    }
    assertThat(Files.exists(root.resolve("tools/target/eros-launch.jar")), is(true));
  }

  @Test
  void aCurrentJarIsNotRebuiltAndAChangedSourceIsRebuiltOnce() throws Exception {
    finish(start());
    finish(start());
    assertThat(builds(), hasSize(1));
    Thread.sleep(20);
    Files.writeString(
        root.resolve("tools/src/main/java/A.java"), "class A { int x; }\n"); // newer than the jar
    Process a = start();
    Process b = start();
    finish(a);
    finish(b);
    assertThat(builds(), hasSize(2));
  }
}
