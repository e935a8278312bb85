package com.eros.pipelines.googlesql;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.googlesql.AdapterStatements;
import com.eros.common.googlesql.GoogleSqlAnalyzer;
import com.eros.common.googlesql.GoogleSqlRejected;
import com.eros.common.googlesql.TablesCatalog;
import com.eros.common.table.Column;
import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.testing.RecordingWarehouse;
import com.eros.common.testing.RecordingWarehouse.Call;
import com.eros.common.testing.RecordingWarehouse.Kind;
import com.eros.common.warehouse.WriteSpec;
import com.eros.duckdb.TempDuckDb;
import com.eros.pipelines.healthmonitor.Scorecard;
import com.eros.pipelines.templates.PipelineGraphs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every statement the BigQuery adapter would send for the pipelines: their graphs are built on a
 * recording warehouse, and each recorded read (its row restriction as a WHERE clause) and staged
 * write (its MERGE, UPDATE … FROM or DELETE + INSERT transaction, and the staging expiration) is
 * analyzed by GoogleSQL, literals checked for types. So is every driver-side query of {@code ./eros
 * health}.
 */
@Tag("googlesql")
class PipelineStatementsTest {
  static Map<String, List<Call>> graphs;
  static List<Call> healthQueries;

  @BeforeAll
  static void record(@TempDir Path dir) throws Exception {
    graphs = PipelineGraphs.warehouseCalls(TablesCatalog.PROJECT, TablesCatalog.DATASET);
    try (TempDuckDb db = new TempDuckDb(dir)) {
      db.warehouse().ensureTables(Tables.ALL);
      RecordingWarehouse health = new RecordingWarehouse(db.warehouse());
      Scorecard.measure(health, Instant.parse("2026-03-08T11:05:00Z"));
      healthQueries = health.calls();
    }
  }

  static List<Call> allCalls() {
    List<Call> all = new ArrayList<>();
    graphs.values().forEach(all::addAll);
    all.addAll(healthQueries);
    return all;
  }

  @Test
  void everyPipelineReadsAndWritesThroughTheRecorder() {
    assertThat(
        graphs.keySet(),
        equalTo(Set.of("caption-performance", "daily-automation", "lock-sweep", "health-monitor")));
    for (Map.Entry<String, List<Call>> e : graphs.entrySet()) {
      System.out.println(e.getKey() + ":");
      e.getValue().forEach(c -> System.out.println("  " + c));
      assertThat(
          e.getKey() + " reads",
          e.getValue().stream()
              .anyMatch(c -> c.kind() == Kind.READ || c.kind() == Kind.READ_GROUPED),
          equalTo(true));
      assertThat(
          e.getKey() + " writes",
          e.getValue().stream().anyMatch(c -> c.kind() == Kind.WRITE),
          equalTo(true));
    }
    Set<WriteSpec.Mode> modes = new TreeSet<>();
    allCalls().stream()
        .filter(c -> c.kind() == Kind.WRITE)
        .forEach(c -> modes.add(c.write().mode()));
    // each statement the adapter renders is among them
    assertThat(
        modes,
        hasItems(
            WriteSpec.Mode.INSERT_IF_ABSENT, WriteSpec.Mode.UPDATE, WriteSpec.Mode.REPLACE_WHERE));
    assertThat(healthQueries.stream().filter(c -> c.kind() == Kind.QUERY).count(), equalTo(4L));
  }

  @Test
  void everyStatementTheAdapterWouldSendAnalyzes() {
    TablesCatalog catalog = TablesCatalog.ofAllTables();
    GoogleSqlAnalyzer analyzer = new GoogleSqlAnalyzer(catalog);
    List<String> refused = new ArrayList<>();
    int analyzed = 0;
    for (Call call : allCalls()) {
      for (AdapterStatements.Statement s : AdapterStatements.of(call, catalog)) {
        try {
          analyzer.analyzeTyped(s.sql());
          analyzed++;
        } catch (AssertionError e) {
          refused.add(s.origin() + ": " + e.getMessage());
        }
      }
    }
    assertThat(String.join("\n", refused), refused.size(), equalTo(0));
    System.out.println(analyzed + " statements analyzed");
    assertThat(analyzed > 20, equalTo(true));
  }

  @Test
  void aRecordedWriteOnADriftedTableFailsWithGoogleSqlsMessage() {
    // the lock sweep's guarded UPDATE, as recorded, against a definition whose key column was
    // renamed
    Call sweep =
        allCalls().stream()
            .filter(
                c ->
                    c.kind() == Kind.WRITE
                        && c.write().mode() == WriteSpec.Mode.UPDATE
                        && c.table().equals(Tables.ACTIVE_CAPTION_ASSIGNMENTS))
            .findFirst()
            .orElseThrow();
    TableDef.Builder b = TableDef.builder(sweep.table().name());
    for (Column c : sweep.table().columns()) {
      b.nullable(
          c.name().equals("deactivation_reason") ? "deactivation_cause" : c.name(),
          c.type(),
          c.description());
    }
    List<String> set =
        sweep.write().setColumns().stream()
            .map(c -> c.equals("deactivation_reason") ? "deactivation_cause" : c)
            .toList();
    Call drifted =
        new Call(
            Kind.WRITE,
            b.build(),
            null,
            null,
            WriteSpec.update(
                sweep.write().keyColumns(),
                set,
                sweep.write().guardColumn(),
                sweep.write().guardValue()),
            sweep.runId(),
            sweep.writeName());
    TablesCatalog catalog = TablesCatalog.ofAllTables();
    GoogleSqlAnalyzer analyzer = new GoogleSqlAnalyzer(catalog);
    List<AdapterStatements.Statement> statements = AdapterStatements.of(drifted, catalog);
    GoogleSqlRejected e =
        assertThrows(
            GoogleSqlRejected.class,
            () -> {
              for (AdapterStatements.Statement s : statements) {
                analyzer.analyze(s.sql());
              }
            });
    assertThat(e.googleSqlMessage(), startsWith("Unrecognized name: deactivation_cause"));
    assertThat(
        e.getMessage(),
        containsString("UPDATE `eros-sql-check.eros.active_caption_assignments` AS t"));
  }
}
