package com.eros.pipelines.templates;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.bigquery.BigQuerySchemas;
import com.eros.common.warehouse.bigquery.BigQueryWarehouse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.services.dataflow.Dataflow;
import com.google.api.services.storage.model.Bucket;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.runners.dataflow.DataflowRunner;
import org.apache.beam.runners.dataflow.options.DataflowPipelineDebugOptions;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.runners.dataflow.util.DataflowTemplateJob;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory;
import org.apache.beam.sdk.extensions.gcp.options.GcsOptions;
import org.apache.beam.sdk.extensions.gcp.util.GcsUtil;
import org.apache.beam.sdk.extensions.gcp.util.gcsfs.GcsPath;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.mockito.Mockito;

/**
 * Translates a pipeline with the real DataflowRunner into the job specification it would submit,
 * without a network: as Beam's own DataflowRunnerTest does, the Dataflow API client and GcsUtil are
 * mocks, and {@code --templateLocation} names a local file, so the runner writes the job there
 * instead of submitting it. The translation serialises every DoFn and needs every coder, so a graph
 * Dataflow would refuse fails here.
 */
final class DataflowTranslation {
  static final String PROJECT = "test-project";
  static final String REGION = "us-west1";
  static final String BUCKET = "eros-test-bucket";

  /**
   * The BigQuery adapter on Beam's fake services, with the dataset {@code eros} holding every EROS
   * table: what the graph's construction asks BigQuery (table checks, schemas) is answered without
   * a network.
   */
  static Warehouse fakeBigQueryWarehouse() throws Exception {
    FakeDatasetService.setUp();
    FakeJobService.setUp();
    FakeDatasetService datasets = new FakeDatasetService();
    datasets.createDataset(PROJECT, "eros", "US", "", null);
    for (TableDef table : Tables.ALL) {
      datasets.createTable(BigQuerySchemas.table(PROJECT, "eros", table));
    }
    return new BigQueryWarehouse(
        PROJECT,
        "eros",
        new FakeBigQueryServices()
            .withDatasetService(datasets)
            .withJobService(new FakeJobService()));
  }

  /** What a translation produced. */
  record Outcome(
      PipelineResult result,
      JsonNode job,
      Map<String, byte[]> stagedFiles,
      List<URI> networkAttempts) {}

