package com.eros.common.warehouse;

import com.eros.common.table.TableDef;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
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

  /** The {@code --warehouse} value this adapter was made from, for logs and summaries. */
  String spec();

  /** Creates the tables that are absent (with partitioning and clustering where the store has them). */
  void ensureTables(Collection<TableDef> tables);

  /** Reads a table as schema'd rows; projection and filters are pushed into the store. */
  PTransform<PBegin, PCollection<Row>> read(TableDef table, ReadSpec spec);

  /**
   * Reads a table grouped by a STRING column: one element per distinct value, with every matching
   * row of that value (order unspecified). The DuckDB adapter groups inside the store, without a
   * shuffle; other adapters may read and group by key.
   */
  PTransform<PBegin, PCollection<KV<String, List<Row>>>> readGrouped(TableDef table, ReadSpec spec, String keyColumn);

  /**
   * Writes rows (with the table's full schema) as {@code spec} says. The output has exactly one
   * element once the write is committed: the number of input rows. Use it with {@code Wait.on} to
   * order later steps (the job row, alerts) after the write.
   *
   * @param writeName names this write within the run (it names staging tables); unique per run.
   * @param runId the run's job id: staging and commit markers are per run, so retries are harmless.
   */
  PTransform<PCollection<Row>, PCollection<Long>> write(TableDef table, WriteSpec spec, String runId, String writeName);

  /** A small driver-side read (scorecards, summaries). Not for bulk data. */
  List<Row> query(TableDef table, ReadSpec spec);

  /** A small driver-side append (a job row written after a failed run). Not for bulk data. */
  void insertNow(TableDef table, List<Row> rows);

  /** Driver-side: deletes every row of a table (which must exist). Used by the data generator. */
  void truncateNow(TableDef table);
}
