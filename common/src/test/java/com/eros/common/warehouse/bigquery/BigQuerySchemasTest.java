package com.eros.common.warehouse.bigquery;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.eros.common.table.Column;
import com.eros.common.table.Tables;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import java.util.List;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryUtils;
import org.junit.jupiter.api.Test;

class BigQuerySchemasTest {

  @Test
  void schemaHasEveryColumnWithTypeModeAndDescription() {
    List<TableFieldSchema> fields = BigQuerySchemas.tableSchema(Tables.ETL_JOB_RUNS).getFields();
    List<Column> cols = Tables.ETL_JOB_RUNS.columns();
    assertThat(fields.size(), equalTo(cols.size()));
    for (int i = 0; i < cols.size(); i++) {
      assertThat(fields.get(i).getName(), equalTo(cols.get(i).name()));
      assertThat(
          fields.get(i).getMode(), equalTo(cols.get(i).required() ? "REQUIRED" : "NULLABLE"));
      assertThat(fields.get(i).getDescription(), equalTo(cols.get(i).description()));
    }
    assertThat(fields.get(0).getType(), equalTo("STRING"));
    assertThat(fields.get(2).getType(), equalTo("TIMESTAMP"));
    assertThat(fields.get(5).getType(), equalTo("DATE"));
    assertThat(fields.get(6).getType(), equalTo("INTEGER"));
    assertThat(fields.get(9).getType(), equalTo("FLOAT"));
    assertThat(
        BigQuerySchemas.tableSchema(Tables.CAPTION_BANK).getFields().get(5).getType(),
        equalTo("BOOLEAN"));
  }

  @Test
  void schemaMapsBackToTheBeamSchemaOfTheTable() {
    // Beam's own conversion of our TableSchema gives the field types and nullability of
    // TableDef.schema(),
    // except TIMESTAMP: Beam maps it to its millisecond DATETIME, we keep BigQuery's microseconds
    // (SqlTypes.TIMESTAMP), which is why the adapter converts rows itself (BigQueryRows).
    org.apache.beam.sdk.schemas.Schema back =
        BigQueryUtils.fromTableSchema(BigQuerySchemas.tableSchema(Tables.ETL_JOB_RUNS));
    org.apache.beam.sdk.schemas.Schema ours = Tables.ETL_JOB_RUNS.schema();
    for (org.apache.beam.sdk.schemas.Schema.Field f : ours.getFields()) {
      org.apache.beam.sdk.schemas.Schema.FieldType theirs = back.getField(f.getName()).getType();
      assertThat(f.getName(), theirs.getNullable(), equalTo(f.getType().getNullable()));
      if (Tables.ETL_JOB_RUNS.requireColumn(f.getName()).type()
          == com.eros.common.table.ColumnType.TIMESTAMP) {
        assertThat(
            f.getName(),
            theirs.getTypeName(),
            equalTo(org.apache.beam.sdk.schemas.Schema.TypeName.DATETIME));
        assertThat(
            f.getName(),
            f.getType().getLogicalType().getIdentifier(),
            equalTo(org.apache.beam.sdk.schemas.logicaltypes.SqlTypes.TIMESTAMP.getIdentifier()));
      } else {
        assertThat(f.getName(), theirs.getTypeName(), equalTo(f.getType().getTypeName()));
      }
    }
  }

  @Test
  void partitioningIsDailyOnThePartitionColumnAndClusteringKeepsItsOrder() {
    Table t = BigQuerySchemas.table("my-project", "eros", Tables.SCHEDULE_GENERATION_QUEUE);
    assertThat(t.getTableReference().getProjectId(), equalTo("my-project"));
    assertThat(t.getTableReference().getDatasetId(), equalTo("eros"));
    assertThat(t.getTableReference().getTableId(), equalTo("schedule_generation_queue"));
    assertThat(t.getTimePartitioning().getType(), equalTo("DAY"));
    assertThat(t.getTimePartitioning().getField(), equalTo("execution_date"));
    assertThat(t.getClustering().getFields(), equalTo(List.of("status", "page_name")));

    Table m = BigQuerySchemas.table("my-project", "eros", Tables.MASS_MESSAGES);
    assertThat(m.getTimePartitioning().getField(), equalTo("sending_time"));
    assertThat(m.getClustering().getFields(), equalTo(List.of("page_name")));

    Table c = BigQuerySchemas.table("my-project", "eros", Tables.CAPTION_BANK);
    assertThat(c.getTimePartitioning(), nullValue());
    assertThat(c.getClustering().getFields(), equalTo(List.of("page_name")));
  }
}
