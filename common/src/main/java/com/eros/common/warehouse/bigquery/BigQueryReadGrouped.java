package com.eros.common.warehouse.bigquery;

import com.eros.common.table.ColumnType;
import com.eros.common.table.TableDef;
import com.eros.common.warehouse.ReadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Reads a table (Storage Read API) and groups its rows by a STRING column; a NULL key is grouped
 * under "".
 */
final class BigQueryReadGrouped extends PTransform<PBegin, PCollection<KV<String, List<Row>>>> {
  private final BigQueryRead read;
  private final TableDef table;
  private final ReadSpec spec;
  private final String keyColumn;

  BigQueryReadGrouped(
      String project,
      String dataset,
      TableDef table,
      ReadSpec spec,
      String keyColumn,
      BigQueryServices services) {
    super("Read " + table.name() + " by " + keyColumn);
    if (table.requireColumn(keyColumn).type() != ColumnType.STRING) {
      throw new IllegalArgumentException(keyColumn + " is not a STRING column");
    }
    if (!spec.resolveColumns(table).contains(keyColumn)) {
      throw new IllegalArgumentException("the projection must include the key column " + keyColumn);
    }
    this.read = new BigQueryRead(project, dataset, table, spec, services);
    this.table = table;
    this.spec = spec;
    this.keyColumn = keyColumn;
  }

  @Override
  public PCollection<KV<String, List<Row>>> expand(PBegin input) {
    Schema schema = spec.schema(table);
    return input
        .apply("Read rows", read)
        .apply("Key by " + keyColumn, ParDo.of(new KeyByColumnFn(keyColumn)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RowCoder.of(schema)))
        .apply("Group by " + keyColumn, GroupByKey.create())
        .apply("Collect groups", ParDo.of(new ToListFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(RowCoder.of(schema))));
  }

  static final class KeyByColumnFn extends DoFn<Row, KV<String, Row>> {
    private final String keyColumn;

    KeyByColumnFn(String keyColumn) {
      this.keyColumn = keyColumn;
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<KV<String, Row>> out) {
      out.output(KV.of(Objects.requireNonNullElse(row.getString(keyColumn), ""), row));
    }
  }

  static final class ToListFn extends DoFn<KV<String, Iterable<Row>>, KV<String, List<Row>>> {
    @ProcessElement
    public void process(
        @Element KV<String, Iterable<Row>> group, OutputReceiver<KV<String, List<Row>>> out) {
      List<Row> rows = new ArrayList<>();
      group.getValue().forEach(rows::add);
      out.output(KV.of(group.getKey(), rows));
    }
  }
}
