package com.eros.pipelines.templates;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import com.eros.common.table.Tables;
import com.eros.duckdb.DuckDbWarehouse;
import com.eros.pipelines.support.EtlPipeline;
import com.eros.pipelines.support.Lifecycle;
import com.eros.pipelines.templates.TemplatePipelines.TemplatePipeline;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory;
import org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the Flex Template launcher does: run the pipeline's command with the Dataflow runner. It
 * must submit and return, not wait for the job. Here "submitting" writes the job to a local
 * --templateLocation file (local temp and staging folders, no credentials), as in Beam's
 * DataflowRunnerTest, so nothing leaves the machine; the warehouse is a DuckDB file.
 */
class LauncherMainTest {
  @TempDir Path temp;

  static Stream<TemplatePipeline> pipelines() {
    return TemplatePipelines.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pipelines")
  void onTheDataflowRunnerTheCommandSubmitsAndReturns(TemplatePipeline p) throws Exception {
    Path template = temp.resolve("job.json");
    Path stage = temp.resolve("staged.txt");
    Files.writeString(stage, "a file to stage instead of the test class path\n");
    Files.createDirectories(temp.resolve("gcs-temp"));
    DuckDbWarehouse wh = new DuckDbWarehouse(temp.resolve("eros.duckdb").toString());
    wh.open(true); // a warehouse with every table: the launch passes preflight
    wh.ensureTables(Tables.ALL);
    List<String> args =
        new ArrayList<>(
            List.of(
                p.name(),
                "--warehouse=duckdb:" + temp.resolve("eros.duckdb"),
                "--runner=DataflowRunner",
                "--project=test-project",
                "--region=us-west1",
                "--jobName=eros-" + p.name(),
                "--tempLocation=" + temp.resolve("gcs-temp"),
                "--templateLocation=" + template,
                "--filesToStage=" + stage,
                "--pathValidatorClass=" + NoopPathValidator.class.getName(),
                "--credentialFactoryClass=" + NoopCredentialFactory.class.getName()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long start = System.nanoTime();
    // what the template's main class does: Lifecycle.main(new XPipeline(), args), without the JVM
    // exit
    EtlPipeline<?, ?> pipeline =
        (EtlPipeline<?, ?>) Class.forName(p.mainClass()).getDeclaredConstructor().newInstance();
    int code =
        Lifecycle.execute(
            pipeline,
            args.subList(1, args.size()).toArray(new String[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String text = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);

    assertThat(text, code, is(0));
    assertThat(text, containsString("submitted"));
    assertThat(
        "the job was handed to Dataflow (written to the template file)",
        Files.exists(template),
        is(true));
    assertThat(
        new ObjectMapper().readTree(Files.readString(template)).path("name").asText(),
        equalTo("eros-" + p.name()));
    assertThat(
        "returned without waiting for a job that never runs",
        took,
        lessThan(Duration.ofMinutes(2)));
  }
}
