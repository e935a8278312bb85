package com.eros.pipelines.templates;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.eros.pipelines.templates.TemplatePipelines.TemplatePipeline;
import com.eros.tools.cli.Eros;
import com.eros.tools.cli.template.TemplateMetadata;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed templates/<pipeline>/metadata.json are exactly what ./eros templates generates (as
 * sql/ddl for ./eros ddl).
 */
class TemplateFilesTest {
  private static final String FIX = " (regenerate with: ./eros templates)";

  @TempDir Path temp;

  static Stream<TemplatePipeline> pipelines() {
    return TemplatePipelines.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pipelines")
  void theCommittedMetadataIsWhatTheOptionsGenerate(TemplatePipeline p) throws Exception {
    assertThat(
        p.metadataFile() + FIX,
        Files.readString(p.metadataFile()),
        equalTo(TemplateMetadata.render(p.pipeline())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pipelines")
  void theMainClassTheLauncherImageRunsIsAPublicStaticMain(TemplatePipeline p) throws Exception {
    Method main = Class.forName(p.mainClass()).getMethod("main", String[].class);
    assertThat(
        Modifier.isStatic(main.getModifiers()) && Modifier.isPublic(main.getModifiers()), is(true));
  }

  @Test
  void everyTemplateFolderIsAPipeline() throws Exception {
    Set<String> folders = new TreeSet<>();
    try (Stream<Path> s = Files.list(Repo.root().resolve("templates"))) {
      s.filter(Files::isDirectory).forEach(d -> folders.add(d.getFileName().toString()));
    }
    Set<String> pipelines = new TreeSet<>();
    TemplatePipelines.all().forEach(p -> pipelines.add(p.name()));
    assertThat("folders in templates/" + FIX, folders, equalTo(pipelines));
  }

  @Test
  void theCommandWritesEveryFileAndSaysSo() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        Eros.execute(
            new String[] {"templates", "--out=" + temp},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed, code, is(0));
    for (TemplatePipeline p : TemplatePipelines.all()) {
      Path written = temp.resolve(p.name()).resolve("metadata.json");
      assertThat(printed, containsString("wrote " + written + " ("));
      assertThat(Files.readString(written), equalTo(Files.readString(p.metadataFile())));
    }
  }
}
