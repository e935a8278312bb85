package com.eros.common.warehouse.bigquery;

import com.eros.common.table.Column;
import com.eros.common.table.ColumnType;
import com.eros.common.table.StoredColumn;
import com.eros.common.table.TableDef;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WriteSpec;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.DatasetService;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.JobService;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.StorageClient;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServicesImpl;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;

/**
 * The production adapter: one BigQuery dataset. A serializable value (project, dataset and, in
 * tests, injected {@link BigQueryServices} such as Beam's {@code FakeBigQueryServices}); clients
 * are created where they are used and closed after.
 *
 * <p>Reads use the Storage Read API with projection and row restriction; writes use load jobs and,
 * for the keyed modes, a staging table plus one statement job with a deterministic id (see {@link
 * BigQueryWrite}). Driver-side operations first check credentials and the dataset once (real
 * BigQuery only) so that a bad {@code --warehouse} or a missing login fails with one line.
 */
public final class BigQueryWarehouse implements Warehouse {
  private static final long serialVersionUID = 1L;

  /** Leaves room under BigQuery's 1 MB limit on query text. */
  static final int MAX_STATEMENT_CHARS = 900_000;

  private final String project;
  private final String dataset;
  private final BigQueryServices services;
  private transient volatile boolean checked;

  public BigQueryWarehouse(String project, String dataset) {
    this(project, dataset, null);
  }

  /**
   * @param services the BigQuery services to use instead of the real ones (tests: Beam's {@code
   *     FakeBigQueryServices}); null for real BigQuery
   */
  public BigQueryWarehouse(String project, String dataset, BigQueryServices services) {
    this.project = BigQuerySql.checkProject(project);
    this.dataset = TableDef.checkIdentifier(dataset);
    this.services = services;
  }

  public String project() {
    return project;
  }

  public String dataset() {
    return dataset;
  }

  @Override
  public String spec() {
    return "bigquery:" + project + "." + dataset;
  }

  // ------------------------------------------------------------------ pipeline transforms

  @Override
  public PTransform<PBegin, PCollection<Row>> read(TableDef table, ReadSpec spec) {
    return new BigQueryRead(project, dataset, table, spec, services);
  }

  @Override
  public PTransform<PBegin, PCollection<KV<String, List<Row>>>> readGrouped(
      TableDef table, ReadSpec spec, String keyColumn) {
    return new BigQueryReadGrouped(project, dataset, table, spec, keyColumn, services);
  }

  @Override
  public PTransform<PCollection<Row>, PCollection<Long>> write(
      TableDef table, WriteSpec spec, String runId, String writeName) {
    return new BigQueryWrite(project, dataset, table, spec, runId, writeName, services, null);
  }

  @Override
  public PTransform<PCollection<Row>, PCollection<Long>> writeIf(
      TableDef table,
      WriteSpec spec,
      String runId,
      String writeName,
      PCollectionView<Boolean> proceed) {
    return new BigQueryWrite(project, dataset, table, spec, runId, writeName, services, proceed);
  }

  // ------------------------------------------------------------------ driver-side operations

  @Override
  public void open(boolean mayCreate) {
    preflight(); // credentials present and the dataset reachable; a dataset is never created by a
    // run
  }

  @Override
  public Optional<List<StoredColumn>> describe(TableDef table) {
    preflight();
    try (DatasetService ds = services().getDatasetService(options())) {
      Table t = ds.getTable(BigQuerySchemas.tableRef(project, dataset, table.name()));
      if (t == null) {
        return Optional.empty();
      }
      List<StoredColumn> cols = new ArrayList<>();
      if (t.getSchema() != null && t.getSchema().getFields() != null) {
        for (TableFieldSchema f : t.getSchema().getFields()) {
          String type = f.getType() == null ? "" : f.getType().toUpperCase(Locale.ROOT);
          boolean repeated = "REPEATED".equalsIgnoreCase(f.getMode());
          cols.add(
              new StoredColumn(
                  f.getName(),
                  repeated ? "ARRAY<" + type + ">" : type,
                  repeated ? null : typeOf(type)));
        }
      }
      return Optional.of(cols);
    } catch (Exception e) {
      throw wrap("describing " + table.name(), e);
    }
  }

  /**
   * Our column type that a BigQuery field type (REST or GoogleSQL spelling) is read as; null for
   * none.
   */
  static ColumnType typeOf(String bigQueryType) {
    return switch (bigQueryType) {
      case "STRING" -> ColumnType.STRING;
      case "INTEGER", "INT64" -> ColumnType.INT64;
      case "FLOAT", "FLOAT64" -> ColumnType.FLOAT64;
      case "BOOLEAN", "BOOL" -> ColumnType.BOOL;
      case "TIMESTAMP" -> ColumnType.TIMESTAMP;
      case "DATE" -> ColumnType.DATE;
      default -> null;
    };
  }

