package com.eros.pipelines.healthmonitor;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.googlesql.GoogleSqlAnalyzer;
import com.eros.common.googlesql.GoogleSqlEvaluator;
import com.eros.common.googlesql.GoogleSqlRejected;
import com.eros.common.googlesql.TablesCatalog;
import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.warehouse.Warehouse;
import com.eros.duckdb.TempDuckDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * sql/health/*.sql in BigQuery's dialect: each file is analyzed by GoogleSQL against the tables of
 * {@link Tables} (a misspelled column or table fails with GoogleSQL's message), and each query runs
 * on GoogleSQL's evaluator over the health fixture ({@link HealthFixture}), with
 * CURRENT_TIMESTAMP() replaced by a fixed instant. On the same rows in DuckDB, {@code ./eros
 * health} ({@link Scorecard#measure}) and the health monitor ({@link HealthMeasures}, {@link
 * RulesEngine}) must compute the same numbers and levels as 00_quick_health_check and
 * 07_system_health_scorecard, and the lock and queue figures of 04 and 10.
 *
 * <p>Every query runs on the evaluator; the only change made to the text is the clock (a query
 * parameter {@code @now} for CURRENT_TIMESTAMP() and {@code DATE(@now, 'America/Los_Angeles')} for
 * CURRENT_DATE('America/Los_Angeles')).
 */
@Tag("googlesql")
class HealthSqlGoogleSqlTest {
  static final Path DIR = HealthSqlTest.DIR;
  static final TablesCatalog CATALOG = TablesCatalog.ofAllTables();
  static final GoogleSqlAnalyzer ANALYZER = new GoogleSqlAnalyzer(CATALOG);
  static final Pattern TABLE = Pattern.compile("\\$\\{dataset}\\.([a-z_]+)");

  static String text(String file) throws IOException {
    return Files.readString(DIR.resolve(file));
  }

  static String withDataset(String sql) {
    return sql.replace("${dataset}", TablesCatalog.datasetPath());
  }

  /** The query with BigQuery's clock replaced by the parameter {@code @now}. */
  static String atNow(String sql) {
    String s =
        sql.replace("CURRENT_TIMESTAMP()", "@now")
            .replace("CURRENT_DATE('America/Los_Angeles')", "DATE(@now, 'America/Los_Angeles')");
    assertThat(
        "every clock call is replaced",
        s.replaceAll("--[^\n]*", "").contains("CURRENT_"),
        equalTo(false));
    return s;
  }

  // ---------------------------------------------------------------- analysis

  @Test
  void everyHealthQueryAnalyzes() throws IOException {
    List<Path> files = HealthSqlTest.files();
    assertThat(files.size(), equalTo(11));
    for (Path f : files) {
      ANALYZER.analyze(withDataset(Files.readString(f)));
    }
  }

  @Test
  void misspellingAnyColumnAnywhereFailsWithGoogleSqlsMessage() throws IOException {
    int mutations = 0;
    for (Path f : HealthSqlTest.files()) {
      String sql = Files.readString(f).replaceAll("--[^\n]*", "");
      Set<String> tables = new TreeSet<>();
      Matcher tm = TABLE.matcher(sql);
      while (tm.find()) {
        tables.add(tm.group(1));
      }
      for (String table : tables) {
        for (String col : Tables.byName(table).columnNames()) {
          // every use of the column (not its reuse as an alias name after AS) gets a typo
          Pattern use =
              Pattern.compile(
                  "(?<!AS )(?<![A-Za-z0-9_$.])"
                      + col
                      + "(?![A-Za-z0-9_])|(?<=[a-z]\\.)"
                      + col
                      + "(?![A-Za-z0-9_])");
          String[] pieces = sql.split("'", -1); // only code: the even pieces between single quotes
          boolean found = false;
          for (int p = 0; p < pieces.length; p += 2) {
            Matcher m = use.matcher(pieces[p]);
            if (m.find()) {
              found = true;
              pieces[p] = m.replaceAll(col + "_typo");
            }
          }
          if (!found) {
            continue;
          }
          mutations++;
          String mutated = withDataset(String.join("'", pieces));
          GoogleSqlRejected e =
              assertThrows(
                  GoogleSqlRejected.class, () -> ANALYZER.analyze(mutated), f + ": " + col);
          assertThat(f + ": " + col, e.googleSqlMessage(), containsString(col + "_typo"));
        }
      }
    }
    assertThat("columns exercised across the files", mutations, greaterThan(60));
  }

