package com.eros.common.warehouse.bigquery;

import com.eros.common.table.TableDef;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WriteSpec;
import java.util.Collection;
import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/** The production adapter: a BigQuery dataset. (Work in progress: operations not built yet throw.) */
public final class BigQueryWarehouse implements Warehouse {
  private static final long serialVersionUID = 1L;
  private final String project;
  private final String dataset;

  public BigQueryWarehouse(String project, String dataset) {
    this.project = project;
    this.dataset = dataset;
  }

  public String project() {
    return project;
  }

  public String dataset() {
    return dataset;
  }

  @Override
  public String spec() {
    return "bigquery:" + project + "." + dataset;
  }

  private UnsupportedOperationException notYet() {
    return new UnsupportedOperationException("BigQuery adapter: not built yet");
  }

  @Override
  public void ensureTables(Collection<TableDef> tables) {
    throw notYet();
  }

  @Override
  public PTransform<PBegin, PCollection<Row>> read(TableDef table, ReadSpec spec) {
    throw notYet();
  }

  @Override
  public PTransform<PBegin, PCollection<KV<String, List<Row>>>> readGrouped(TableDef table, ReadSpec spec, String keyColumn) {
    throw notYet();
  }

  @Override
  public PTransform<PCollection<Row>, PCollection<Long>> write(TableDef table, WriteSpec spec, String runId, String writeName) {
    throw notYet();
  }

  @Override
  public List<Row> query(TableDef table, ReadSpec spec) {
    throw notYet();
  }

  @Override
  public void truncateNow(TableDef table) {
    throw notYet();
  }

  @Override
  public void insertNow(TableDef table, List<Row> rows) {
    throw notYet();
  }
}
