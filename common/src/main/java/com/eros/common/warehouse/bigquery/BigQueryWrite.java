package com.eros.common.warehouse.bigquery;

import com.eros.common.table.TableDef;
import com.eros.common.time.Clock;
import com.eros.common.warehouse.GlobalBatch;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WriteSpec;
import com.google.api.services.bigquery.model.Clustering;
import com.google.api.services.bigquery.model.Dataset;
import com.google.api.services.bigquery.model.Job;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TimePartitioning;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.Write.CreateDisposition;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.Write.WriteDisposition;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.DatasetService;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.JobService;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServicesImpl;
import org.apache.beam.sdk.io.gcp.bigquery.WriteResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;

/**
 * Writes Rows (the table's full schema) to BigQuery; the output has one element once committed.
 *
 * <ul>
 *   <li>APPEND: a FILE_LOADS load job, WRITE_APPEND, CREATE_IF_NEEDED with the table's schema,
 *       daily partitioning and clustering. Output: the rows loaded.
 *   <li>REPLACE: the same as a WRITE_TRUNCATE load job, which swaps the table's contents
 *       atomically.
 *   <li>INSERT_IF_ABSENT, UPDATE, REPLACE_WHERE: the rows are loaded into a staging table named
 *       from the run and the write (WRITE_TRUNCATE, so a retried load replaces it); after the load,
 *       one statement (MERGE, UPDATE … FROM, or a DELETE + INSERT transaction) applies it to the
 *       target as a query job with an id derived from run and write, so that a retried bundle finds
 *       the job and uses its result instead of running it twice; then the staging table is dropped.
 *       Output: rows changed (numDmlAffectedRows; for REPLACE_WHERE the rows inserted).
 * </ul>
 *
 * <p>A staging table is created before its load with an expiration ({@link
 * BigQueryJobs#STAGING_TTL} after creation), so the staging table of a run that dies before its
 * commit is deleted by BigQuery. Should the table have lost its expiration by the time of the
 * commit (a load that replaced it), the commit first sets it again with {@link
 * BigQuerySql#expireTable}.
 */
final class BigQueryWrite extends PTransform<PCollection<Row>, PCollection<Long>> {
  private final String project;
  private final String dataset;
  private final TableDef table;
  private final WriteSpec spec;
  private final String runId;
  private final String writeName;
  private final BigQueryServices services;
  private final PCollectionView<Boolean> proceed;

  BigQueryWrite(
      String project,
      String dataset,
      TableDef table,
      WriteSpec spec,
      String runId,
      String writeName,
      BigQueryServices services,
      PCollectionView<Boolean> proceed) {
    super("Write " + table.name());
    this.proceed = proceed;
    if (runId == null || runId.isBlank() || writeName == null || writeName.isBlank()) {
      throw new IllegalArgumentException(
          "a BigQuery write of " + table.name() + " needs a run id and a write name");
    }
    BigQuerySchemas.tableRef(project, dataset, table.name());
    BigQuerySql.checkSpec(table, spec);
    this.project = project;
    this.dataset = dataset;
    this.table = table;
    this.spec = spec;
    this.runId = runId;
    this.writeName = writeName;
    this.services = services;
  }

  /** Keyed modes, and a gated REPLACE, load a staging table and commit it with one statement. */
  boolean staged() {
    return (spec.mode() != WriteSpec.Mode.APPEND && spec.mode() != WriteSpec.Mode.REPLACE)
        || (proceed != null && spec.mode() == WriteSpec.Mode.REPLACE);
  }

  TableReference targetRef() {
    return BigQuerySchemas.tableRef(project, dataset, table.name());
  }

  TableReference stagingRef() {
    return BigQuerySchemas.tableRef(
        project, dataset, BigQueryJobs.stagingTable(table.name(), runId, writeName));
  }

  /**
   * The load: into the target (APPEND/REPLACE, with partitioning and clustering) or into staging.
   */
  BigQueryIO.Write<Row> load() {
    boolean toStaging = staged();
    BigQueryIO.Write<Row> w =
        BigQueryIO.<Row>write()
            .to(toStaging ? stagingRef() : targetRef())
            .withSchema(BigQuerySchemas.tableSchema(table))
            .withFormatFunction(BigQueryRows::toTableRow)
            .withMethod(BigQueryIO.Write.Method.FILE_LOADS)
            .withCreateDisposition(CreateDisposition.CREATE_IF_NEEDED)
            .withWriteDisposition(
                spec.mode() == WriteSpec.Mode.APPEND
                    ? WriteDisposition.WRITE_APPEND
                    : WriteDisposition.WRITE_TRUNCATE)
            .withLoadJobProjectId(project);
    if (!toStaging) {
      TimePartitioning p = BigQuerySchemas.timePartitioning(table);
      if (p != null) {
        w = w.withTimePartitioning(p);
      }
      Clustering c = BigQuerySchemas.clustering(table);
      if (c != null) {
        w = w.withClustering(c);
      }
    }
    if (services != null) {
      w = w.withTestServices(services);
    }
    return w;
  }

