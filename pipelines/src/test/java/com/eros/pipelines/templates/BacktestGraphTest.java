package com.eros.pipelines.templates;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;

import com.eros.common.warehouse.Warehouse;
import com.eros.common.warehouse.WarehouseOptions;
import com.eros.common.warehouse.bigquery.BigQueryWarehouse;
import com.eros.pipelines.backtest.BacktestOptions;
import com.eros.pipelines.backtest.BacktestPipeline;
import com.eros.pipelines.support.Lifecycle;
import com.eros.pipelines.support.OptionsParser;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backtest is not a scheduled Flex Template (it runs on demand, see the README), but it runs on
 * Dataflow over months of data: its graph on the BigQuery adapter must build without a network and
 * translate into a Dataflow job, like the four pipelines' graphs in {@link TemplateGraphTest}.
 */
class BacktestGraphTest {
  static final Instant NOW = Instant.parse("2026-03-08T11:05:00Z");
  static final String BIGQUERY = "bigquery:" + DataflowTranslation.PROJECT + ".eros";

  @TempDir Path temp;

  private BacktestOptions options(DataflowTranslation t) {
    return t.options(
        BacktestOptions.class,
        "eros-backtest",
        "--warehouse=" + BIGQUERY,
        "--jobId=translation-test",
        "--asOf=2026-02-01T00:00:00Z",
        "--horizonDays=14");
  }

  @Test
  void theGraphOnTheRealBigQueryAdapterIsBuiltWithoutTouchingTheNetwork() throws Exception {
    BacktestOptions o = options(new DataflowTranslation(temp));
    Warehouse real = OptionsParser.warehouse(o.as(WarehouseOptions.class));
    assertThat(real, instanceOf(BigQueryWarehouse.class));
    List<URI> attempts =
        DataflowTranslation.attemptsDuring(
            () -> Lifecycle.graph(new BacktestPipeline(), o, real, NOW));
    assertThat(attempts, empty());
  }

  @Test
  void theGraphWithTheBigQueryWarehouseIsAcceptedByTheDataflowRunner() throws Exception {
    Warehouse fake = DataflowTranslation.fakeBigQueryWarehouse();
    DataflowTranslation t = new DataflowTranslation(temp);
    BacktestOptions o = options(t);
    DataflowTranslation.Outcome out =
        t.buildAndTranslate(() -> Lifecycle.graph(new BacktestPipeline(), o, fake, NOW));
    assertThat(out.networkAttempts(), empty());
    assertThat(out.job().path("name").asText(), equalTo("eros-backtest"));
    List<String> steps = TemplateGraphTest.stepNames(out.job());
    assertThat(steps, hasItem(org.hamcrest.Matchers.containsString("Score backtest/Score pages")));
    assertThat(steps, hasItem(org.hamcrest.Matchers.containsString("Append bandit_backtests")));
    assertThat(steps, hasItem(org.hamcrest.Matchers.containsString("Write job row")));
  }
}
