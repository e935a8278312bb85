package com.eros.pipelines.captionperformance;

import static com.eros.pipelines.captionperformance.Fixtures.DAY;
import static com.eros.pipelines.captionperformance.Fixtures.NOW;
import static com.eros.pipelines.captionperformance.Fixtures.caption;
import static com.eros.pipelines.captionperformance.Fixtures.message;
import static com.eros.pipelines.captionperformance.Fixtures.valid;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.table.Tables;
import com.eros.common.validate.MessageRule;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.duckdb.DuckDbWarehouse;
import com.eros.duckdb.TempDuckDb;
import com.eros.pipelines.support.Failures;
import com.eros.pipelines.support.Lifecycle;
import com.eros.pipelines.support.TestRuns;
import com.eros.tools.oracle.CaptionPerformanceOracle;
import java.nio.file.Path;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** End to end on a DuckDB file: pipeline vs oracle, dead letters, job rows, idempotency. */
class CaptionPerformancePipelineTest {
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

  private CaptionPerformanceConfig runPipeline(String jobId, Instant asOf) {
    return run(Fixtures.options(wh, jobId, asOf)).settings().stats();
  }

  private Lifecycle.Result<CaptionPerformanceSettings> run(CaptionPerformanceOptions o) {
    return TestRuns.run(new CaptionPerformancePipeline(), o, null);
  }

  private void assertAgreesWithOracle(CaptionPerformanceConfig cfg) {
    List<CaptionStats> expected = CaptionPerformanceOracle.run(wh.path(), cfg);
    List<CaptionStats> actual = CaptionPerformanceOracle.readTable(wh.path());
    assertThat(CaptionPerformanceOracle.differences(expected, actual), is(empty()));
    assertThat(actual.size(), is(expected.size()));
  }

  /** Messages of the hand-made data set; the valid ones are listed in {@code validRows}. */
  private static final List<Row> VALID =
      List.of(
          valid(1, "alice", 10L, "x", NOW - DAY, 4.0, 2), // EMV 2
          valid(2, "alice", 10L, "x", NOW - 2 * DAY, 0.0, 5), // EMV 0
          valid(3, "alice", null, "  Buy  NOW ", NOW - 3 * DAY, 9.0, 1), // attributed to 11 (own)
          valid(
              4, "alice", null, "hello", NOW - 4 * DAY, 1.0, 1), // ambiguous: shared 12 and own 13
          valid(5, "alice", null, "free text", NOW - 5 * DAY, 3.0, 1), // no match
          valid(6, "alice", 11L, "x", NOW - 40 * DAY, 8.0, 2), // stats window only
          valid(
              7, "bob", null, "BUY NOW", NOW - DAY, 2.0,
              1), // alice's caption is not bob's: no match
          valid(8, "bob", 12L, "x", NOW - 2 * DAY, 6.0, 3));

  private static final List<Row> INVALID =
      List.of(
          message(101L, null, 10L, "x", NOW - DAY, 1.0, 1L, 1L, 0L, 1.0),
          message(102L, "alice", 10L, "x", null, 1.0, 1L, 1L, 0L, 1.0),
          message(103L, "alice", 10L, "x", NOW - DAY, 1.0, 0L, 0L, 0L, 1.0),
          message(104L, "alice", 10L, "x", NOW - DAY, 1.0, 2L, 3L, 0L, 1.0),
          message(105L, "alice", 10L, "x", NOW - DAY, 1.0, 5L, 2L, 3L, 1.0),
          message(106L, "alice", 10L, "x", NOW - DAY, 1.0, 5L, 2L, 1L, Double.NaN),
          message(107L, "alice", 10L, "x", NOW - DAY, -2.0, 5L, 2L, 1L, 1.0));

  private static final Map<Long, MessageRule> RULE_OF =
      Map.of(
          101L, MessageRule.PAGE_NAME_MISSING,
          102L, MessageRule.SENDING_TIME_MISSING,
          103L, MessageRule.SENT_COUNT_BELOW_ONE,
          104L, MessageRule.VIEWED_COUNT_OUT_OF_RANGE,
          105L, MessageRule.PURCHASED_COUNT_OUT_OF_RANGE,
          106L, MessageRule.EARNINGS_INVALID,
          107L, MessageRule.PRICE_INVALID);