  @Test
  void anUnknownTableAndATypeMismatchFailWithGoogleSqlsMessages() throws IOException {
    GoogleSqlRejected table =
        assertThrows(
            GoogleSqlRejected.class,
            () ->
                ANALYZER.analyze(
                    withDataset(
                        text("06_alerts_summary.sql")
                            .replace("${dataset}.automation_alerts", "${dataset}.alerts"))));
    assertThat(
        table.googleSqlMessage(), startsWith("Table not found: `eros-sql-check.eros.alerts`"));
    GoogleSqlRejected type =
        assertThrows(
            GoogleSqlRejected.class,
            () ->
                ANALYZER.analyze(
                    withDataset(
                        text("10_queue_status.sql")
                            .replace("COUNTIF(status = 'PENDING' AND", "COUNTIF(status = 1 AND"))));
    assertThat(
        type.googleSqlMessage(),
        startsWith("No matching signature for operator = for argument types: STRING, INT64"));
  }

  // ---------------------------------------------------------------- execution

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String data : List.of("base", "with extras")) {
      for (Duration after :
          List.of(Duration.ofMinutes(30), Duration.ofHours(3), Duration.ofHours(40))) {
        out.add(Arguments.of(data, HealthFixture.LAST_SWEEP.plus(after)));
      }
    }
    return out.stream();
  }

  static Map<TableDef, List<Row>> data(String name) {
    return name.equals("base") ? HealthFixture.base() : HealthFixture.withExtras();
  }

  /**
   * The health monitor's measurement: what {@link MeasureHealth} reads (the same {@link HealthRows}
   * specs) fed into {@link HealthMeasures} with the built-in rules' windows. (MeasureHealth itself
   * is a Beam combine of exactly this; running it here would add seconds per case.)
   */
  static HealthSnapshot monitorSnapshot(Warehouse wh, Instant now) {
    HealthMeasures.Config config = HealthMeasures.Config.of(RulesFile.builtIn(), now);
    HealthMeasures m = new HealthMeasures(config);
    wh.query(Tables.ETL_JOB_RUNS, HealthRows.jobRuns(now, config.lookback()))
        .forEach(r -> HealthRows.addJobRun(m, r));
    m.addActiveLocks(wh.query(Tables.ACTIVE_CAPTION_ASSIGNMENTS, HealthRows.activeLocks()).size());
    wh.query(Tables.LOCK_SWEEP_LOG, HealthRows.sweeps(now, config.lookback()))
        .forEach(r -> HealthRows.addSweep(m, r));
    wh.query(Tables.SCHEDULE_GENERATION_QUEUE, HealthRows.pendingQueue())
        .forEach(r -> HealthRows.addPending(m, r));
    return m.snapshot();
  }

  static Double round1(Double v) {
    return v == null || v.isInfinite() ? null : Math.round(v * 10) / 10.0;
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("cases")
  void eachQueryRunsOnTheEvaluatorAndAgreesWithTheScorecardAndTheMonitor(
      String dataName, Instant now, @TempDir Path dir) throws IOException {
    Map<TableDef, List<Row>> data = data(dataName);
    List<Scorecard.Check> checks;
    HealthSnapshot snapshot;
    try (TempDuckDb db = new TempDuckDb(dir)) {
      HealthFixture.seed(db.warehouse(), data);
      checks = Scorecard.measure(db.warehouse(), now);
      snapshot = monitorSnapshot(db.warehouse(), now);
    }
    GoogleSqlEvaluator eval = new GoogleSqlEvaluator(CATALOG);
    data.forEach(eval::withRows);
    Map<String, Object> params = Map.of("now", now);

    // 00: the six checks of ./eros health, ✓/✗ and values
    Map<String, Object> quick =
        eval.query(atNow(withDataset(text("00_quick_health_check.sql"))), params).maps().get(0);
    System.out.println(dataName + " at " + now + ": 00 " + quick);
    List<String> marks =
        List.of(
            "daily_automation",
            "performance_updates",
            "lock_sweep",
            "lock_table",
            "no_failed_daily_run",
            "no_unacknowledged_critical");
    for (int i = 0; i < marks.size(); i++) {
      assertThat(marks.get(i), quick.get(marks.get(i)), equalTo(checks.get(i).ok() ? "✓" : "✗"));
    }
    expectHours(checks.get(0), "last run started ", (Double) quick.get("hours_since_automation"));
    expectHours(
        checks.get(1), "last success started ", (Double) quick.get("hours_since_performance"));
    expectHours(checks.get(2), "last sweep ", (Double) quick.get("hours_since_sweep"));
    assertThat(checks.get(3).measured(), equalTo(quick.get("active_locks") + " active"));
    assertThat(
        checks.get(4).measured(), equalTo(quick.get("failed_daily_runs_7d") + " FAILED in 7 d"));
    assertThat(
        checks.get(5).measured(), equalTo(quick.get("unacknowledged_critical_24h") + " in 24 h"));

    // 07: every rule's measured value and level, as the monitor's rules engine has them
    RuleSet rules = RulesFile.builtIn();
    List<Map<String, Object>> scorecard =
        eval.query(atNow(withDataset(text("07_system_health_scorecard.sql"))), params).maps();
    assertThat(scorecard.size(), equalTo(rules.enabled().size()));
    for (Map<String, Object> row : scorecard) {
      Rule rule = rules.rule((String) row.get("rule"));
      Firing f = RulesEngine.evaluate(rule, snapshot);
      Double measured = round1(RulesEngine.measure(rule.kind(), snapshot));
      String what = dataName + " at " + now + ": " + rule.name();
      if (measured == null) {
        assertThat(what, row.get("measured"), nullValue());
      } else {
        assertThat(what, (Double) row.get("measured"), closeTo(measured, 1e-9));
      }
      assertThat(what, row.get("level"), equalTo(f == null ? "OK" : f.level().name()));
    }

    // 04: the total row is the monitor's active-lock count and bloat level
    List<Map<String, Object>> locks =
        eval.query(atNow(withDataset(text("04_active_lock_table_status.sql"))), params).maps();
    Map<String, Object> total = locks.get(0);
    assertThat(total.get("page"), equalTo("(all pages)"));
    assertThat(total.get("active_locks"), equalTo(snapshot.activeLocks()));
    Firing bloat = RulesEngine.evaluate(rules.rule("lock_table_bloat"), snapshot);
    assertThat(total.get("table_status"), equalTo(bloat == null ? "OK" : bloat.level().name()));

    // 10: PENDING rows, stuck ones and the oldest, as the monitor counts them
    long pending = 0;
    long stuck = 0;
    Double oldest = null;
    for (Map<String, Object> r :
        eval.query(atNow(withDataset(text("10_queue_status.sql"))), params).maps()) {
      if ("PENDING".equals(r.get("status"))) {
        pending += (Long) r.get("queue_rows");
        oldest =
            oldest == null || (Double) r.get("oldest_pending_hours") > oldest
                ? (Double) r.get("oldest_pending_hours")
                : oldest;
      }
      stuck += (Long) r.get("stuck_pending");
    }
    assertThat(pending, equalTo(snapshot.pendingQueueRows()));
    assertThat(stuck, equalTo(snapshot.stuckQueueRows()));
    assertThat(oldest, equalTo(round1(snapshot.hoursSince(snapshot.oldestPending()))));

    // the others run too (their figures have no counterpart in the Java code)
    for (String f :
        List.of(
            "01_daily_automation_status.sql",
            "02_performance_feedback_health.sql",
            "03_lock_cleanup_efficiency.sql",
            "05_creator_failure_analysis.sql",
            "06_alerts_summary.sql",
            "08_execution_time_trends.sql",
            "09_stale_data_detection.sql")) {
      GoogleSqlEvaluator.Result r = eval.query(atNow(withDataset(text(f))), params);
      System.out.println("  " + f + ": " + r.rows().size() + " rows " + r.maps());
      if (dataName.equals("with extras")) {
        assertThat(f + " finds the extra history", r.rows().size(), greaterThan(0));
      }
    }
  }

  private static void expectHours(Scorecard.Check check, String prefix, Double sqlHours) {
    if (sqlHours == null) {
      assertThat(check.measured(), startsWith("none in "));
    } else {
      assertThat(check.measured(), equalTo(prefix + Unit.HOURS.format(sqlHours) + " ago"));
    }
  }
}