  @Override
  public PCollection<Long> expand(PCollection<Row> rows) {
    GlobalBatch.require(rows, "a BigQuery write"); // it loads and commits once per run
    String temp = rows.getPipeline().getOptions().getTempLocation();
    if (temp == null || temp.isBlank()) {
      throw new IllegalArgumentException(
          "writing "
              + table.name()
              + " to BigQuery stages files first: pass "
              + "--tempLocation=gs://BUCKET/tmp (a Cloud Storage folder the pipeline may write)");
    }
    PCollection<Long> count = rows.apply("Count rows", Count.globally());
    PCollection<Row> toLoad = rows;
    if (staged()) {
      PCollection<String> created =
          PBegin.in(rows.getPipeline())
              .apply("Name staging table", Create.of(stagingRef().getTableId()))
              .apply(
                  "Create staging table",
                  ParDo.of(new CreateStagingFn(project, dataset, table, services, Clock.system())));
      toLoad = rows.apply("Wait for staging table", Wait.on(created)).setCoder(rows.getCoder());
    }
    WriteResult loaded =
        toLoad.apply(staged() ? "Load staging table" : "Load " + table.name(), load());
    PCollection<Long> afterLoad =
        count.apply("Wait for load", Wait.on(loaded.getSuccessfulTableLoads()));
    if (!staged()) {
      return afterLoad.apply("Report loaded rows", ParDo.of(new ReportFn(table.name())));
    }
    CommitStatementFn commit =
        new CommitStatementFn(project, dataset, table, spec, runId, writeName, services, proceed);
    return afterLoad.apply(
        "Commit " + table.name(),
        proceed == null ? ParDo.of(commit) : ParDo.of(commit).withSideInputs(proceed));
  }

  /** Creates a write's staging table, empty and with an expiration, unless it exists (a retry). */
  static final class CreateStagingFn extends DoFn<String, String> {
    private final String project;
    private final String dataset;
    private final TableDef table;
    private final BigQueryServices services;
    private final Clock clock;

    CreateStagingFn(
        String project, String dataset, TableDef table, BigQueryServices services, Clock clock) {
      this.project = project;
      this.dataset = dataset;
      this.table = table;
      this.services = services;
      this.clock = clock;
    }

    @ProcessElement
    public void process(
        @Element String staging, OutputReceiver<String> out, PipelineOptions options)
        throws Exception {
      BigQueryServices s = services != null ? services : new BigQueryServicesImpl();
      try (DatasetService ds = s.getDatasetService(options.as(BigQueryOptions.class))) {
        createStaging(ds, project, dataset, table, staging, clock);
      }
      out.output(staging);
    }
  }

  /**
   * The staging table (the table's columns; no partitioning) expiring {@link
   * BigQueryJobs#STAGING_TTL} from now.
   */
  static Table stagingTable(
      String project, String dataset, TableDef table, String staging, Clock clock) {
    return new Table()
        .setTableReference(BigQuerySchemas.tableRef(project, dataset, staging))
        .setSchema(BigQuerySchemas.tableSchema(table))
        .setExpirationTime(clock.now().plus(BigQueryJobs.STAGING_TTL).toEpochMilli());
  }

  static void createStaging(
      DatasetService ds,
      String project,
      String dataset,
      TableDef table,
      String staging,
      Clock clock)
      throws Exception {
    if (ds.getTable(BigQuerySchemas.tableRef(project, dataset, staging)) == null) {
      ds.createTable(stagingTable(project, dataset, table, staging, clock));
    }
  }

  /**
   * Passes the committed row count on and counts it as {@code warehouse:rows_committed_<table>}.
   */
  static final class ReportFn extends DoFn<Long, Long> {
    private final Counter committed;

    ReportFn(String table) {
      this.committed = Metrics.counter("warehouse", "rows_committed_" + table);
    }

    @ProcessElement
    public void process(@Element Long n, OutputReceiver<Long> out) {
      committed.inc(n);
      out.output(n);
    }
  }

  /**
   * Runs the commit statement of a staged write once (deterministic job id), then drops the staging
   * table.
   */
  static final class CommitStatementFn extends DoFn<Long, Long> {
    private final String project;
    private final String dataset;
    private final TableDef table;
    private final WriteSpec spec;
    private final String runId;
    private final String writeName;
    private final BigQueryServices services;
    private final PCollectionView<Boolean> proceed;
    private final Counter committed;