  private static Fixtures.Data handMade() {
    List<Row> messages = new ArrayList<>(VALID);
    messages.addAll(INVALID);
    // outside the read window (later than asOf, older than 90 days): neither read nor rejected
    messages.add(message(201L, "alice", 10L, "x", NOW + 2 * 3_600_000_000L, 1.0, 0L, 0L, 0L, 1.0));
    messages.add(message(202L, "alice", 10L, "x", NOW - 91 * DAY, 1.0, 0L, 0L, 0L, 1.0));
    List<Row> captions =
        List.of(
            caption(10, "ten", "alice", true),
            caption(11, "buy now", "alice", true),
            caption(12, "Hello", null, true),
            caption(13, "hello", "alice", false)); // retired, still visible
    return new Fixtures.Data(messages, captions);
  }

  @Test
  void everyRuleIsRoutedWithItsReasonAndNoValidRowIsLost() {
    Fixtures.load(wh, handMade());
    CaptionPerformanceConfig cfg = runPipeline("job-1", Fixtures.AS_OF);

    Map<String, String> reasons = new TreeMap<>();
    for (Row r : wh.query(Tables.REJECTED_ROWS, ReadSpec.all())) {
      reasons.put(r.getString("row_key"), r.getString("reason"));
      assertThat(r.getString("job_name"), is("caption_performance"));
      assertThat(r.getString("source_table"), is("mass_messages"));
      assertThat(
          r.getString("payload"), containsString("\"message_id\":" + r.getString("row_key")));
    }
    Map<String, String> expected = new TreeMap<>();
    RULE_OF.forEach((id, rule) -> expected.put(id.toString(), rule.reason()));
    assertThat(reasons, equalTo(expected));

    Map<Long, CaptionStats> stats = new TreeMap<>();
    for (CaptionStats s : CaptionPerformanceOracle.readTable(wh.path())) {
      stats.put(s.captionId(), s);
    }
    // alice: median over EMVs {2, 0, 9, 1, 3} = 2; caption 10 has {2, 0}, 11 has {9 (attributed),
    // 4}
    assertThat(stats.get(10L).totalObservations(), is(2L));
    assertThat(stats.get(10L).successes(), is(0L));
    assertThat(stats.get(11L).totalObservations(), is(2L));
    assertThat(stats.get(11L).successes(), is(2L));
    // bob: median over {2, 2} = 2; caption 12 (shared) EMV 2 is not above it
    assertThat(stats.get(12L).pageName(), is("bob"));
    assertThat(stats.get(12L).failures(), is(1L));
    assertThat(stats.size(), is(3));
    // every valid captioned or attributed message is observed once
    assertThat(stats.values().stream().mapToLong(CaptionStats::totalObservations).sum(), is(5L));

    List<Row> jobs = wh.query(Tables.ETL_JOB_RUNS, ReadSpec.all());
    assertThat(jobs.size(), is(1));
    Row job = jobs.get(0);
    assertThat(job.getString("job_name"), is("caption_performance"));
    assertThat(job.getString("job_status"), is("SUCCESS"));
    assertThat(job.getInt64("rows_read"), is((long) (VALID.size() + INVALID.size())));
    assertThat(job.getInt64("rows_rejected"), is((long) INVALID.size()));
    assertThat(job.getInt64("creators_processed"), is(2L));
    assertAgreesWithOracle(cfg);
  }

