package com.eros.tools.cli;

import com.eros.pipelines.support.EtlPipeline;
import com.eros.pipelines.support.UsageException;
import com.eros.tools.cli.template.TemplateMetadata;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code templates/<pipeline>/metadata.json} of every pipeline from its options interface's
 * {@code @TemplateParameter}s ({@link TemplateMetadata}).
 */
final class TemplatesCommand implements Command {
  @Override
  public String name() {
    return "templates";
  }

  @Override
  public String summary() {
    return "write each pipeline's Flex Template metadata to templates/<pipeline>/metadata.json (--out=DIR)";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    Path dir = Path.of("templates");
    for (String a : args) {
      if (a.startsWith("--out=")) {
        dir = Path.of(a.substring("--out=".length()));
      } else if (a.equals("--help")) {
        out.println(
            "./eros templates [--out=DIR]: writes DIR/<pipeline>/metadata.json for every pipeline (default templates),");
        out.println("generated from the @TemplateParameter annotations of its options interface");
        return 0;
      } else {
        throw new UsageException("unknown option " + a + " (templates takes --out=DIR)");
      }
    }
    for (EtlPipeline<?, ?> p : Commands.templated()) {
      Path file = dir.resolve(p.command()).resolve("metadata.json");
      String text = TemplateMetadata.render(p);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      out.println(
          "wrote "
              + file
              + " ("
              + TemplateMetadata.parameters(p.optionsClass()).size()
              + " parameters)");
    }
    return 0;
  }
}
