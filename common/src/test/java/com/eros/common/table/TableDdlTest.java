package com.eros.common.table;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.beam.sdk.schemas.Schema;
import org.junit.jupiter.api.Test;

/**
 * The BigQuery DDL in sql/ddl/, the DuckDB DDL and the Beam schema all follow from {@link Tables}.
 */
class TableDdlTest {
  private static final Path DDL_DIR = Path.of("..", "sql", "ddl");
  private static final String FIX = " (regenerate with: ./eros ddl)";

  @Test
  void everyTableHasADdlFileAndNoFileIsStray() throws IOException {
    TreeSet<String> files = new TreeSet<>();
    try (Stream<Path> s = Files.list(DDL_DIR)) {
      s.forEach(p -> files.add(p.getFileName().toString()));
    }
    TreeSet<String> expected = new TreeSet<>();
    Tables.ALL.forEach(t -> expected.add(t.name() + ".sql"));
    assertThat("files in sql/ddl" + FIX, files, equalTo(expected));
  }

  @Test
  void ddlFilesDeclareExactlyTheDefinedColumnsPartitioningAndClustering() throws IOException {
    for (TableDef t : Tables.ALL) {
      BigQueryDdl.Parsed parsed =
          BigQueryDdl.parse(Files.readString(DDL_DIR.resolve(t.name() + ".sql")));
      assertThat(t.name() + FIX, parsed.table(), equalTo(t.name()));
      assertThat(t.name() + " columns" + FIX, parsed.columns(), equalTo(t.columns()));
      String partition =
          switch (t.partitionKind()) {
            case NONE -> null;
            case DATE_COLUMN -> t.partitionColumn();
            case TIMESTAMP_DAY -> "DATE(" + t.partitionColumn() + ")";
          };
      assertThat(t.name() + " partitioning" + FIX, parsed.partition(), equalTo(partition));
      assertThat(t.name() + " clustering" + FIX, parsed.clusterBy(), equalTo(t.clusterBy()));
    }
  }

  @Test
  void parserRejectsADdlThatDiffersFromItsDefinition() throws IOException {
    String text = Files.readString(DDL_DIR.resolve("etl_job_runs.sql"));
    BigQueryDdl.Parsed changed =
        BigQueryDdl.parse(text.replace("job_status STRING NOT NULL", "job_status STRING"));
    assertTrue(
        !changed.columns().equals(Tables.ETL_JOB_RUNS.columns()),
        "a dropped NOT NULL must be noticed");
    assertThrows(
        IllegalArgumentException.class,
        () -> BigQueryDdl.parse(text.replace("CREATE TABLE", "CREATE VIEW")));
  }

  @Test
  void beamSchemaAndDuckDbDdlFollowTheDefinition() {
    for (TableDef t : Tables.ALL) {
      Schema s = t.schema();
      assertThat(s.getFieldNames(), equalTo(t.columnNames()));
      List<String> notNull = new ArrayList<>();
      for (Column c : t.columns()) {
        assertThat(
            t.name() + "." + c.name(),
            s.getField(c.name()).getType().getNullable(),
            equalTo(!c.required()));
        assertThat(
            s.getField(c.name()).getType().withNullable(false),
            equalTo(c.type().beam().withNullable(false)));
        if (c.required()) {
          notNull.add(c.name() + " " + c.type().duckDb() + " NOT NULL");
        }
      }
      String duck = DuckDbDdl.createIfNotExists(t);
      for (String n : notNull) {
        assertTrue(duck.contains(n), t.name() + ": " + n);
      }
    }
  }
}
