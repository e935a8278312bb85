package com.eros.pipelines.templates;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WarehouseOptions;
import com.eros.common.warehouse.bigquery.BigQueryWarehouse;
import com.eros.pipelines.support.OptionsParser;
import com.eros.pipelines.templates.TemplatePipelines.TemplatePipeline;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each pipeline's graph, translated by the Dataflow runner into a job specification, offline. */
class TemplateGraphTest {
  @TempDir Path temp;

  static Stream<TemplatePipeline> pipelines() {
    return TemplatePipelines.all().stream();
  }

  // ---- each shipped pipeline ---------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("pipelines")
  void theGraphOnTheRealBigQueryAdapterIsBuiltWithoutTouchingTheNetwork(TemplatePipeline p)
      throws Exception {
    DataflowTranslation t = new DataflowTranslation(temp);
    PipelineOptions options =
        t.options(
            p.options(), "eros-" + p.name(), "--warehouse=" + BIGQUERY, "--jobId=translation-test");
    Warehouse real = OptionsParser.warehouse(options.as(WarehouseOptions.class));
    assertThat(real, instanceOf(BigQueryWarehouse.class));
    List<URI> attempts = DataflowTranslation.attemptsDuring(() -> p.graph().build(options, real));
    assertThat("building the graph must not touch the network", attempts, empty());
  }

  // The DuckDB graphs go through the same translation in LauncherMainTest (the command's own path).

  /**
   * On Dataflow, submitting also runs Beam's validation of each BigQueryIO transform, which asks
   * BigQuery whether the dataset and tables exist (a network call, fine on the launcher). Offline,
   * the adapter's own test seam supplies those answers: Beam's FakeBigQueryServices with the
   * dataset and every EROS table.
   */
  @ParameterizedTest(name = "{0} with the BigQuery warehouse")
  @MethodSource("pipelines")
  void theGraphWithTheBigQueryWarehouseIsAcceptedByTheDataflowRunner(TemplatePipeline p)
      throws Exception {
    DataflowTranslation.Outcome out = translate(p);
    assertThat(out.job().path("name").asText(), equalTo("eros-" + p.name()));
    assertThat(stepNames(withSteps(out)).size(), greaterThan(1));
  }

  private static final String BIGQUERY = "bigquery:" + DataflowTranslation.PROJECT + ".eros";

  /**
   * Builds {@code p} on the BigQuery adapter over Beam's fakes and translates it for Dataflow;
   * neither may touch the network.
   */
  private DataflowTranslation.Outcome translate(TemplatePipeline p, String... extraArgs)
      throws Exception {
    DataflowTranslation t = new DataflowTranslation(temp);
    List<String> args =
        new java.util.ArrayList<>(List.of("--warehouse=" + BIGQUERY, "--jobId=translation-test"));
    args.addAll(List.of(extraArgs));
    PipelineOptions options =
        t.options(p.options(), "eros-" + p.name(), args.toArray(String[]::new));
    Warehouse wh = DataflowTranslation.fakeBigQueryWarehouse();
    DataflowTranslation.Outcome out = t.buildAndTranslate(() -> p.graph().build(options, wh));
    assertThat(
        "graph construction and translation must not touch the network",
        out.networkAttempts(),
        empty());
    return out;
  }

  /**
   * With --reportLocation the health monitor ends with the step that publishes the operations
   * report.
   */
  @Test
  void theHealthMonitorWithAReportLocationTranslatesWithItsPublishStep() throws Exception {
    TemplatePipeline monitor =
        TemplatePipelines.all().stream()
            .filter(p -> p.name().equals("health-monitor"))
            .findFirst()
            .orElseThrow();
    DataflowTranslation.Outcome out =
        translate(
            monitor,
            "--reportLocation=gs://" + DataflowTranslation.BUCKET + "/reports/eros-report.html");
    assertThat(
        stepNames(out.job()), hasItem(containsString("Publish report/Build and write report")));
  }

  // ---- the translation itself: a sound graph passes, a broken one fails -------------------

  @Test
  void aSoundGraphIsTranslatedIntoAJobSpecification() throws Exception {
    DataflowTranslation t = new DataflowTranslation(temp);
    Pipeline p = Pipeline.create(t.options(PipelineOptions.class, "eros-fixture"));
    p.apply("CreateWords", Create.of("a", "bb")).apply("MeasureWords", ParDo.of(new LengthFn()));

    DataflowTranslation.Outcome out = t.translate(p);

    assertThat(out.networkAttempts(), empty());
    assertThat(out.job().path("name").asText(), equalTo("eros-fixture"));
    assertThat(stepNames(out.job()), hasItem(containsString("MeasureWords")));
  }

  @Test
  void aDoFnThatCannotBeSerialisedFailsTheTranslation() throws Exception {
    DataflowTranslation t = new DataflowTranslation(temp);
    Pipeline p = Pipeline.create(t.options(PipelineOptions.class, "eros-fixture-unserialisable"));
    p.apply("CreateWords", Create.of("a", "bb"))
        .apply("HoldAThread", ParDo.of(new HoldsThreadFn()));

    Exception e = assertThrows(Exception.class, () -> t.translate(p));
    assertThat(causes(e), containsString("NotSerializableException"));
  }

  @Test
  void aMissingCoderFailsTheTranslation() throws Exception {
    DataflowTranslation t = new DataflowTranslation(temp);
    Pipeline p = Pipeline.create(t.options(PipelineOptions.class, "eros-fixture-no-coder"));
    p.apply("CreateWords", Create.of("a", "bb")).apply("WrapWords", MapElements.via(new WrapFn()));

    Exception e = assertThrows(Exception.class, () -> t.translate(p));
    assertThat(causes(e), containsString("Unable to return a default Coder"));
  }

  /**
   * The job with its steps: a graph of 10 MB or more is uploaded by the runner (Beam's
   * upload_graph, to {@code stepsLocation} in the staging bucket, here captured by the mocked GCS)
   * instead of being inlined in the job.
   */
  static JsonNode withSteps(DataflowTranslation.Outcome out) throws Exception {
    String location = out.job().path("stepsLocation").asText("");
    if (location.isEmpty()) {
      return out.job();
    }
    byte[] graph = out.stagedFiles().get(location);
    assertThat("the uploaded graph " + location + " was staged", graph != null, equalTo(true));
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(graph);
  }

  static List<String> stepNames(JsonNode job) {
    List<String> names = new ArrayList<>();
    for (JsonNode s : job.path("steps")) {
      names.add(s.path("properties").path("user_name").path("value").asText());
    }
    assertThat("the job has steps", names.size(), greaterThan(0));
    return names;
  }

  static String causes(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c.getClass().getName()).append(": ").append(c.getMessage()).append('\n');
    }
    return sb.toString();
  }

  static final class LengthFn extends DoFn<String, Integer> {
    @ProcessElement
    public void process(@Element String s, OutputReceiver<Integer> out) {
      out.output(s.length());
    }
  }

  /** Holds a Thread, which is not Serializable: Dataflow could not ship this DoFn to a worker. */
  static final class HoldsThreadFn extends DoFn<String, String> {
    private final Thread thread = new Thread(() -> {});

    @ProcessElement
    public void process(@Element String s, OutputReceiver<String> out) {
      out.output(s + thread.getName().length());
    }
  }

  /** A value class with no coder (not Serializable, no schema, no registered coder). */
  static final class Wrapped {
    final String value;

    Wrapped(String value) {
      this.value = value;
    }
  }

  static final class WrapFn extends SimpleFunction<String, Wrapped> {
    @Override
    public Wrapped apply(String s) {
      return new Wrapped(s);
    }
  }
}
