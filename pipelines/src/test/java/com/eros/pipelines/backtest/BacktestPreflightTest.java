package com.eros.pipelines.backtest;

import static com.eros.pipelines.backtest.BacktestFixtures.T;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.table.Tables;
import com.eros.common.testing.TempDuckDb;
import com.eros.common.warehouse.duckdb.DuckDbWarehouse;
import com.eros.pipelines.captionperformance.CaptionPerformanceConfig;
import com.eros.pipelines.support.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestPreflightTest {
  static final Instant NOW = T.plus(Duration.ofDays(60));

  @TempDir Path dir;
  private TempDuckDb db;
  private DuckDbWarehouse wh;

  @BeforeEach
  void open() {
    db = new TempDuckDb(dir);
    wh = db.warehouse();
  }

  @AfterEach
  void close() {
    db.close();
  }

  static BacktestConfig cfg(Instant asOf, int horizon) {
    return new BacktestConfig(CaptionPerformanceConfig.defaults(asOf), horizon, 10);
  }

  /** {@code perDay} sends a day from T − 2 d to {@code days} days after T, plus a few strays far later. */
  void load(int days, int perDay) {
    List<Row> rows = new ArrayList<>();
    long id = 1;
    for (int d = -2; d < days; d++) {
      for (int i = 0; i < perDay; i++) {
        rows.add(BacktestFixtures.message(id++, "p", 1L, "x", BacktestFixtures.T_MICROS + d * BacktestFixtures.DAY
            + i * (BacktestFixtures.DAY / perDay), 10, 1.0));
      }
    }
    for (int s = 0; s < 3; s++) { // stray future-dated rows, as the generator plants
      rows.add(BacktestFixtures.message(id++, "p", 1L, "x", BacktestFixtures.T_MICROS + (days + 2 + s) * BacktestFixtures.DAY, 10, 1.0));
    }
    wh.ensureTables(Tables.INPUTS);
    wh.insertNow(Tables.MASS_MESSAGES, rows);
  }

  @Test
  void theDataMustContinueADayPastTheHorizonAtItsNormalRate() {
    assertThat(BacktestPreflight.dataEndRefusal(100, 25, false), nullValue());
    assertThat(BacktestPreflight.dataEndRefusal(100, 24, false), containsString("24 sends in the day after it against 100"));
    assertThat(BacktestPreflight.dataEndRefusal(0, 50, false), containsString("no message was sent in the first day"));
    assertThat(BacktestPreflight.dataEndRefusal(100, 1, true), nullValue());
    assertThat(BacktestPreflight.dataEndRefusal(100, 0, true), containsString("0 sends in the day after"));
  }

  @Test
  void onAWarehouse() {
    load(10, 48); // data from T − 2 d to T + 10 d, then 3 strays at T + 12..14 d
    BacktestPreflight.check(wh, cfg(T, 9), "id", NOW); // the day after T + 9 d is full
    for (int h : new int[] {10, 11, 13}) { // the data, or all but strays, ends with the horizon
      UsageException e = assertThrows(UsageException.class, () -> BacktestPreflight.check(wh, cfg(T, h), "id", NOW));
      assertThat(e.getMessage(), containsString("the horizon is not fully in the data"));
    }
    // a horizon after now, an asOf before 2000
    assertThat(assertThrows(UsageException.class, () -> BacktestPreflight.check(wh, cfg(T, 9), "id", T.plus(Duration.ofDays(8))))
        .getMessage(), containsString("is after now"));
    assertThat(assertThrows(UsageException.class,
        () -> BacktestPreflight.check(wh, cfg(Instant.parse("1999-12-31T00:00:00Z"), 1), "id", NOW)).getMessage(),
        containsString("before 2000-01-01"));
    // the day after T + H not over yet (now − 3 h): one send there suffices
    BacktestPreflight.check(wh, cfg(T, 9), "id", T.plus(Duration.ofDays(9)).plus(Duration.ofHours(3)));
  }

  @Test
  void aBacktestIdThatHasARowIsRefused() {
    load(10, 48);
    wh.ensureTables(List.of(Tables.BANDIT_BACKTESTS));
    wh.insertNow(Tables.BANDIT_BACKTESTS, List.of(BacktestRows.summary("taken", cfg(T, 9), NOW,
        new BacktestMetrics(1, null, null, null, 1.0, 0.2, null, 1, 0, 10, null, null, 0, 0))));
    assertThat(assertThrows(UsageException.class, () -> BacktestPreflight.check(wh, cfg(T, 9), "taken", NOW)).getMessage(),
        containsString("backtest id taken already has a row"));
    BacktestPreflight.check(wh, cfg(T, 9), "free", NOW);
    assertThat(wh.query(Tables.BANDIT_BACKTESTS, com.eros.common.warehouse.ReadSpec.all()).size(), is(1));
  }
}
