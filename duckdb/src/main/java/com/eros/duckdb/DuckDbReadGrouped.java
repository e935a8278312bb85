package com.eros.duckdb;

import com.eros.common.table.ColumnType;
import com.eros.common.table.TableDef;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.range.OffsetRange;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.splittabledofn.RestrictionTracker;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.duckdb.DuckDBConnection;

/**
 * Reads a DuckDB table grouped by a STRING column without a shuffle. A planning query counts the
 * rows of each key value; consecutive key values (in DuckDB's order) are packed into ranges of
 * about {@link #ROWS_PER_RANGE} rows (a larger group gets a range of its own); each range is read
 * ordered by the key and emitted one group at a time. A NULL key is grouped under "" (it travels
 * with the first range, where "" would sort).
 *
 * <p>Memory stays bounded on the DirectRunner, which holds a bundle's whole output until the bundle
 * ends and runs ready bundles first come, first served: the ranges are read by a splittable DoFn
 * one range per bundle (see {@link ReadRangesFn}), so a range's groups are processed downstream
 * before much more is read, instead of the whole table being read first.
 */
final class DuckDbReadGrouped extends PTransform<PBegin, PCollection<KV<String, List<Row>>>> {
  /** Target rows per range (one range is one read query and one bundle). */
  static final long ROWS_PER_RANGE = 200_000;

  private final String path;
  private final TableDef table;
  private final ReadSpec spec;
  private final String keyColumn;
  private final long rowsPerRange;

  DuckDbReadGrouped(String path, TableDef table, ReadSpec spec, String keyColumn) {
    this(path, table, spec, keyColumn, ROWS_PER_RANGE);
  }

  DuckDbReadGrouped(
      String path, TableDef table, ReadSpec spec, String keyColumn, long rowsPerRange) {
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
    this.rowsPerRange = rowsPerRange;
  }

  /**
   * Key values {@code from <= key < to} in DuckDB's order (null bounds are open), plus the NULL key
   * when {@code withNull}. The planned ranges tile the whole key space, so a key value that appears
   * between planning and reading is still read exactly once.
   */
  record KeyRange(String from, String to, boolean withNull) implements Serializable {}

  @Override
  public PCollection<KV<String, List<Row>>> expand(PBegin input) {
    Schema schema = spec.schema(table);
    return input
        .apply("Start", Create.of(0))
        .apply(
            "Plan key ranges",
            ParDo.of(new PlanRangesFn(path, table, spec, keyColumn, rowsPerRange)))
        .setCoder(ListCoder.of(SerializableCoder.of(KeyRange.class)))
        .apply("Query groups", ParDo.of(new ReadRangesFn(path, table, spec, keyColumn)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(RowCoder.of(schema))));
  }

  /**
   * Packs consecutive keys (with their row counts, in key order, NULL first) into ranges of about
   * {@code rowsPerRange} rows. The first range is open below and takes the NULL key; the last is
   * open above; each range ends where the next begins.
   */
  static List<KeyRange> pack(List<String> keys, List<Long> counts, long rowsPerRange) {
    List<String> starts = new ArrayList<>(); // first key of every range but the first
    long rows = 0;
    boolean empty = true;
    for (int i = 0; i < keys.size(); i++) {
      String k = keys.get(i);
      long n = counts.get(i);
      // NULL and "" form one group (""), and "" is the lowest string: both stay in the first range
      if (k != null && !k.isEmpty() && !empty && rows + n > rowsPerRange) {
        starts.add(k);
        rows = 0;
      }
      rows += n;
      empty = false;
    }
    List<KeyRange> ranges = new ArrayList<>();
    if (empty) {
      return ranges;
    }
    String from = null;
    for (String next : starts) {
      ranges.add(new KeyRange(from, next, from == null));
      from = next;
    }
    ranges.add(new KeyRange(from, null, from == null));
    return ranges;
  }

  /** Emits the whole plan (the list of ranges) as one element. */
  static final class PlanRangesFn extends DoFn<Integer, List<KeyRange>> {
    private final String path;
    private final TableDef table;
    private final ReadSpec spec;
    private final String keyColumn;
    private final long rowsPerRange;

    PlanRangesFn(String path, TableDef table, ReadSpec spec, String keyColumn, long rowsPerRange) {
      this.path = path;
      this.table = table;
      this.spec = spec;
      this.keyColumn = keyColumn;
      this.rowsPerRange = rowsPerRange;
    }

