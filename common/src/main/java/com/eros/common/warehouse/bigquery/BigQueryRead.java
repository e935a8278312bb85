package com.eros.common.warehouse.bigquery;

import com.eros.common.table.TableDef;
import com.eros.common.warehouse.ReadSpec;
import com.google.cloud.bigquery.storage.v1.DataFormat;
import java.util.List;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Reads a BigQuery table through the Storage Read API ({@code DIRECT_READ}): only the projected
 * columns ({@code withSelectedFields}) of the rows that pass the filters ({@code
 * withRowRestriction}, typed literals) leave BigQuery. Rows have exactly {@code
 * spec.schema(table)}.
 */
final class BigQueryRead extends PTransform<PBegin, PCollection<Row>> {
  private final String project;
  private final String dataset;
  private final TableDef table;
  private final ReadSpec spec;
  private final BigQueryServices services;

  BigQueryRead(
      String project, String dataset, TableDef table, ReadSpec spec, BigQueryServices services) {
    super("Read " + table.name());
    this.project = project;
    this.dataset = dataset;
    this.table = table;
    this.spec = spec;
    this.services = services;
    restriction(); // validates the filters' columns and value types now, not on a worker
  }

  List<String> columns() {
    return spec.resolveColumns(table);
  }

  /** The row restriction sent to BigQuery, or null when the spec has no filters. */
  String restriction() {
    return BigQuerySql.rowRestriction(table, spec.filters());
  }

  /** The configured BigQueryIO read (exposed for tests). */
  BigQueryIO.TypedRead<Row> storageRead() {
    Schema schema = spec.schema(table);
    BigQueryIO.TypedRead<Row> read =
        BigQueryIO.read(new BigQueryStorageRows.ToRowFn(schema))
            .from(BigQuerySchemas.tableRef(project, dataset, table.name()))
            .withMethod(BigQueryIO.TypedRead.Method.DIRECT_READ)
            .withFormat(DataFormat.AVRO)
            .withSelectedFields(columns())
            .withCoder(RowCoder.of(schema));
    String restriction = restriction();
    if (restriction != null) {
      read = read.withRowRestriction(restriction);
    }
    if (services != null) {
      read = read.withTestServices(services);
    }
    return read;
  }

  @Override
  public PCollection<Row> expand(PBegin input) {
    billReadsTo(input.getPipeline().getOptions(), project);
    return input
        .apply("Read via Storage API", storageRead())
        .setRowSchema(spec.schema(table))
        .apply("Count rows read", ParDo.of(new CountRowsFn(table.name())))
        .setRowSchema(spec.schema(table));
  }

  /**
   * Read sessions are created in {@code --bigQueryProject}, else {@code --project}; when neither is
   * given, in the warehouse's own project.
   */
  static void billReadsTo(PipelineOptions options, String project) {
    BigQueryOptions bq = options.as(BigQueryOptions.class);
    if (bq.getBigQueryProject() == null && bq.getProject() == null) {
      bq.setBigQueryProject(project);
    }
  }

  /** Counts rows as {@code warehouse:rows_read_<table>}, like the DuckDB adapter. */
  static final class CountRowsFn extends DoFn<Row, Row> {
    private final Counter rowsRead;

    CountRowsFn(String table) {
      this.rowsRead = Metrics.counter("warehouse", "rows_read_" + table);
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<Row> out) {
      rowsRead.inc();
      out.output(row);
    }
  }
}