  @Override
  public void addColumns(TableDef table, List<Column> columns) {
    if (columns.isEmpty()) {
      return;
    }
    runStatements(
        "adding columns to " + table.name(),
        "eros_alter_" + table.name(),
        List.of(
            BigQuerySql.addColumns(
                BigQuerySql.tablePath(project, dataset, table.name()), columns)));
  }

  /**
   * Staging tables are created with an expiration time, so BigQuery removes a killed run's
   * leftovers itself.
   */
  @Override
  public int dropStaleStaging(Duration maxAge) {
    return 0;
  }

  @Override
  public void ensureTables(Collection<TableDef> tables) {
    preflight();
    try (DatasetService ds = services().getDatasetService(options())) {
      for (TableDef t : tables) {
        TableReference ref = BigQuerySchemas.tableRef(project, dataset, t.name());
        if (ds.getTable(ref) == null) {
          ds.createTable(BigQuerySchemas.table(project, dataset, t));
        }
      }
    } catch (Exception e) {
      throw wrap("creating tables", e);
    }
  }

  @Override
  public List<Row> query(TableDef table, ReadSpec spec) {
    List<String> columns = spec.resolveColumns(table);
    String restriction = BigQuerySql.rowRestriction(table, spec.filters());
    preflight();
    BigQueryOptions options = options();
    try (DatasetService ds = services().getDatasetService(options);
        StorageClient storage = services().getStorageClient(options)) {
      TableReference ref = BigQuerySchemas.tableRef(project, dataset, table.name());
      if (ds.getTable(ref) == null) {
        return List.of();
      }
      return BigQueryStorageRows.read(
          storage, project, ref, columns, restriction, spec.schema(table));
    } catch (Exception e) {
      throw wrap("reading " + table.name(), e);
    }
  }

  @Override
  public void insertNow(TableDef table, List<Row> rows) {
    List<String> statements =
        BigQuerySql.insertValues(
            table,
            BigQuerySql.tablePath(project, dataset, table.name()),
            rows,
            MAX_STATEMENT_CHARS);
    if (statements.isEmpty()) {
      return;
    }
    ensureTables(List.of(table));
    runStatements("appending to " + table.name(), "eros_insert_" + table.name(), statements);
  }

  @Override
  public void truncateNow(TableDef table) {
    preflight();
    try (DatasetService ds = services().getDatasetService(options())) {
      Table t = ds.getTable(BigQuerySchemas.tableRef(project, dataset, table.name()));
      if (t == null) {
        throw new IllegalArgumentException(
            "table "
                + table.name()
                + " does not exist in "
                + spec()
                + "; create it first (pipelines create their tables; or run ./eros generate)");
      }
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw wrap("emptying " + table.name(), e);
    }
    runStatements(
        "emptying " + table.name(),
        "eros_truncate_" + table.name(),
        List.of(BigQuerySql.truncate(BigQuerySql.tablePath(project, dataset, table.name()))));
  }

  /**
   * Runs statements one after the other, each as a job with a fresh id (driver-side: no bundle
   * retries).
   */
  private void runStatements(String what, String jobPrefix, List<String> statements) {
    BigQueryOptions options = options();
    try (DatasetService ds = services().getDatasetService(options);
        JobService jobs = services().getJobService(options)) {
      String location = BigQueryWrite.location(ds, project, dataset);
      for (String sql : statements) {
        BigQueryJobs.runOnce(
            jobs,
            project,
            location,
            jobPrefix + "_" + UUID.randomUUID().toString().replace('-', '_'),
            sql);
      }
    } catch (Exception e) {
      throw wrap(what, e);
    }
  }

  private RuntimeException wrap(String what, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return BigQueryErrors.describe(what, project, dataset, e);
  }

  /** Real BigQuery only, once per instance: credentials present, dataset reachable. */
  private void preflight() {
    if (services == null && !checked) {
      BigQueryPreflight.check(project, dataset);
      checked = true;
    }
  }

  private BigQueryServices services() {
    return services != null ? services : new BigQueryServicesImpl();
  }

  private BigQueryOptions options() {
    BigQueryOptions o = PipelineOptionsFactory.create().as(BigQueryOptions.class);
    o.setProject(project);
    return o;
  }

  @Override
  public String toString() {
    return spec();
  }
}
