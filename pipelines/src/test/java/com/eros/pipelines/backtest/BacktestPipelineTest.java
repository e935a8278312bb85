package com.eros.pipelines.backtest;

import static com.eros.pipelines.backtest.BacktestFixtures.DAY;
import static com.eros.pipelines.backtest.BacktestFixtures.HORIZON;
import static com.eros.pipelines.backtest.BacktestFixtures.T;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.duckdb.DuckDbWarehouse;
import com.eros.duckdb.TempDuckDb;
import com.eros.pipelines.captionperformance.CaptionPerformanceConfig;
import com.eros.pipelines.captionperformance.CaptionStats;
import com.eros.pipelines.support.TestRuns;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./eros backtest end to end through the run lifecycle on a DuckDB file (DirectRunner, a few
 * hundred rows).
 */
class BacktestPipelineTest {
  static final Instant NOW = T.plus(Duration.ofDays(40));
  static final BacktestFixtures.Data DATA = BacktestFixtures.data(5);

  @TempDir Path dir;
  private TempDuckDb db;
  private DuckDbWarehouse wh;

  @BeforeEach
  void open() {
    db = new TempDuckDb(dir);
    wh = db.warehouse();
    BacktestFixtures.load(wh, DATA);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private TestRuns.Exec run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--warehouse=" + wh.spec());
    all.add("--now=" + NOW);
    return TestRuns.exec(new BacktestPipeline(), all.toArray(new String[0]));
  }

  private static BacktestConfig config(int minSends) {
    return new BacktestConfig(CaptionPerformanceConfig.defaults(T), HORIZON, minSends);
  }

  private Row jobRow(String jobId) {
    List<Row> rows =
        wh.query(Tables.ETL_JOB_RUNS, ReadSpec.all().where(Filter.eq("job_id", jobId)));
    assertThat(rows, hasSize(1));
    return rows.get(0);
  }

  @Test
  void storesOneRowEqualToThePureComputationAndLeavesCaptionBanditStatsAlone() {
    CaptionStats sentinel =
        new CaptionStats(
            "alice",
            1,
            1,
            0,
            1,
            1,
            0,
            0.2,
            1,
            2,
            1,
            0.7,
            1,
            1,
            1,
            0.1,
            0,
            Timestamps.micros(T) - DAY,
            Timestamps.micros(T) - DAY);
    wh.ensureTables(List.of(Tables.CAPTION_BANDIT_STATS));
    wh.insertNow(Tables.CAPTION_BANDIT_STATS, List.of(sentinel.toRow()));

    TestRuns.Exec e =
        run("--asOf=" + T, "--horizonDays=" + HORIZON, "--minSends=3", "--jobId=bt-1");
    assertThat(e.err(), e.code(), is(0));

    Map<String, PageScore> pages = BacktestFixtures.expected(DATA, config(3));
    BacktestTotals totals = new BacktestTotals();
    pages.values().forEach(totals::add);
    BacktestMetrics m = totals.metrics();
    assertThat(m.captionsScored(), is(6L)); // alice 1-4, bob 5-6 (bob's attributed sends included)

    List<Row> rows = wh.query(Tables.BANDIT_BACKTESTS, ReadSpec.all());
    assertThat(rows, hasSize(1));
    Row r = rows.get(0);
    assertThat(r, equalTo(BacktestRows.summary("bt-1", config(3), NOW, m)));
    assertThat(Timestamps.get(r, "as_of"), is(T));
    assertThat(Timestamps.get(r, "computed_at"), is(NOW));
    assertThat(
        r.getDouble("top_decile_success_rate"),
        greaterThan(r.getDouble("bottom_decile_success_rate")));

    Map<String, Row> pageRows = new TreeMap<>();
    wh.query(Tables.BANDIT_BACKTEST_PAGES, ReadSpec.all())
        .forEach(p -> pageRows.put(p.getString("page_name"), p));
    assertThat(pageRows.keySet(), equalTo(Set.of("alice", "bob")));
    for (Map.Entry<String, Row> p : pageRows.entrySet()) {
      assertThat(
          p.getValue(), equalTo(BacktestRows.page("bt-1", config(3), pages.get(p.getKey()))));
    }

    Row job = jobRow("bt-1");
    assertThat(job.getString("job_name"), is("backtest"));
    assertThat(job.getString("job_status"), is("SUCCESS"));
    assertThat(job.getInt64("creators_processed"), is(2L));
    assertThat(
        job.getInt64("rows_read"),
        is(
            DATA.messages().stream()
                .filter(
                    x ->
                        !Timestamps.get(x, "sending_time").isBefore(config(3).readFrom())
                            && Timestamps.get(x, "sending_time").isBefore(config(3).horizonEnd()))
                .count()));

    // the statistics table is neither replaced nor appended to; nothing is dead-lettered
    assertThat(
        wh.query(Tables.CAPTION_BANDIT_STATS, ReadSpec.all()), equalTo(List.of(sentinel.toRow())));
    assertThat(wh.query(Tables.REJECTED_ROWS, ReadSpec.all()), is(empty()));

    for (String label :
        List.of(
            "captions scored",
            "rank correlation",
            "baseline correlation",
            "top decile success",
            "bottom decile success",
            "interval coverage",
            "brier score",
            "verdict:")) {
      assertThat(e.out(), containsString(label));
    }
  }