    CommitStatementFn(
        String project,
        String dataset,
        TableDef table,
        WriteSpec spec,
        String runId,
        String writeName,
        BigQueryServices services,
        PCollectionView<Boolean> proceed) {
      this.proceed = proceed;
      this.project = project;
      this.dataset = dataset;
      this.table = table;
      this.spec = spec;
      this.runId = runId;
      this.writeName = writeName;
      this.services = services;
      this.committed = Metrics.counter("warehouse", "rows_committed_" + table.name());
    }

    @ProcessElement
    public void process(ProcessContext c) throws Exception {
      long stagedRows = c.element();
      BigQueryOptions bq = c.getPipelineOptions().as(BigQueryOptions.class);
      BigQueryServices s = services != null ? services : new BigQueryServicesImpl();
      boolean go = proceed == null || Boolean.TRUE.equals(c.sideInput(proceed));
      long changed;
      try (DatasetService ds = s.getDatasetService(bq);
          JobService jobs = s.getJobService(bq)) {
        changed =
            go
                ? commit(ds, jobs, project, dataset, table, spec, runId, writeName, stagedRows)
                : dropStaging(ds, project, dataset, table, runId, writeName);
      }
      if (!go) {
        c.output(Warehouse.NOT_COMMITTED);
        return;
      }
      committed.inc(changed);
      c.output(changed);
    }
  }

  /** Drops the staging table of (run, write) when it exists; returns 0. */
  static long dropStaging(
      DatasetService ds,
      String project,
      String dataset,
      TableDef table,
      String runId,
      String writeName)
      throws Exception {
    TableReference stagingRef =
        BigQuerySchemas.tableRef(
            project, dataset, BigQueryJobs.stagingTable(table.name(), runId, writeName));
    deleteIfExists(ds, stagingRef);
    return 0;
  }

  private static void deleteIfExists(DatasetService ds, TableReference ref) throws Exception {
    if (ds.getTable(ref) != null) {
      ds.deleteTable(ref);
    }
  }

  /**
   * Applies the staging table of (run, write) to the target with one statement job, creating the
   * target first when absent, then drops the staging table. Safe to call again for the same (run,
   * write): the job is found by its id and its result reused. Returns the rows changed.
   */
  static long commit(
      DatasetService ds,
      JobService jobs,
      String project,
      String dataset,
      TableDef table,
      WriteSpec spec,
      String runId,
      String writeName,
      long stagedRows)
      throws Exception {
    String staging = BigQueryJobs.stagingTable(table.name(), runId, writeName);
    TableReference stagingRef = BigQuerySchemas.tableRef(project, dataset, staging);
    long changed = 0;
    boolean replace = spec.mode() == WriteSpec.Mode.REPLACE;
    if (stagedRows > 0 || replace) {
      Table staged = ds.getTable(stagingRef);
      if (staged != null && staged.getExpirationTime() == null) {
        // the load replaced the table without its expiration: set it before anything can fail
        BigQueryJobs.runOnce(
            jobs,
            project,
            location(ds, project, dataset),
            BigQueryJobs.expiryJobBase(table.name(), runId, writeName),
            BigQuerySql.expireTable(
                BigQuerySql.tablePath(project, dataset, staging), BigQueryJobs.STAGING_TTL));
      }
      TableReference target = BigQuerySchemas.tableRef(project, dataset, table.name());
      if (ds.getTable(target) == null) {
        ds.createTable(BigQuerySchemas.table(project, dataset, table));
      }
      String targetPath = BigQuerySql.tablePath(project, dataset, table.name());
      // a gated REPLACE of no rows empties the target (there may be no staging table to read)
      String sql =
          replace && stagedRows == 0
              ? BigQuerySql.truncate(targetPath)
              : BigQuerySql.commitStatement(
                  table, spec, targetPath, BigQuerySql.tablePath(project, dataset, staging));
      Job job =
          BigQueryJobs.runOnce(
              jobs,
              project,
              location(ds, project, dataset),
              BigQueryJobs.commitJobBase(table.name(), runId, writeName),
              sql);
      changed =
          spec.mode() == WriteSpec.Mode.REPLACE_WHERE || spec.mode() == WriteSpec.Mode.REPLACE
              ? stagedRows
              : BigQueryJobs.dmlAffectedRows(job);
    }
    deleteIfExists(ds, stagingRef);
    return changed;
  }

  /** The dataset's location (jobs are looked up by id within a location); null when unknown. */
  static String location(DatasetService ds, String project, String dataset) throws Exception {
    Dataset d = ds.getDataset(project, dataset);
    return d == null ? null : d.getLocation();
  }
}
