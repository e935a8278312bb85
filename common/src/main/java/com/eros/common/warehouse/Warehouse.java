package com.eros.common.warehouse;

import com.eros.common.table.Column;
import com.eros.common.table.StoredColumn;
import com.eros.common.table.TableDef;
import java.io.Serializable;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;

/**
 * The storage port. Pipelines read and write tables only through it; the adapter behind it is the
 * embedded DuckDB file (local default, tests, benchmarks) or BigQuery (production). Business logic
 * never knows which one it has.
 *
 * <p>Implementations are serializable value objects (they hold a path or a dataset name, never a
 * connection): transforms they return open connections on the workers.
 */
public interface Warehouse extends Serializable {
  /** What a gated write ({@link #writeIf}) outputs when its gate said no: nothing committed. */
  long NOT_COMMITTED = -1L;

  /** The {@code --warehouse} value this adapter was made from, for logs and summaries. */
  String spec();

  /**
   * Checks, before a run reads or writes anything, that the warehouse can be used: reachable,
   * writable and, unless {@code mayCreate}, already there (a DuckDB file is created only by {@code
   * ./eros generate} and {@code ./eros demo}). Throws {@link WarehouseSetupException} with one line
   * saying what is wrong and how to fix it (exit code 2).
   */
  void open(boolean mayCreate);

  /** The table's columns as the store has them, in order; empty when the table does not exist. */
  Optional<List<StoredColumn>> describe(TableDef table);

  /** Adds nullable columns of the definition that the existing stored table lacks. */
  void addColumns(TableDef table, List<Column> columns);

  /**
   * Removes what runs killed before their commit left behind (staging tables older than {@code
   * maxAge}); returns how many were removed. Adapters whose staging expires by itself return 0.
   */
  int dropStaleStaging(Duration maxAge);

  /**
   * Creates the tables that are absent (with partitioning and clustering where the store has them).
   */
  void ensureTables(Collection<TableDef> tables);

  /** Reads a table as schema'd rows; projection and filters are pushed into the store. */
  PTransform<PBegin, PCollection<Row>> read(TableDef table, ReadSpec spec);

  /**
   * Reads a table grouped by a STRING column: one element per distinct value, with every matching
   * row of that value (order unspecified). The DuckDB adapter groups inside the store, without a
   * shuffle; other adapters may read and group by key.
   */
  PTransform<PBegin, PCollection<KV<String, List<Row>>>> readGrouped(
      TableDef table, ReadSpec spec, String keyColumn);

  /**
   * Writes rows (with the table's full schema) as {@code spec} says. The output has exactly one
   * element once the write is committed: the rows it changed (the rows loaded for APPEND and
   * REPLACE, the rows inserted for INSERT_IF_ABSENT and REPLACE_WHERE, the rows updated for
   * UPDATE). Use it with {@code Wait.on} (or, for small inputs, the pipelines' {@code AfterAll}) to
   * order later steps (the job row, alerts) after the write.
   *
   * @param writeName names this write within the run (it names staging tables); unique per run.
   * @param runId the run's write id (job id and attempt): staging and commit markers are per id, so
   *     Beam's retries are harmless.
   */
  PTransform<PCollection<Row>, PCollection<Long>> write(
      TableDef table, WriteSpec spec, String runId, String writeName);

  /**
   * As {@link #write}, but gated: the commit happens only when {@code proceed} (a singleton view
   * computed in the pipeline) is true. Otherwise the table is left unchanged, the staged rows are
   * dropped and the output is {@link #NOT_COMMITTED}.
   */
  PTransform<PCollection<Row>, PCollection<Long>> writeIf(
      TableDef table,
      WriteSpec spec,
      String runId,
      String writeName,
      PCollectionView<Boolean> proceed);

  /** A small driver-side read (scorecards, summaries). Not for bulk data. */
  List<Row> query(TableDef table, ReadSpec spec);

  /**
   * How many rows of {@code table} match {@code spec}'s filters (0 when the table does not exist),
   * for a driver-side figure such as the active locks after a sweep. The default reads the rows
   * through {@link #query}; an adapter that can count in the store (DuckDB) does so, without
   * bringing every row into the JVM.
   */
  default long count(TableDef table, ReadSpec spec) {
    return query(table, spec).size();
  }

  /** A small driver-side append (a job row written after a failed run). Not for bulk data. */
  void insertNow(TableDef table, List<Row> rows);

  /** Driver-side: deletes every row of a table (which must exist). Used by the data generator. */
  void truncateNow(TableDef table);
}