  @Test
  void rerunWithTheSameAsOfGivesTheSameTableAndDuplicatesNothing() {
    Fixtures.load(wh, Fixtures.random(11, 1500));
    runPipeline("run-a", Fixtures.AS_OF);
    List<CaptionStats> first = CaptionPerformanceOracle.readTable(wh.path());
    long rejected = wh.longScalar("SELECT count(*) FROM rejected_rows");
    runPipeline("run-b", Fixtures.AS_OF);
    List<CaptionStats> second = CaptionPerformanceOracle.readTable(wh.path());

    assertThat(first.size(), greaterThan(20));
    assertThat(sorted(second), equalTo(sorted(first))); // bit for bit
    assertThat(wh.longScalar("SELECT count(*) FROM rejected_rows"), is(rejected));
    assertThat(rejected, greaterThan(0L));
    assertThat(wh.longScalar("SELECT count(DISTINCT job_id) FROM rejected_rows"), is(1L));
    // rows_rejected is what each run wrote to rejected_rows: the second run found the same bad rows
    // recorded
    assertThat(
        wh.longScalar(
            "SELECT rows_rejected FROM etl_job_runs WHERE job_id = 'run-a' AND job_status = 'SUCCESS'"),
        is(rejected));
    assertThat(
        wh.longScalar(
            "SELECT rows_rejected FROM etl_job_runs WHERE job_id = 'run-b' AND job_status = 'SUCCESS'"),
        is(0L));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void agreesWithTheSqlOracle(long seed) {
    Fixtures.load(wh, Fixtures.random(seed, 3000));
    CaptionPerformanceConfig cfg = runPipeline("seed-" + seed, Fixtures.AS_OF);
    assertAgreesWithOracle(cfg);
    // the data set exercises the awkward cases
    assertThat(
        wh.longScalar("SELECT count(*) FROM caption_bandit_stats WHERE page_name = 'old'"), is(0L));
    assertThat(
        wh.longScalar("SELECT count(*) FROM caption_bandit_stats WHERE page_name = 'solo'"),
        is(1L));
    Row job = wh.query(Tables.ETL_JOB_RUNS, ReadSpec.all()).get(0);
    long valid = job.getInt64("rows_read") - job.getInt64("rows_rejected");
    assertThat(job.getInt64("rows_rejected"), greaterThan(0L));
    assertThat(valid, greaterThan(2000L));
  }

  @Test
  void otherParametersAgreeWithTheOracleToo() {
    Fixtures.load(wh, Fixtures.random(3, 2500));
    CaptionPerformanceOptions o =
        Fixtures.options(wh, "params", Fixtures.AS_OF.minusSeconds(86_400 * 3 + 17));
    o.setMedianWindowDays(45);
    o.setStatsWindowDays(20);
    o.setHalfLifeDays(3.5);
    o.setZ(2.58);
    assertAgreesWithOracle(run(o).settings().stats());
  }

  @Test
  void aRunThatBreaksLeavesAFailedJobRowAndACriticalAlert() {
    // the columns have the right types (preflight passes) but reading them fails: a view over text
    Fixtures.load(wh, handMade());
    wh.execute(
        "CREATE TABLE raw_messages AS SELECT * REPLACE (CAST(sent_count AS VARCHAR) || 'x' AS sent_count) FROM mass_messages");
    wh.execute("DROP TABLE mass_messages");
    wh.execute(
        "CREATE VIEW mass_messages AS SELECT * REPLACE (CAST(sent_count AS BIGINT) AS sent_count) FROM raw_messages");
    CaptionPerformanceOptions o = Fixtures.options(wh, "broken", Fixtures.AS_OF);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(o));
    assertThat(e.getMessage(), containsString("caption-performance failed"));
    assertThat(
        e.getMessage(), containsString("a FAILED job row and a CRITICAL alert were written"));
    assertThat(Failures.exitCode(e), is(1));
    List<Row> jobs = wh.query(Tables.ETL_JOB_RUNS, ReadSpec.all());
    assertThat(jobs.size(), is(1));
    assertThat(jobs.get(0).getString("job_status"), is("FAILED"));
    assertThat(jobs.get(0).getString("job_id"), is("broken"));
    assertThat(jobs.get(0).getString("error_message"), containsString("Could not convert"));
    List<Row> alerts = wh.query(Tables.AUTOMATION_ALERTS, ReadSpec.all());
    assertThat(alerts.size(), is(1));
    assertThat(alerts.get(0).getString("alert_level"), is("CRITICAL"));
    assertThat(alerts.get(0).getString("alert_source"), is("caption_performance"));
  }