  @Test
  void aJobIdThatRanIsRefusedAndANewIdIsANewRun() {
    assertThat(
        run("--asOf=" + T, "--horizonDays=" + HORIZON, "--minSends=3", "--jobId=bt-2").code(),
        is(0));
    TestRuns.Exec again =
        run("--asOf=" + T, "--horizonDays=" + HORIZON, "--minSends=3", "--jobId=bt-2");
    assertThat(again.code(), is(2));
    assertThat(again.err(), containsString("already ran"));
    assertThat(wh.query(Tables.BANDIT_BACKTESTS, ReadSpec.all()), hasSize(1));
    assertThat(
        run("--asOf=" + T, "--horizonDays=" + HORIZON, "--minSends=3", "--jobId=bt-3").code(),
        is(0));
    List<Row> rows = wh.query(Tables.BANDIT_BACKTESTS, ReadSpec.all());
    assertThat(rows, hasSize(2));
    assertThat(
        rows.get(0).getDouble("spearman_rank_correlation"),
        is(rows.get(1).getDouble("spearman_rank_correlation")));
  }

  @Test
  void aHorizonThatRunsPastTheDataStoresNothingAndExits2() {
    // the data ends at T + 9 d; two stray rows dated later must not pass for data
    wh.insertNow(
        Tables.MASS_MESSAGES,
        List.of(
            BacktestFixtures.message(
                9001L, "alice", 1L, "x", Timestamps.micros(T) + 10 * DAY + DAY / 2, 100, 150.0),
            BacktestFixtures.message(
                9002L, "bob", 5L, "x", Timestamps.micros(T) + 11 * DAY, 50, 10.0)));
    TestRuns.Exec e = run("--asOf=" + T, "--horizonDays=10", "--minSends=3", "--jobId=bt-4");
    assertThat(e.code(), is(2));
    assertThat(e.err(), containsString("the data ends before --asOf + --horizonDays"));
    assertThat(wh.query(Tables.BANDIT_BACKTESTS, ReadSpec.all()), is(empty()));
    assertThat(wh.query(Tables.BANDIT_BACKTEST_PAGES, ReadSpec.all()), is(empty()));
    Row job = jobRow("bt-4");
    assertThat(job.getString("job_status"), is("COMPLETED_NO_WORK"));
    assertThat(job.getString("error_message"), containsString("1 sends in the day after it"));
    // the horizon of 7 days is inside the data
    assertThat(
        run("--asOf=" + T, "--horizonDays=" + HORIZON, "--minSends=3", "--jobId=bt-5").code(),
        is(0));
  }

  @Test
  void nothingToScoreStoresNothingAndExits2() {
    TestRuns.Exec e =
        run("--asOf=" + T, "--horizonDays=" + HORIZON, "--minSends=1000", "--jobId=bt-6");
    assertThat(e.code(), is(2));
    assertThat(e.err(), containsString("nothing could be scored"));
    assertThat(wh.query(Tables.BANDIT_BACKTESTS, ReadSpec.all()), is(empty()));
    assertThat(wh.query(Tables.BANDIT_BACKTEST_PAGES, ReadSpec.all()), is(empty()));
    assertThat(jobRow("bt-6").getString("job_status"), is("COMPLETED_NO_WORK"));
  }

  @Test
  void badOptionsExit2BeforeAnythingIsWritten() {
    assertThat(run("--horizonDays=7").err(), containsString("--asOf is required"));
    assertThat(
        run("--asOf=" + T, "--horizonDays=7", "--minSends=x").err(),
        containsString("--minSends=x"));
    TestRuns.Exec future = run("--asOf=" + NOW.minus(Duration.ofDays(3)), "--horizonDays=7");
    assertThat(future.code(), is(2));
    assertThat(future.err(), containsString("the horizon has not happened yet"));
    assertThat(wh.query(Tables.ETL_JOB_RUNS, ReadSpec.all()), is(empty()));
  }
}
