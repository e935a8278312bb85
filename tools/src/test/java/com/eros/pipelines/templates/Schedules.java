package com.eros.pipelines.templates;

import com.eros.tools.cli.Commands;
import com.eros.tools.cli.deploy.DeploySettings;
import com.eros.tools.cli.deploy.ScheduleFile;
import com.eros.tools.cli.deploy.ScheduledJob;
import com.eros.tools.cli.template.TemplateMetadata;
import com.eros.tools.cli.template.TemplateParam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repository's templates/schedules.yaml, read by the deploy plan's own reader, for the tests'
 * expectations.
 */
final class Schedules {
  private Schedules() {}

  static Path file() {
    return Repo.root().resolve("templates/schedules.yaml");
  }

  /** Each pipeline's template parameters, by pipeline name. */
  static Map<String, List<TemplateParam>> templates() {
    return TemplateMetadata.parametersByCommand(Commands.templated());
  }

  /**
   * The jobs of the file for a project and region (default bucket and dataset), by pipeline name.
   */
  static Map<String, ScheduledJob> load(String project, String region) {
    DeploySettings s =
        DeploySettings.of(Map.of("project", project, "region", region, "tag", "t"), Instant.EPOCH);
    try {
      Map<String, ScheduledJob> out = new LinkedHashMap<>();
      for (ScheduledJob j :
          ScheduleFile.parse(
              Files.readString(file()), "schedules.yaml", s.placeholders(), templates())) {
        out.put(j.pipeline(), j);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
