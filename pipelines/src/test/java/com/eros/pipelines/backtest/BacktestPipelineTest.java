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
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.testing.TempDuckDb;
import com.eros.common.time.Clock;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.duckdb.DuckDbWarehouse;
import com.eros.pipelines.captionperformance.CaptionPerformanceConfig;
import com.eros.pipelines.captionperformance.CaptionStats;
import com.eros.pipelines.support.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./eros backtest end to end on a DuckDB file (DirectRunner, a few hundred rows). */
class BacktestPipelineTest {
  static final Instant NOW = T.plus(Duration.ofDays(40));
  static final BacktestFixtures.Data DATA = BacktestFixtures.data(5);

  @TempDir Path dir;
  private TempDuckDb db;
  private DuckDbWarehouse wh;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

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

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--warehouse=" + wh.spec());
    all.add("--runner=DirectRunner");
    return new BacktestCommand(Clock.fixed(NOW)).run(all.toArray(new String[0]),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  private static BacktestConfig config(int minSends) {
    return new BacktestConfig(CaptionPerformanceConfig.defaults(T), HORIZON, minSends);
  }

  @Test
  void storesOneRowEqualToThePureComputationAndLeavesCaptionBanditStatsAlone() {
    CaptionStats sentinel = new CaptionStats("alice", 1, 1, 0, 1, 1, 0, 0.2, 1, 2, 1, 0.7, 1, 1, 1, 0.1, 0,
        Timestamps.micros(T) - DAY, Timestamps.micros(T) - DAY);
    wh.ensureTables(List.of(Tables.CAPTION_BANDIT_STATS));
    wh.insertNow(Tables.CAPTION_BANDIT_STATS, List.of(sentinel.toRow()));

    assertThat(run("--asOf=" + T, "--horizonDays=" + HORIZON, "--minSends=3", "--jobId=bt-1"), is(0));

    Map<String, PageScore> pages = BacktestFixtures.expected(DATA, config(3));
    BacktestTotals totals = new BacktestTotals();
    pages.values().forEach(totals::add);
    BacktestMetrics m = totals.metrics();
    assertThat(m.captionsScored(), is(6L)); // alice 1-4, bob 5-6 (bob's attributed sends included)
    assertThat(m.unjudgedSends(), is(0L));

    List<Row> rows = wh.query(Tables.BANDIT_BACKTESTS, ReadSpec.all());
    assertThat(rows, hasSize(1));
    Row r = rows.get(0);
    assertThat(r, equalTo(BacktestRows.summary("bt-1", config(3), NOW, m)));
    assertThat(Timestamps.get(r, "as_of"), is(T));
    assertThat(Timestamps.get(r, "computed_at"), is(NOW));
    assertThat(r.getDouble("top_decile_success_rate"), greaterThan(r.getDouble("bottom_decile_success_rate")));

    Map<String, Row> pageRows = new TreeMap<>();
    wh.query(Tables.BANDIT_BACKTEST_PAGES, ReadSpec.all()).forEach(p -> pageRows.put(p.getString("page_name"), p));
    assertThat(pageRows.keySet(), equalTo(java.util.Set.of("alice", "bob")));
    for (Map.Entry<String, Row> e : pageRows.entrySet()) {
      assertThat(e.getValue(), equalTo(BacktestRows.page("bt-1", config(3), pages.get(e.getKey()))));
    }

    // the statistics table is neither replaced nor appended to; nothing is dead-lettered
    assertThat(wh.query(Tables.CAPTION_BANDIT_STATS, ReadSpec.all()), equalTo(List.of(sentinel.toRow())));
    assertThat(wh.query(Tables.REJECTED_ROWS, ReadSpec.all()), is(empty()));

    String out = printed();
    for (String label : List.of("captions scored", "rank correlation", "baseline correlation", "top decile success",
        "bottom decile success", "interval coverage", "brier score", "verdict:")) {
      assertThat(out, containsString(label));
    }
  }

  @Test
  void aRunWhoseIdAlreadyHasARowIsRefusedAndAddsNothing() {
    assertThat(run("--asOf=" + T, "--horizonDays=" + HORIZON, "--minSends=3", "--jobId=bt-2"), is(0));
    UsageException e = assertThrows(UsageException.class,
        () -> run("--asOf=" + T, "--horizonDays=" + HORIZON, "--minSends=3", "--jobId=bt-2"));
    assertThat(e.getMessage(), containsString("already has a row"));
    assertThat(wh.query(Tables.BANDIT_BACKTESTS, ReadSpec.all()), hasSize(1));
    // a new id is a new run: a second row with the same figures
    assertThat(run("--asOf=" + T, "--horizonDays=" + HORIZON, "--minSends=3", "--jobId=bt-3"), is(0));
    List<Row> rows = wh.query(Tables.BANDIT_BACKTESTS, ReadSpec.all());
    assertThat(rows, hasSize(2));
    assertThat(rows.get(0).getDouble("spearman_rank_correlation"), is(rows.get(1).getDouble("spearman_rank_correlation")));
  }

  @Test
  void aHorizonThatRunsPastTheDataIsRefusedBeforeAnythingRuns() {
    // the data ends at T + 9 d: the day after T + 9 d holds nothing
    UsageException e = assertThrows(UsageException.class, () -> run("--asOf=" + T, "--horizonDays=9", "--jobId=bt-4"));
    assertThat(e.getMessage(), containsString("the horizon is not fully in the data"));
    assertThat(wh.query(Tables.BANDIT_BACKTESTS, ReadSpec.all()), is(empty()));
    assertThat(printed(), is(""));
  }

  @Test
  void nothingToScoreExitsWithUsageAndWritesNoRow() {
    UsageException e = assertThrows(UsageException.class,
        () -> run("--asOf=" + T, "--horizonDays=" + HORIZON, "--minSends=1000", "--jobId=bt-5"));
    assertThat(e.getMessage(), containsString("nothing could be scored"));
    assertThat(e.getMessage(), containsString("1 pages without a median at T")); // carol
    assertThat(wh.query(Tables.BANDIT_BACKTESTS, ReadSpec.all()), is(empty()));
  }

  @Test
  void asOfAndHorizonAreRequired() {
    assertThat(assertThrows(UsageException.class, () -> run("--horizonDays=7")).getMessage(), containsString("--asOf is required"));
    assertThat(assertThrows(UsageException.class, () -> run("--asOf=" + T)).getMessage(),
        containsString("--horizonDays is required"));
    assertThat(assertThrows(UsageException.class, () -> run("--asOf=" + T, "--horizonDays=0")).getMessage(),
        containsString("--horizonDays=0 must be a positive number of days"));
    assertThat(assertThrows(UsageException.class, () -> run("--asOf=" + T, "--horizonDays=3", "--minSends=0")).getMessage(),
        containsString("--minSends=0"));
  }
}