  @Test
  void anEmptiedInputDoesNotWipeTheStatistics() {
    // docs/operating-guarantees.md shrink guard: a result covering fewer than half the pages is
    // refused
    Fixtures.load(wh, Fixtures.random(5, 1500));
    runPipeline("full", Fixtures.AS_OF);
    List<CaptionStats> before = sorted(CaptionPerformanceOracle.readTable(wh.path()));
    assertThat(before.size(), greaterThan(20));
    wh.execute("DELETE FROM mass_messages");

    Lifecycle.Result<CaptionPerformanceSettings> r =
        run(Fixtures.options(wh, "emptied", Fixtures.AS_OF));

    assertThat(r.exitCode(), is(1));
    assertThat(sorted(CaptionPerformanceOracle.readTable(wh.path())), equalTo(before)); // unchanged
    Row job =
        wh.query(Tables.ETL_JOB_RUNS, ReadSpec.all().where(Filter.eq("job_id", "emptied"))).get(0);
    assertThat(job.getString("job_status"), is("FAILED"));
    assertThat(
        job.getString("error_message"), containsString("shrink guard: the result covers 0 pages"));
    List<Row> alerts =
        wh.query(Tables.AUTOMATION_ALERTS, ReadSpec.all().where(Filter.eq("job_id", "emptied")));
    assertThat(alerts.size(), is(1));
    assertThat(alerts.get(0).getString("alert_level"), is("CRITICAL"));

    // told to: the table is replaced (by nothing)
    CaptionPerformanceOptions forced = Fixtures.options(wh, "forced", Fixtures.AS_OF);
    forced.setAllowShrink(true);
    assertThat(run(forced).exitCode(), is(0));
    assertThat(CaptionPerformanceOracle.readTable(wh.path()), is(empty()));
  }

  @Test
  void everyBadRowGetsItsOwnDeadLetter() {
    // two bad rows with a NULL message_id, one id on two pages breaking the same rule, an exact
    // duplicate
    List<Row> messages = new ArrayList<>(VALID);
    messages.add(message(null, "alice", 10L, "x", NOW - DAY, 1.0, 0L, 0L, 0L, 1.0));
    messages.add(message(null, "alice", 10L, "y", NOW - DAY, 1.0, 0L, 0L, 0L, 1.0));
    messages.add(message(300L, "alice", 10L, "x", NOW - DAY, 1.0, 0L, 0L, 0L, 1.0));
    messages.add(message(300L, "bob", 10L, "x", NOW - DAY, 1.0, 0L, 0L, 0L, 1.0));
    messages.add(message(301L, "bob", 10L, "x", NOW - DAY, 1.0, 0L, 0L, 0L, 1.0));
    messages.add(message(301L, "bob", 10L, "x", NOW - DAY, 1.0, 0L, 0L, 0L, 1.0));
    Fixtures.load(wh, new Fixtures.Data(messages, handMade().captions()));

    runPipeline("dead-letters", Fixtures.AS_OF);

    List<Row> dead = wh.query(Tables.REJECTED_ROWS, ReadSpec.all());
    assertThat(dead.size(), is(6));
    Row job = wh.query(Tables.ETL_JOB_RUNS, ReadSpec.all()).get(0);
    assertThat(job.getInt64("rows_rejected"), is(6L)); // the job row and the table agree
    assertThat(dead.stream().map(r -> r.getString("row_fingerprint")).distinct().count(), is(6L));
    assertThat(dead.stream().filter(r -> "bob".equals(r.getString("page_name"))).count(), is(3L));
    runPipeline("dead-letters-again", Fixtures.AS_OF); // a re-run adds none
    assertThat(wh.query(Tables.REJECTED_ROWS, ReadSpec.all()).size(), is(6));
  }

  private static List<CaptionStats> sorted(List<CaptionStats> rows) {
    List<CaptionStats> s = new ArrayList<>(rows);
    s.sort(
        (a, b) ->
            a.pageName().equals(b.pageName())
                ? Long.compare(a.captionId(), b.captionId())
                : a.pageName().compareTo(b.pageName()));
    return s;
  }
}