  /** Thrown (and recorded) when code under test opens a network connection. */
  static final class NetworkAccess extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NetworkAccess(URI uri) {
      super("network access during graph construction or translation: " + uri);
    }
  }

  private final Path dir;
  private final Dataflow dataflowClient = mock(Dataflow.class);
  private final GcsUtil gcsUtil = mock(GcsUtil.class);

  /** Objects "written" to the bucket through the mocked GcsUtil, by path. */
  private final Map<String, Path> written = new ConcurrentHashMap<>();

  DataflowTranslation(Path dir) throws IOException {
    this.dir = dir;
    when(gcsUtil.create(any(GcsPath.class), any(GcsUtil.CreateOptions.class)))
        .thenAnswer(inv -> channel(inv.getArgument(0)));
    when(gcsUtil.create(any(GcsPath.class), anyString()))
        .thenAnswer(inv -> channel(inv.getArgument(0)));
    when(gcsUtil.getBucket(any(GcsPath.class)))
        .thenAnswer(inv -> new Bucket().setName(((GcsPath) inv.getArgument(0)).getBucket()));
    when(gcsUtil.expand(any(GcsPath.class)))
        .thenAnswer(inv -> List.of((GcsPath) inv.getArgument(0)));
    when(gcsUtil.getObjects(anyList()))
        .thenAnswer(
            inv -> {
              List<GcsUtil.StorageObjectOrIOException> out = new ArrayList<>();
              for (Object path : (List<?>) inv.getArgument(0)) {
                out.add(
                    GcsUtil.StorageObjectOrIOException.create(
                        new FileNotFoundException(String.valueOf(path))));
              }
              return out;
            });
  }

  /** Dataflow-runner arguments for a translation; {@code extra} are the pipeline's own options. */
  String[] args(String jobName, String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "--runner=DataflowRunner",
                "--project=" + PROJECT,
                "--region=" + REGION,
                "--jobName=" + jobName,
                "--tempLocation=gs://" + BUCKET + "/temp",
                "--templateLocation=" + dir.resolve(jobName + ".template.json"),
                "--credentialFactoryClass=" + NoopCredentialFactory.class.getName()));
    a.addAll(List.of(extra));
    return a.toArray(new String[0]);
  }

  /** Options of {@code cls} parsed from {@link #args}, wired to the mocks. */
  <T extends PipelineOptions> T options(Class<T> cls, String jobName, String... extra) {
    PipelineOptionsFactory.register(cls);
    T options = PipelineOptionsFactory.fromArgs(args(jobName, extra)).withValidation().as(cls);
    wire(options);
    return options;
  }

  /** Points already-parsed options at the mocks (no staging of the test classpath). */
  void wire(PipelineOptions options) {
    DataflowPipelineOptions df = options.as(DataflowPipelineOptions.class);
    df.setFilesToStage(new ArrayList<>());
    df.as(GcsOptions.class).setGcsUtil(gcsUtil);
    df.as(DataflowPipelineDebugOptions.class).setDataflowClient(dataflowClient);
    FileSystems.setDefaultPipelineOptions(options);
  }

  /** Builds a pipeline graph (may throw). */
  interface GraphBuilder {
    Pipeline build() throws Exception;
  }

  /** Network connections attempted while {@code builder} runs (each one failed at once). */
  static List<URI> attemptsDuring(GraphBuilder builder) throws Exception {
    List<URI> attempts = Collections.synchronizedList(new ArrayList<>());
    try (NetworkWatch watch = new NetworkWatch(attempts)) {
      builder.build();
    } catch (NetworkAccess e) {
      // recorded below
    }
    return List.copyOf(attempts);
  }

  /** Runs an already built pipeline on the DataflowRunner; see {@link #buildAndTranslate}. */
  Outcome translate(Pipeline pipeline) throws Exception {
    return buildAndTranslate(() -> pipeline);
  }

  /**
   * Builds the graph and runs it on the DataflowRunner (which writes the job to the template file
   * instead of submitting it), recording any network connection attempted meanwhile; returns the
   * job specification. The mocked Dataflow client must not have been called.
   */
  Outcome buildAndTranslate(GraphBuilder builder) throws Exception {
    List<URI> attempts = Collections.synchronizedList(new ArrayList<>());
    PipelineResult result;
    Pipeline pipeline;
    try (NetworkWatch watch = new NetworkWatch(attempts)) {
      pipeline = builder.build();
      if (!DataflowRunner.class.equals(pipeline.getOptions().getRunner())) {
        throw new IllegalStateException(
            "not a DataflowRunner pipeline: " + pipeline.getOptions().getRunner());
      }
      result = pipeline.run();
    } finally {
      // Beam's file systems are process-wide: do not leave them bound to this test's mocks.
      FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    }
    Mockito.verifyNoInteractions(dataflowClient);
    if (!(result instanceof DataflowTemplateJob)) {
      throw new IllegalStateException("expected a template job, got " + result);
    }
    String template = pipeline.getOptions().as(DataflowPipelineOptions.class).getTemplateLocation();
    JsonNode job = new ObjectMapper().readTree(Files.readString(Path.of(template)));
    Map<String, byte[]> staged = new ConcurrentHashMap<>();
    for (Map.Entry<String, Path> e : written.entrySet()) {
      staged.put(e.getKey(), Files.readAllBytes(e.getValue()));
    }
    return new Outcome(result, job, staged, List.copyOf(attempts));
  }

  private FileChannel channel(GcsPath path) throws IOException {
    Path f = Files.createTempFile(dir, "gcs-", ".bin");
    written.put(path.toString(), f);
    return FileChannel.open(f, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
  }

  /**
   * Records every connection that the JVM's HTTP clients (HttpURLConnection, java.net.http, gRPC)
   * would make, by installing a ProxySelector that records the address and throws {@link
   * NetworkAccess} (not an IOException, so client libraries do not retry it for minutes). Restores
   * the previous selector on close.
   */
  static final class NetworkWatch implements AutoCloseable {
    private final ProxySelector previous = ProxySelector.getDefault();

    NetworkWatch(List<URI> attempts) {
      ProxySelector.setDefault(
          new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
              attempts.add(uri);
              throw new NetworkAccess(uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
          });
    }

    @Override
    public void close() {
      ProxySelector.setDefault(previous);
    }
  }
}