    @ProcessElement
    public void process(OutputReceiver<List<KeyRange>> out) throws SQLException {
      List<Object> params = new ArrayList<>();
      List<String> preds = new ArrayList<>();
      for (Filter f : spec.filters()) {
        preds.add(DuckDbSql.predicate(table, f, params));
      }
      String sql =
          "SELECT "
              + keyColumn
              + ", count(*) FROM "
              + TableDef.checkIdentifier(table.name())
              + (preds.isEmpty() ? "" : " WHERE " + String.join(" AND ", preds))
              + " GROUP BY "
              + keyColumn
              + " ORDER BY "
              + keyColumn
              + " NULLS FIRST";
      List<String> keys = new ArrayList<>();
      List<Long> counts = new ArrayList<>();
      try (DuckDBConnection conn = DuckDbConnections.connect(path)) {
        DuckDbWarehouse.requireTable(conn, path, table);
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
          DuckDbSql.bind(ps, params);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              keys.add(rs.getString(1));
              counts.add(rs.getLong(2));
            }
          }
        }
      }
      out.output(pack(keys, counts, rowsPerRange));
    }
  }

  /**
   * Reads the planned ranges one per bundle: a splittable DoFn over the range indexes that claims
   * one range, emits its groups and returns {@code resume()}. Runners schedule the rest of the plan
   * as new work; on the DirectRunner that work queues behind the consumers of the range just read,
   * so reading and processing interleave and only a few ranges are in memory at a time (with all
   * ranges as separate elements, every range would be read before the first one is processed).
   */
  @DoFn.BoundedPerElement
  static final class ReadRangesFn extends DoFn<List<KeyRange>, KV<String, List<Row>>> {
    private final String path;
    private final TableDef table;
    private final ReadSpec spec;
    private final String keyColumn;
    private final Counter rowsRead;

    ReadRangesFn(String path, TableDef table, ReadSpec spec, String keyColumn) {
      this.path = path;
      this.table = table;
      this.spec = spec;
      this.keyColumn = keyColumn;
      this.rowsRead = Metrics.counter("warehouse", "rows_read_" + table.name());
    }

    @GetInitialRestriction
    public OffsetRange initialRestriction(@Element List<KeyRange> ranges) {
      return new OffsetRange(0, ranges.size());
    }

    @GetRestrictionCoder
    public Coder<OffsetRange> restrictionCoder() {
      return OffsetRange.Coder.of();
    }

    @ProcessElement
    public ProcessContinuation process(
        @Element List<KeyRange> ranges,
        RestrictionTracker<OffsetRange, Long> tracker,
        OutputReceiver<KV<String, List<Row>>> out)
        throws SQLException {
      long i = tracker.currentRestriction().getFrom();
      if (!tracker.tryClaim(i)) {
        return ProcessContinuation.stop();
      }
      readRange(ranges.get((int) i), out);
      return i + 1 < tracker.currentRestriction().getTo()
          ? ProcessContinuation.resume()
          : ProcessContinuation.stop();
    }

    private void readRange(KeyRange range, OutputReceiver<KV<String, List<Row>>> out)
        throws SQLException {
      List<String> bounds = new ArrayList<>();
      List<Object> extra = new ArrayList<>();
      if (range.from() != null) {
        bounds.add(keyColumn + " >= ?");
        extra.add(range.from());
      }
      if (range.to() != null) {
        bounds.add(keyColumn + " < ?");
        extra.add(range.to());
      }
      String inRange = bounds.isEmpty() ? keyColumn + " IS NOT NULL" : String.join(" AND ", bounds);
      String where =
          range.withNull()
              ? "(" + keyColumn + " IS NULL OR (" + inRange + "))"
              : "(" + inRange + ")";
      DuckDbSql.Select select = DuckDbSql.select(table, spec, where, null);
      List<Object> params = new ArrayList<>(select.params());
      params.addAll(extra);
      String sql = select.sql() + " ORDER BY " + keyColumn + " NULLS FIRST";
      int keyIndex = select.schema().indexOf(keyColumn);
      try (DuckDBConnection conn = DuckDbConnections.connect(path)) {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
          DuckDbSql.bind(ps, params);
          long n = 0;
          String current = null; // the group key ("" for NULL): one String instance per group
          ColumnarRows.Builder group = new ColumnarRows.Builder(select.schema(), select.columns());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              String value = rs.getString(keyIndex + 1);
              String key = value == null ? "" : value;
              if (!key.equals(current)) {
                if (current != null) {
                  out.output(KV.of(current, group.build()));
                  group.clear();
                }
                current = key;
              }
              group.add(rs, keyIndex, value == null ? null : current);
              n++;
            }
          }
          if (current != null) {
            out.output(KV.of(current, group.build()));
          }
          rowsRead.inc(n);
        }
      }
    }
  }
}
