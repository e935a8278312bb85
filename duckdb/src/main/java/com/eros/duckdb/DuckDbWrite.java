package com.eros.duckdb;

import com.eros.common.table.Column;
import com.eros.common.table.DuckDbDdl;
import com.eros.common.table.TableDef;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WriteSpec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes Rows to a DuckDB table in two phases, each idempotent under Beam retries:
 *
 * <ol>
 *   <li><b>Stage</b>: rows are grouped into a fixed number of shards; each shard is written to a
 *       run-specific staging table in one transaction that first deletes that shard's earlier rows
 *       (so a retried shard replaces itself) and then bulk-appends with DuckDB's Appender.
 *   <li><b>Commit</b>: once every shard is staged, one transaction applies the staging table to the
 *       target as the {@link WriteSpec} says, records a commit marker for (run, write) and drops
 *       the staging table. A retried commit finds its marker and does nothing.
 * </ol>
 *
 * Readers see the target before or after the commit, never in between.
 *
 * <p>Every staging table is registered in {@value #STAGING} with its creation time, in the
 * transaction that creates it; the commit drops it (also when it finds its marker: a retried
 * commit). A run killed before its commit leaves its staging table behind: {@link
 * #dropStaleStaging} (called by every run's preflight) drops those older than a day.
 *
 * <p>A gated write ({@code proceed} side input) commits only when the gate says so; otherwise it
 * drops its staging, leaves the target unchanged and outputs -1.
 */
final class DuckDbWrite extends PTransform<PCollection<Row>, PCollection<Long>> {
  static final int SHARDS = 8;
  static final String MARKERS = "_eros_commits";
  static final String STAGING = "_eros_staging";

  private final String path;
  private final TableDef table;
  private final WriteSpec spec;
  private final String runId;
  private final String writeName;
  private final PCollectionView<Boolean> proceed;

  DuckDbWrite(
      String path,
      TableDef table,
      WriteSpec spec,
      String runId,
      String writeName,
      PCollectionView<Boolean> proceed) {
    super("Write " + table.name());
    this.proceed = proceed;
    this.path = path;
    this.table = table;
    this.spec = spec;
    this.runId = runId;
    this.writeName = writeName;
    for (String c : spec.keyColumns()) {
      table.requireColumn(c);
    }
    for (String c : spec.setColumns()) {
      table.requireColumn(c);
    }
    if (spec.guardColumn() != null) {
      table.requireColumn(spec.guardColumn());
    }
  }

  static String stagingName(TableDef table, String runId, String writeName) {
    return ("_stg_" + table.name() + "_" + writeName + "_" + runId)
        .replaceAll("[^A-Za-z0-9_]", "_");
  }

  @Override
  public PCollection<Long> expand(PCollection<Row> rows) {
    Schema schema = table.schema();
    String staging = stagingName(table, runId, writeName);
    return rows.apply("Assign shards", ParDo.of(new AssignShardFn()))
        .setCoder(
            KvCoder.of(VarIntCoder.of(), RowCoder.of(rows.hasSchema() ? rows.getSchema() : schema)))
        .apply("Group shards", GroupByKey.create())
        .apply("Stage shards", ParDo.of(new StageShardFn(path, table, staging)))
        .apply("Count staged rows", Sum.longsGlobally())
        .apply(
            "Commit " + table.name(),
            proceed == null
                ? ParDo.of(new CommitFn(path, table, spec, staging, runId, writeName, null))
                : ParDo.of(new CommitFn(path, table, spec, staging, runId, writeName, proceed))
                    .withSideInputs(proceed));
  }

  static final class AssignShardFn extends DoFn<Row, KV<Integer, Row>> {
    @ProcessElement
    public void process(@Element Row row, OutputReceiver<KV<Integer, Row>> out) {
      out.output(KV.of(Math.floorMod(row.hashCode(), SHARDS), row));
    }
  }

  static String stagingDdl(TableDef table, String staging) {
    StringJoiner cols = new StringJoiner(", ");
    for (Column c : table.columns()) {
      cols.add(c.name() + " " + c.type().duckDb());
    }
    return "CREATE TABLE IF NOT EXISTS " + staging + " (" + cols + ", _shard INTEGER)";
  }

  static final class StageShardFn extends DoFn<KV<Integer, Iterable<Row>>, Long> {
    private final String path;
    private final TableDef table;
    private final String staging;

    StageShardFn(String path, TableDef table, String staging) {
      this.path = path;
      this.table = table;
      this.staging = staging;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<Row>> shard, OutputReceiver<Long> out)
        throws SQLException {
      ensureStaging(path, table, staging);
      long n =
          DuckDbTx.inTransaction(
              path,
              conn -> {
                try (PreparedStatement del =
                    conn.prepareStatement("DELETE FROM " + staging + " WHERE _shard = ?")) {
                  del.setInt(1, shard.getKey());
                  del.execute();
                }
                long count = 0;
                try (DuckDBAppender app =
                    conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, staging)) {
                  List<Column> cols = table.columns();
                  for (Row r : shard.getValue()) {
                    app.beginRow();
                    for (Column c : cols) {
                      DuckDbSql.appendValue(app, c.type(), r.getValue(c.name()));
                    }
                    app.append(shard.getKey().intValue());
                    app.endRow();
                    count++;
                  }
                }
                return count;
              });
      out.output(n);
    }
  }

  static void ensureStaging(String path, TableDef table, String staging) throws SQLException {
    DuckDbTx.inTransaction(
        path,
        conn -> {
          try (Statement st = conn.createStatement()) {
            st.execute(stagingDdl(table, staging));
            st.execute(REGISTRY_DDL);
          }
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO "
                      + STAGING
                      + " SELECT ?, current_timestamp::TIMESTAMP WHERE NOT EXISTS (SELECT 1 FROM "
                      + STAGING
                      + " WHERE name = ?)")) {
            ps.setString(1, staging);
            ps.setString(2, staging);
            ps.execute();
          }
          return null;
        });
  }

  static final String REGISTRY_DDL =
      "CREATE TABLE IF NOT EXISTS " + STAGING + " (name VARCHAR, created_at TIMESTAMP)";

  /** Drops a staging table and its registration, in the caller's transaction. */
  static void dropStaging(DuckDBConnection conn, String staging) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + staging);
      st.execute(REGISTRY_DDL);
    }
    try (PreparedStatement ps =
        conn.prepareStatement("DELETE FROM " + STAGING + " WHERE name = ?")) {
      ps.setString(1, staging);
      ps.execute();
    }
  }

  /**
   * Drops the staging tables registered more than {@code maxAge} ago (their run died before its
   * commit), staging tables that were never registered (left by a version before the registry), and
   * commit markers older than a week. Returns the number of staging tables dropped.
   */
  static int dropStaleStaging(String path, Duration maxAge) throws SQLException {
    return DuckDbTx.inTransaction(
        path,
        conn -> {
          List<String> stale = new ArrayList<>();
          try (Statement st = conn.createStatement()) {
            st.execute(REGISTRY_DDL);
          }
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT name FROM "
                      + STAGING
                      + " WHERE created_at < current_timestamp::TIMESTAMP - to_microseconds(CAST(? AS BIGINT))")) {
            ps.setLong(1, maxAge.toNanos() / 1000);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                stale.add(rs.getString(1));
              }
            }
          }
          try (Statement st = conn.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
                          + " AND starts_with(table_name, '_stg_') AND table_name NOT IN (SELECT name FROM "
                          + STAGING
                          + ")")) {
            while (rs.next()) {
              stale.add(rs.getString(1));
            }
          }
          for (String name : stale) {
            dropStaging(conn, TableDef.checkIdentifier(name));
          }
          try (Statement st = conn.createStatement()) {
            st.execute(
                "CREATE TABLE IF NOT EXISTS "
                    + MARKERS
                    + " (run_id VARCHAR, write_name VARCHAR, table_name VARCHAR, rows_changed BIGINT, committed_at TIMESTAMP)");
            st.execute(
                "DELETE FROM "
                    + MARKERS
                    + " WHERE committed_at < current_timestamp::TIMESTAMP - INTERVAL 7 DAY");
          }
          return stale.size();
        });
  }

  static final class CommitFn extends DoFn<Long, Long> {
    private final String path;
    private final TableDef table;
    private final WriteSpec spec;
    private final String staging;
    private final String runId;
    private final String writeName;
    private final PCollectionView<Boolean> proceed;
    private final Counter committed;

    CommitFn(
        String path,
        TableDef table,
        WriteSpec spec,
        String staging,
        String runId,
        String writeName,
        PCollectionView<Boolean> proceed) {
      this.proceed = proceed;
      this.path = path;
      this.table = table;
      this.spec = spec;
      this.staging = staging;
      this.runId = runId;
      this.writeName = writeName;
      this.committed = Metrics.counter("warehouse", "rows_committed_" + table.name());
    }

    @ProcessElement
    public void process(ProcessContext c) throws SQLException {
      if (proceed != null && !Boolean.TRUE.equals(c.sideInput(proceed))) {
        DuckDbTx.inTransaction(
            path,
            conn -> {
              dropStaging(conn, staging); // IF EXISTS: nothing may have been staged
              return null;
            });
        c.output(Warehouse.NOT_COMMITTED);
        return;
      }
      ensureStaging(path, table, staging); // an empty input stages nothing: commit from no rows
      long changed =
          DuckDbTx.inTransaction(
              path,
              conn -> {
                try (Statement st = conn.createStatement()) {
                  st.execute(DuckDbDdl.createIfNotExists(table));
                  st.execute(
                      "CREATE TABLE IF NOT EXISTS "
                          + MARKERS
                          + " (run_id VARCHAR, write_name VARCHAR, table_name VARCHAR, rows_changed BIGINT, committed_at TIMESTAMP)");
                }
                try (PreparedStatement ps =
                    conn.prepareStatement(
                        "SELECT rows_changed FROM "
                            + MARKERS
                            + " WHERE run_id = ? AND write_name = ? AND table_name = ?")) {
                  ps.setString(1, runId);
                  ps.setString(2, writeName);
                  ps.setString(3, table.name());
                  try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                      long earlier =
                          rs.getLong(1); // already committed by an earlier try of this commit
                      dropStaging(conn, staging);
                      return earlier;
                    }
                  }
                }
                long rows = 0;
                for (Statement1 s : commitStatements(table, spec, staging)) {
                  try (PreparedStatement ps = conn.prepareStatement(s.sql())) {
                    if (s.guard()) {
                      ps.setObject(1, spec.guardValue());
                    }
                    int affected = ps.executeUpdate();
                    if (s.counts()) {
                      rows += affected;
                    }
                  }
                }
                try (PreparedStatement ps =
                    conn.prepareStatement(
                        "INSERT INTO "
                            + MARKERS
                            + " VALUES (?, ?, ?, ?, current_timestamp::TIMESTAMP)")) {
                  ps.setString(1, runId);
                  ps.setString(2, writeName);
                  ps.setString(3, table.name());
                  ps.setLong(4, rows);
                  ps.execute();
                }
                dropStaging(conn, staging);
                return rows;
              });
      committed.inc(changed);
      c.output(changed);
    }
  }

  /** One statement of a commit; {@code counts} marks the one whose affected rows are reported. */
  record Statement1(String sql, boolean counts, boolean guard) {}

  /** The SQL a commit runs, per mode. Public for tests through {@link DuckDbWarehouse}. */
  static List<Statement1> commitStatements(TableDef table, WriteSpec spec, String staging) {
    String t = table.name();
    String cols = String.join(", ", table.columnNames());
    List<Statement1> out = new ArrayList<>();
    switch (spec.mode()) {
      case APPEND ->
          out.add(
              new Statement1(
                  "INSERT INTO " + t + " (" + cols + ") SELECT " + cols + " FROM " + staging,
                  true,
                  false));
      case REPLACE -> {
        out.add(new Statement1("DELETE FROM " + t, false, false));
        out.add(
            new Statement1(
                "INSERT INTO " + t + " (" + cols + ") SELECT " + cols + " FROM " + staging,
                true,
                false));
      }
      case REPLACE_WHERE -> {
        String k = spec.keyColumns().get(0);
        out.add(
            new Statement1(
                "DELETE FROM "
                    + t
                    + " WHERE "
                    + k
                    + " IN (SELECT DISTINCT "
                    + k
                    + " FROM "
                    + staging
                    + ")",
                false,
                false));
        out.add(
            new Statement1(
                "INSERT INTO " + t + " (" + cols + ") SELECT " + cols + " FROM " + staging,
                true,
                false));
      }
      case INSERT_IF_ABSENT -> {
        String keys = String.join(", ", spec.keyColumns());
        StringJoiner match = new StringJoiner(" AND ");
        for (String k : spec.keyColumns()) {
          match.add("t." + k + " IS NOT DISTINCT FROM s." + k);
        }
        out.add(
            new Statement1(
                "INSERT INTO "
                    + t
                    + " ("
                    + cols
                    + ") SELECT "
                    + cols
                    + " FROM (SELECT * FROM "
                    + staging
                    + " QUALIFY row_number() OVER (PARTITION BY "
                    + keys
                    + " ORDER BY "
                    + cols
                    + ") = 1) s"
                    + " WHERE NOT EXISTS (SELECT 1 FROM "
                    + t
                    + " t WHERE "
                    + match
                    + ")",
                true,
                false));
      }
      case UPDATE -> {
        String keys = String.join(", ", spec.keyColumns());
        StringJoiner set = new StringJoiner(", ");
        for (String c : spec.setColumns()) {
          set.add(c + " = s." + c);
        }
        // DuckDB detects write-write conflicts per column: an update that only writes the set
        // columns
        // does not conflict with a concurrent change of a key or guard column, and would then
        // change a
        // row that no longer matches (e.g. a lock re-planned to a new date while the sweep
        // commits).
        // Writing the key and guard columns to the values they were matched on (unchanged) makes
        // any
        // such concurrent change a conflict, which DuckDbTx retries on a fresh snapshot.
        for (String k : spec.keyColumns()) {
          if (!spec.setColumns().contains(k)) {
            set.add(k + " = s." + k);
          }
        }
        if (spec.guardColumn() != null
            && !spec.setColumns().contains(spec.guardColumn())
            && !spec.keyColumns().contains(spec.guardColumn())) {
          set.add(spec.guardColumn() + " = " + t + "." + spec.guardColumn());
        }
        StringJoiner match = new StringJoiner(" AND ");
        for (String k : spec.keyColumns()) {
          match.add(t + "." + k + " IS NOT DISTINCT FROM s." + k);
        }
        String guard =
            spec.guardColumn() == null ? "" : " AND " + t + "." + spec.guardColumn() + " = ?";
        out.add(
            new Statement1(
                "UPDATE "
                    + t
                    + " SET "
                    + set
                    + " FROM (SELECT * FROM "
                    + staging
                    + " QUALIFY row_number() OVER (PARTITION BY "
                    + keys
                    + " ORDER BY "
                    + cols
                    + ") = 1) s"
                    + " WHERE "
                    + match
                    + guard,
                true,
                spec.guardColumn() != null));
      }
      default -> throw new IllegalStateException("unhandled mode " + spec.mode());
    }
    return out;
  }
}
