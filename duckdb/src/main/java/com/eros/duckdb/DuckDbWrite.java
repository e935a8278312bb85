package com.eros.duckdb;

import com.eros.common.table.Column;
import com.eros.common.table.DuckDbDdl;
import com.eros.common.table.TableDef;
import com.eros.common.warehouse.GlobalBatch;
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
import java.util.UUID;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.Impulse;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes Rows to a DuckDB table in two phases, each idempotent under Beam retries:
 *
 * <ol>
 *   <li><b>Stage</b>: each bundle appends its rows (DuckDB's Appender, in transactions of at most
 *       {@value #FLUSH_ROWS} rows) to a run-specific staging table under a bundle id of its own,
 *       and outputs that id with its row count when it finishes. A bundle that fails and is retried
 *       stages again under a new id; the failed attempt's output is discarded by the runner, so its
 *       rows are referenced by nothing (the pattern of Beam's file sinks: temporary output per
 *       bundle, finalized only for the bundles the runner committed). There is no grouping of the
 *       rows themselves: on the DirectRunner a per-row GroupByKey cost more than the staging.
 *   <li><b>Commit</b>: a single-key GroupByKey of the bundle ids, seeded by an {@link Impulse} so
 *       that it fires for an empty input too, runs once every bundle is staged. One transaction
 *       deletes the staged rows of no committed bundle, checks that the staging table holds exactly
 *       the rows the committed bundles reported (otherwise it fails and changes nothing), applies
 *       the staging table to the target as the {@link WriteSpec} says, records a commit marker for
 *       (run, write) and drops the staging table. A retried commit finds its marker and does
 *       nothing.
 * </ol>
 *
 * Readers see the target before or after the commit, never in between. Writes are for bounded,
 * globally windowed input (every pipeline here is a batch pipeline).
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
  /** Rows a staging bundle buffers, by default, before it appends them in one transaction. */
  static final int FLUSH_ROWS = 10_000;

  /** The bundle id of the commit's seed element (no rows). */
  static final String SEED = "";

  static final String MARKERS = "_eros_commits";

  static final String MARKERS_DDL =
      "CREATE TABLE IF NOT EXISTS "
          + MARKERS
          + " (run_id VARCHAR, write_name VARCHAR, table_name VARCHAR, rows_changed BIGINT,"
          + " committed_at TIMESTAMP)";
  static final String STAGING = "_eros_staging";

  private final String path;
  private final TableDef table;
  private final WriteSpec spec;
  private final String runId;
  private final String writeName;
  private final PCollectionView<Boolean> proceed;
  private final int flushRows;

  /**
   * The write of {@code table} as {@code spec} says, gated by {@code proceed} when not null,
   * staging at most {@code flushRows} rows per transaction ({@link #FLUSH_ROWS} but in tests).
   */
  DuckDbWrite(
      String path,
      TableDef table,
      WriteSpec spec,
      String runId,
      String writeName,
      PCollectionView<Boolean> proceed,
      int flushRows) {
    super("Write " + table.name());
    this.flushRows = flushRows;
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
    GlobalBatch.require(rows, "a DuckDB write"); // it commits once, when all is staged
    String staging = stagingName(table, runId, writeName);
    KvCoder<Integer, KV<String, Long>> staged =
        KvCoder.of(VarIntCoder.of(), KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    PCollection<KV<Integer, KV<String, Long>>> bundles =
        rows.apply("Stage bundles", ParDo.of(new StageBundleFn(path, table, staging, flushRows)))
            .setCoder(staged);
    PCollection<KV<Integer, KV<String, Long>>> seed =
        PBegin.in(rows.getPipeline())
            .apply("Start commit", Impulse.create())
            .apply("Seed commit", ParDo.of(new SeedFn()))
            .setCoder(staged);
    ParDo.SingleOutput<KV<Integer, Iterable<KV<String, Long>>>, Long> commit =
        ParDo.of(new CommitFn(path, table, spec, staging, runId, writeName, proceed));
    if (proceed != null) {
      commit = commit.withSideInputs(proceed);
    }
    return PCollectionList.of(seed)
        .and(bundles)
        .apply("Join staged bundles", Flatten.pCollections())
        .apply("Collect staged bundles", GroupByKey.create())
        .apply("Commit " + table.name(), commit);
  }

  /** The one element that makes the commit run when no bundle staged anything. */
  static final class SeedFn extends DoFn<byte[], KV<Integer, KV<String, Long>>> {
    @ProcessElement
    public void process(OutputReceiver<KV<Integer, KV<String, Long>>> out) {
      out.output(KV.of(0, KV.of(SEED, 0L)));
    }
  }

  /** The staging column holding the id of the bundle that staged a row. */
  static final String BUNDLE = "_bundle";

  static String stagingDdl(TableDef table, String staging) {
    StringJoiner cols = new StringJoiner(", ");
    for (Column c : table.columns()) {
      cols.add(c.name() + " " + c.type().duckDb());
    }
    return "CREATE TABLE IF NOT EXISTS " + staging + " (" + cols + ", " + BUNDLE + " VARCHAR)";
  }

  /**
   * Appends a bundle's rows to the staging table under a new bundle id, in transactions of at most
   * {@code flushRows} rows, and outputs (id, rows) when the bundle finishes; a bundle without rows
   * outputs nothing.
   */
  static final class StageBundleFn extends DoFn<Row, KV<Integer, KV<String, Long>>> {
    private final String path;
    private final TableDef table;
    private final String staging;
    private final int flushRows;
    private transient List<Row> buffer;
    private transient String bundleId;
    private transient long staged;

    StageBundleFn(String path, TableDef table, String staging, int flushRows) {
      this.path = path;
      this.table = table;
      this.staging = staging;
      this.flushRows = flushRows;
    }

    @StartBundle
    public void start() {
      buffer = new ArrayList<>();
      bundleId = null;
      staged = 0;
    }

    @ProcessElement
    public void process(@Element Row row) throws SQLException {
      if (bundleId == null) {
        bundleId = UUID.randomUUID().toString();
      }
      buffer.add(row);
      if (buffer.size() >= flushRows) {
        flush();
      }
    }

    @FinishBundle
    public void finish(FinishBundleContext c) throws SQLException {
      if (bundleId == null) {
        return;
      }
      flush();
      c.output(
          KV.of(0, KV.of(bundleId, staged)),
          BoundedWindow.TIMESTAMP_MIN_VALUE,
          GlobalWindow.INSTANCE);
    }

    /** One transaction: the staging table (created and registered when absent), then the rows. */
    private void flush() throws SQLException {
      if (buffer.isEmpty()) {
        return;
      }
      DuckDbTx.inTransaction(
          path,
          conn -> {
            createStaging(conn, table, staging);
            try (DuckDBAppender app =
                conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, staging)) {
              DuckDbSql.RowValues values = new DuckDbSql.RowValues(table);
              for (Row r : buffer) {
                app.beginRow();
                values.append(app, r);
                app.append(bundleId);
                app.endRow();
              }
            }
            return null;
          });
      staged += buffer.size();
      buffer.clear();
    }
  }

  static void ensureStaging(String path, TableDef table, String staging) throws SQLException {
    DuckDbTx.inTransaction(
        path,
        conn -> {
          createStaging(conn, table, staging);
          return null;
        });
  }

  /** Creates and registers the staging table when absent, in the caller's transaction. */
  private static void createStaging(DuckDBConnection conn, TableDef table, String staging)
      throws SQLException {
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
            st.execute(MARKERS_DDL);
            st.execute(
                "DELETE FROM "
                    + MARKERS
                    + " WHERE committed_at < current_timestamp::TIMESTAMP - INTERVAL 7 DAY");
          }
          return stale.size();
        });
  }

  static final class CommitFn extends DoFn<KV<Integer, Iterable<KV<String, Long>>>, Long> {
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
      List<String> bundles = new ArrayList<>();
      long expected = 0;
      for (KV<String, Long> b : c.element().getValue()) {
        if (!SEED.equals(b.getKey())) {
          bundles.add(b.getKey());
          expected += b.getValue();
        }
      }
      long stagedRows = expected;
      long changed =
          DuckDbTx.inTransaction(
              path,
              conn -> {
                try (Statement st = conn.createStatement()) {
                  st.execute(DuckDbDdl.createIfNotExists(table));
                  st.execute(MARKERS_DDL);
                }
                try (PreparedStatement ps =
                    conn.prepareStatement(
                        "SELECT rows_changed FROM "
                            + MARKERS
                            + " WHERE run_id = ? AND write_name = ? AND table_name = ?")) {
                  bindMarkerKey(ps, runId, writeName, table);
                  try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                      long earlier =
                          rs.getLong(1); // already committed by an earlier try of this commit
                      dropStaging(conn, staging);
                      return earlier;
                    }
                  }
                }
                keepOnly(conn, staging, bundles, stagedRows);
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
                  bindMarkerKey(ps, runId, writeName, table);
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

  /**
   * Deletes the staged rows of every bundle but {@code bundles} (attempts the runner discarded),
   * then fails unless exactly {@code expected} rows are left: the commit applies what the committed
   * bundles staged, nothing more and nothing less.
   */
  static void keepOnly(DuckDBConnection conn, String staging, List<String> bundles, long expected)
      throws SQLException {
    StringJoiner ids = new StringJoiner(", ", "(", ")");
    bundles.forEach(b -> ids.add("?"));
    String delete =
        bundles.isEmpty()
            ? "DELETE FROM " + staging
            : "DELETE FROM " + staging + " WHERE " + BUNDLE + " NOT IN " + ids;
    try (PreparedStatement ps = conn.prepareStatement(delete)) {
      for (int i = 0; i < bundles.size(); i++) {
        ps.setString(i + 1, bundles.get(i));
      }
      ps.execute();
    }
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + staging)) {
      rs.next();
      long found = rs.getLong(1);
      if (found != expected) {
        throw new IllegalStateException(
            "staging table "
                + staging
                + " holds "
                + found
                + " rows of the committed bundles, which reported "
                + expected
                + ": nothing committed");
      }
    }
  }

  /** Binds a commit marker's key (run, write, table) to parameters 1 to 3. */
  private static void bindMarkerKey(
      PreparedStatement ps, String runId, String writeName, TableDef table) throws SQLException {
    ps.setString(1, runId);
    ps.setString(2, writeName);
    ps.setString(3, table.name());
  }

  /** One statement of a commit; {@code counts} marks the one whose affected rows are reported. */
  record Statement1(String sql, boolean counts, boolean guard) {}

  /** The SQL a commit runs, per mode. Public for tests through {@link DuckDbWarehouse}. */
  static List<Statement1> commitStatements(TableDef table, WriteSpec spec, String staging) {
    String t = table.name();
    String cols = String.join(", ", table.columnNames());
    String insert = "INSERT INTO " + t + " (" + cols + ") SELECT " + cols + " FROM " + staging;
    List<Statement1> out = new ArrayList<>();
    switch (spec.mode()) {
      case APPEND -> out.add(new Statement1(insert, true, false));
      case REPLACE -> {
        out.add(new Statement1("DELETE FROM " + t, false, false));
        out.add(new Statement1(insert, true, false));
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
        out.add(new Statement1(insert, true, false));
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
