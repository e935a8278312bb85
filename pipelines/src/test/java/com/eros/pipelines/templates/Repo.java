package com.eros.pipelines.templates;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is, seen from a test (Maven runs tests in the module folder). */
final class Repo {
  private Repo() {}

  static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      if (Files.isRegularFile(p.resolve("templates/deploy.sh"))
          && Files.isRegularFile(p.resolve("mvnw"))) {
        return p;
      }
      p = p.getParent();
    }
    throw new IllegalStateException(
        "no repository root (with templates/deploy.sh) above " + Path.of("").toAbsolutePath());
  }
}
