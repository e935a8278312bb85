package com.eros.pipelines.googlesql;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.eros.common.googlesql.AdapterStatements;
import com.eros.common.googlesql.GoogleSqlAnalyzer;
import com.eros.common.googlesql.TablesCatalog;
import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.testing.RecordingWarehouse;
import com.eros.common.testing.RecordingWarehouse.Call;
import com.eros.common.testing.RecordingWarehouse.Kind;
import com.eros.common.warehouse.bigquery.BigQueryWarehouse;
import com.eros.pipelines.backtest.BacktestOptions;
import com.eros.pipelines.backtest.BacktestPipeline;
import com.eros.pipelines.support.Lifecycle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every statement the BigQuery adapter would send for {@code ./eros backtest} (not a Flex Template,
 * so not among {@link PipelineStatementsTest}'s pipelines): its graph built on a recording
 * warehouse, each recorded read and write analyzed by GoogleSQL.
 */
@Tag("googlesql")
class BacktestStatementsTest {
  @Test
  void everyStatementOfTheBacktestAnalyzes() {
    RecordingWarehouse recorder =
        new RecordingWarehouse(new BigQueryWarehouse(TablesCatalog.PROJECT, TablesCatalog.DATASET));
    BacktestOptions o =
        PipelineOptionsFactory.fromArgs(
                "--warehouse=bigquery:" + TablesCatalog.PROJECT + "." + TablesCatalog.DATASET,
                "--jobId=sql-check",
                "--tempLocation=gs://eros-sql-check/tmp",
                "--asOf=2026-02-01T00:00:00Z",
                "--horizonDays=14")
            .as(BacktestOptions.class);
    Lifecycle.graph(new BacktestPipeline(), o, recorder, Instant.parse("2026-03-08T11:05:00Z"));
    List<Call> calls = recorder.calls();

    Set<String> read = new TreeSet<>();
    Set<String> written = new TreeSet<>();
    for (Call c : calls) {
      if (c.kind() == Kind.WRITE || c.kind() == Kind.WRITE_IF) {
        written.add(c.table().name());
      } else if (c.kind() == Kind.READ || c.kind() == Kind.READ_GROUPED) {
        read.add(c.table().name());
      }
    }
    assertThat(read, equalTo(Set.of(Tables.MASS_MESSAGES.name(), Tables.CAPTION_BANK.name())));
    assertThat(
        written,
        hasItems(
            names(Tables.BANDIT_BACKTESTS, Tables.BANDIT_BACKTEST_PAGES, Tables.ETL_JOB_RUNS)));
    assertThat(written.contains(Tables.CAPTION_BANDIT_STATS.name()), equalTo(false));

    TablesCatalog catalog = TablesCatalog.ofAllTables();
    GoogleSqlAnalyzer analyzer = new GoogleSqlAnalyzer(catalog);
    List<String> refused = new ArrayList<>();
    int analyzed = 0;
    for (Call call : calls) {
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
    assertThat(analyzed >= 6, equalTo(true));
  }

  private static String[] names(TableDef... tables) {
    String[] n = new String[tables.length];
    for (int i = 0; i < tables.length; i++) {
      n[i] = tables[i].name();
    }
    return n;
  }
}
