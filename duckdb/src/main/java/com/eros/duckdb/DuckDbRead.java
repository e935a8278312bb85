package com.eros.duckdb;

import com.eros.common.table.TableDef;
import com.eros.common.warehouse.ReadSpec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.duckdb.DuckDBConnection;

/**
 * Reads a DuckDB table as Rows: {@code SELECT projection FROM table WHERE filters}, split into a
 * few partitions by row id so that both cores of a small machine read.
 */
final class DuckDbRead extends PTransform<PBegin, PCollection<Row>> {
  static final int PARTITIONS = 4;
  private final String path;
  private final TableDef table;
  private final ReadSpec spec;

  DuckDbRead(String path, TableDef table, ReadSpec spec) {
    super("Read " + table.name());
    this.path = path;
    this.table = table;
    this.spec = spec;
  }

  @Override
  public PCollection<Row> expand(PBegin input) {
    return input
        .apply("Create partitions", Create.of(partitions()))
        .apply("Spread partitions", Reshuffle.viaRandomKey())
        .apply("Query partition", ParDo.of(new ReadPartitionFn(path, table, spec)))
        .setRowSchema(spec.schema(table));
  }

  static List<Integer> partitions() {
    List<Integer> p = new ArrayList<>();
    for (int i = 0; i < PARTITIONS; i++) {
      p.add(i);
    }
    return p;
  }

  static final class ReadPartitionFn extends DoFn<Integer, Row> {
    private final String path;
    private final TableDef table;
    private final ReadSpec spec;
    private final Counter rowsRead;

    ReadPartitionFn(String path, TableDef table, ReadSpec spec) {
      this.path = path;
      this.table = table;
      this.spec = spec;
      this.rowsRead = Metrics.counter("warehouse", "rows_read_" + table.name());
    }

    @ProcessElement
    public void process(@Element Integer partition, OutputReceiver<Row> out) throws SQLException {
      DuckDbSql.Select select =
          DuckDbSql.select(table, spec, "(rowid % " + PARTITIONS + ") = " + partition, null);
      try (DuckDBConnection conn = DuckDbConnections.connect(path)) {
        DuckDbWarehouse.requireTable(conn, path, table);
        try (PreparedStatement ps = conn.prepareStatement(select.sql())) {
          DuckDbSql.bind(ps, select.params());
          long n = 0;
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.output(DuckDbSql.toRow(rs, select.schema(), select.columns()));
              n++;
            }
          }
          rowsRead.inc(n);
        }
      }
    }
  }
}
