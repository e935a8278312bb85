package com.eros.common.testing;

import com.eros.common.table.Column;
import com.eros.common.table.StoredColumn;
import com.eros.common.table.TableDef;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WriteSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;

/**
 * A {@link Warehouse} decorator that records every read, readGrouped, write, query, insertNow and
 * truncateNow call (table and spec) and then delegates. Calls are kept in a static registry under
 * the recorder's id, so calls made by the copies a pipeline serializes are recorded too (same JVM).
 */
public final class RecordingWarehouse implements Warehouse {
  private static final long serialVersionUID = 1L;
  private static final Map<String, List<Call>> CALLS = new ConcurrentHashMap<>();

  /** What was called. */
  public enum Kind {
    READ,
    READ_GROUPED,
    WRITE,
    WRITE_IF,
    QUERY,
    INSERT_NOW,
    TRUNCATE_NOW,
    ENSURE_TABLES,
    OPEN,
    DESCRIBE,
    ADD_COLUMNS,
    DROP_STALE_STAGING
  }

  /**
   * One call: the table and, by kind, the read spec (and grouping column) or the write spec (and
   * run, write name).
   */
  public record Call(
      Kind kind,
      TableDef table,
      ReadSpec read,
      String keyColumn,
      WriteSpec write,
      String runId,
      String writeName) {
    @Override
    public String toString() {
      return kind
          + " "
          + table.name()
          + (read != null ? " " + read : "")
          + (keyColumn != null ? " by " + keyColumn : "")
          + (write != null
              ? " "
                  + write.mode()
                  + " keys="
                  + write.keyColumns()
                  + " set="
                  + write.setColumns()
                  + (write.guardColumn() != null
                      ? " guard " + write.guardColumn() + "=" + write.guardValue()
                      : "")
                  + " ("
                  + writeName
                  + ")"
              : "");
    }
  }

  private final Warehouse delegate;
  private final String id = UUID.randomUUID().toString();

  public RecordingWarehouse(Warehouse delegate) {
    this.delegate = delegate;
    CALLS.put(id, Collections.synchronizedList(new ArrayList<>()));
  }

  /** The calls so far, in order. */
  public List<Call> calls() {
    synchronized (CALLS.get(id)) {
      return List.copyOf(CALLS.get(id));
    }
  }

  /** Forgets this recorder's calls (the registry would otherwise keep them for the JVM's life). */
  public void clear() {
    CALLS.get(id).clear();
  }

  private void record(Call c) {
    CALLS.computeIfAbsent(id, k -> Collections.synchronizedList(new ArrayList<>())).add(c);
  }

  @Override
  public String spec() {
    return delegate.spec();
  }

  @Override
  public void ensureTables(Collection<TableDef> tables) {
    for (TableDef t : tables) {
      record(new Call(Kind.ENSURE_TABLES, t, null, null, null, null, null));
    }
    delegate.ensureTables(tables);
  }

  @Override
  public PTransform<PBegin, PCollection<Row>> read(TableDef table, ReadSpec spec) {
    record(new Call(Kind.READ, table, spec, null, null, null, null));
    return delegate.read(table, spec);
  }

  @Override
  public PTransform<PBegin, PCollection<KV<String, List<Row>>>> readGrouped(
      TableDef table, ReadSpec spec, String keyColumn) {
    record(new Call(Kind.READ_GROUPED, table, spec, keyColumn, null, null, null));
    return delegate.readGrouped(table, spec, keyColumn);
  }

  @Override
  public PTransform<PCollection<Row>, PCollection<Long>> write(
      TableDef table, WriteSpec spec, String runId, String writeName) {
    record(new Call(Kind.WRITE, table, null, null, spec, runId, writeName));
    return delegate.write(table, spec, runId, writeName);
  }

  @Override
  public PTransform<PCollection<Row>, PCollection<Long>> writeIf(
      TableDef table,
      WriteSpec spec,
      String runId,
      String writeName,
      PCollectionView<Boolean> proceed) {
    record(new Call(Kind.WRITE_IF, table, null, null, spec, runId, writeName));
    return delegate.writeIf(table, spec, runId, writeName, proceed);
  }

  @Override
  public void open(boolean mayCreate) {
    delegate.open(mayCreate);
  }

  @Override
  public Optional<List<StoredColumn>> describe(TableDef table) {
    record(new Call(Kind.DESCRIBE, table, null, null, null, null, null));
    return delegate.describe(table);
  }

  @Override
  public void addColumns(TableDef table, List<Column> columns) {
    record(new Call(Kind.ADD_COLUMNS, table, null, null, null, null, null));
    delegate.addColumns(table, columns);
  }

  @Override
  public int dropStaleStaging(Duration maxAge) {
    return delegate.dropStaleStaging(maxAge);
  }

  @Override
  public List<Row> query(TableDef table, ReadSpec spec) {
    record(new Call(Kind.QUERY, table, spec, null, null, null, null));
    return delegate.query(table, spec);
  }

  @Override
  public void insertNow(TableDef table, List<Row> rows) {
    record(new Call(Kind.INSERT_NOW, table, null, null, null, null, null));
    delegate.insertNow(table, rows);
  }

  @Override
  public void truncateNow(TableDef table) {
    record(new Call(Kind.TRUNCATE_NOW, table, null, null, null, null, null));
    delegate.truncateNow(table);
  }
}
