package com.eros.common.warehouse.duckdb;

import com.eros.common.table.ColumnType;
import com.eros.common.table.TableDef;
import com.eros.common.warehouse.ReadSpec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.duckdb.DuckDBConnection;

/**
 * Reads a DuckDB table grouped by a STRING column without a shuffle: each partition (by hash of the
 * key) is read ordered by the key and emitted one group at a time. A NULL key is grouped under "".
 */
final class DuckDbReadGrouped extends PTransform<PBegin, PCollection<KV<String, List<Row>>>> {
  private final String path;
  private final TableDef table;
  private final ReadSpec spec;
  private final String keyColumn;

  DuckDbReadGrouped(String path, TableDef table, ReadSpec spec, String keyColumn) {
    super("Read " + table.name() + " by " + keyColumn);
    if (table.requireColumn(keyColumn).type() != ColumnType.STRING) {
      throw new IllegalArgumentException(keyColumn + " is not a STRING column");
    }
    if (!spec.resolveColumns(table).contains(keyColumn)) {
      throw new IllegalArgumentException("the projection must include the key column " + keyColumn);
    }
    this.path = path;
    this.table = table;
    this.spec = spec;
    this.keyColumn = keyColumn;
  }

  @Override
  public PCollection<KV<String, List<Row>>> expand(PBegin input) {
    Schema schema = spec.schema(table);
    return input
        .apply("Create partitions", Create.of(DuckDbRead.partitions()))
        .apply("Spread partitions", Reshuffle.viaRandomKey())
        .apply("Query groups", ParDo.of(new ReadGroupsFn(path, table, spec, keyColumn)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(RowCoder.of(schema))));
  }

  static final class ReadGroupsFn extends DoFn<Integer, KV<String, List<Row>>> {
    private final String path;
    private final TableDef table;
    private final ReadSpec spec;
    private final String keyColumn;
    private final Counter rowsRead;

    ReadGroupsFn(String path, TableDef table, ReadSpec spec, String keyColumn) {
      this.path = path;
      this.table = table;
      this.spec = spec;
      this.keyColumn = keyColumn;
      this.rowsRead = Metrics.counter("warehouse", "rows_read_" + table.name());
    }

    @ProcessElement
    public void process(@Element Integer partition, OutputReceiver<KV<String, List<Row>>> out) throws SQLException {
      String keyExpr = "coalesce(" + keyColumn + ", '')";
      DuckDbSql.Select select = DuckDbSql.select(
          table, spec, "(hash(" + keyExpr + ") % " + DuckDbRead.PARTITIONS + ") = " + partition, null);
      String sql = select.sql() + " ORDER BY " + keyExpr;
      try (DuckDBConnection conn = DuckDbConnections.connect(path)) {
        if (!DuckDbWarehouse.tableExists(conn, table.name())) {
          throw new IllegalStateException("table " + table.name() + " does not exist in " + path
              + "; run ./eros generate (or point --warehouse at the file that has it)");
        }
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
          DuckDbSql.bind(ps, select.params());
          long n = 0;
          String current = null;
          List<Row> group = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              Row row = DuckDbSql.toRow(rs, select.schema(), select.columns());
              String key = Objects.requireNonNullElse(row.getString(keyColumn), "");
              if (current != null && !current.equals(key)) {
                out.output(KV.of(current, group));
                group = new ArrayList<>();
              }
              current = key;
              group.add(row);
              n++;
            }
          }
          if (current != null) {
            out.output(KV.of(current, group));
          }
          rowsRead.inc(n);
        }
      }
    }
  }
}
