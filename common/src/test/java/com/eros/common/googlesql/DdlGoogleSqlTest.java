package com.eros.common.googlesql;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.table.BigQueryDdl;
import com.eros.common.table.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** sql/ddl/*.sql (the BigQuery DDL of every table) analyzed by GoogleSQL, the dataset filled in. */
@Tag("googlesql")
class DdlGoogleSqlTest {
  static final Path DIR = Path.of("..", "sql", "ddl");
  private final GoogleSqlAnalyzer analyzer = new GoogleSqlAnalyzer(TablesCatalog.ofAllTables());

  static String withDataset(String sql) {
    return sql.replace(BigQueryDdl.DATASET_PLACEHOLDER, TablesCatalog.datasetPath());
  }

  @Test
  void everyDdlFileAnalyzes() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    assertThat(files.size(), equalTo(Tables.ALL.size()));
    for (Path f : files) {
      assertThat(
          f.toString(), analyzer.analyzeTyped(withDataset(Files.readString(f))).size(), equalTo(1));
    }
  }

  @Test
  void aDdlNamingAMissingColumnFailsWithGoogleSqlsMessage() {
    String ddl =
        withDataset(BigQueryDdl.render(Tables.ETL_JOB_RUNS))
            .replace("CLUSTER BY job_name, job_status", "CLUSTER BY job_name, job_stauts");
    GoogleSqlRejected e = assertThrows(GoogleSqlRejected.class, () -> analyzer.analyze(ddl));
    assertThat(e.googleSqlMessage().startsWith("Unrecognized name: job_stauts"), equalTo(true));
  }

  @Test
  void aScriptWithNonAsciiTextIsSplitAtTheRightStatements() {
    // GoogleSQL resumes at a UTF-8 byte offset: "§", "—" and "µ" take more bytes than chars
    String script =
        "-- § caption stats — µs precision\nSELECT 'déjà vu — µ' AS a;\n"
            + "SELECT 2 AS b; -- fin — §\n";
    assertThat(analyzer.analyzeScript(script).size(), equalTo(2));
  }
}
