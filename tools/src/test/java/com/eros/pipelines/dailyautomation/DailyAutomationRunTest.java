package com.eros.pipelines.dailyautomation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.time.LaTime;
import com.eros.duckdb.DuckDbConnections;
import com.eros.duckdb.DuckDbWarehouse;
import com.eros.duckdb.TempDuckDb;
import com.eros.tools.cli.Eros;
import com.eros.tools.generate.Generator;
import com.eros.tools.generate.GeneratorConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.Row;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as ./eros runs it: end to end on generated data, and the run breaking. */
class DailyAutomationRunTest {
  static final LocalDate D = LocalDate.of(2026, 11, 29);
  static final String NOW = "2026-11-29T11:05:00Z";

  @TempDir Path dir;
  TempDuckDb db;
  DuckDbWarehouse wh;

  @BeforeEach
  void setUp() {
    db = new TempDuckDb(dir);
    wh = db.warehouse();
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  int eros(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "daily-automation";
    all[1] = "--warehouse=duckdb:" + wh.path();
    all[2] = "--executionDate=" + D;
    all[3] = "--now=" + NOW;
    System.arraycopy(args, 0, all, 4, args.length);
    return Eros.execute(
        all,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /**
   * The valid messages of [D − 90, D) by docs/tables.md (parameters: window start, end in epoch
   * ms).
   */
  static final String VALID =
      """
      WITH valid AS (
        SELECT page_name, sending_time, sent_count, earnings FROM mass_messages
        WHERE sending_time >= epoch_ms(CAST(? AS BIGINT)) AND sending_time < epoch_ms(CAST(? AS BIGINT))
          AND page_name IS NOT NULL AND trim(page_name) <> '' AND sent_count >= 1
          AND viewed_count BETWEEN 0 AND sent_count AND purchased_count BETWEEN 0 AND viewed_count
          AND earnings >= 0 AND isfinite(earnings) AND (price IS NULL OR (isfinite(price) AND price >= 0))
      )""";

  /**
   * Per active page: {valid messages, RPR, saturation %}, computed by DuckDB from docs/tables.md §5
   * and docs/daily-automation.md §2–§3.
   */
  Map<String, double[]> oracle() throws Exception {
    String sql =
        VALID
            + """
        , active AS (
          SELECT page_name, count(*) AS n, sum(earnings) / sum(sent_count) AS rpr FROM valid
          GROUP BY page_name HAVING max(sending_time) >= epoch_ms(CAST(? AS BIGINT))
        ), pool AS (
          SELECT a.page_name, c.caption_id FROM active a
          JOIN caption_bank c ON c.is_active AND (c.page_name IS NULL OR c.page_name = a.page_name)
        ), locked AS (
          SELECT DISTINCT p.page_name, p.caption_id FROM pool p JOIN active_caption_assignments l
            ON l.page_name = p.page_name AND l.caption_id = p.caption_id AND l.scheduled_send_date >= CAST(? AS DATE)
        )
        SELECT a.page_name, a.n, a.rpr,
          100.0 * (SELECT count(*) FROM locked k WHERE k.page_name = a.page_name)
                / (SELECT count(*) FROM pool p WHERE p.page_name = a.page_name)
        FROM active a
        """;
    Map<String, double[]> out = new TreeMap<>();
    try (DuckDBConnection c = DuckDbConnections.connect(wh.path());
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, LaTime.startOf(D.minusDays(90)).toEpochMilli());
      ps.setLong(2, LaTime.startOf(D).toEpochMilli());
      ps.setLong(3, LaTime.startOf(D.minusDays(30)).toEpochMilli());
      ps.setString(4, D.minusDays(7).toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), new double[] {rs.getLong(2), rs.getDouble(3), rs.getDouble(4)});
        }
      }
    }
    return out;
  }

  long oracleLong(String sql) throws Exception {
    try (DuckDBConnection c = DuckDbConnections.connect(wh.path());
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, LaTime.startOf(D.minusDays(90)).toEpochMilli());
      ps.setLong(2, LaTime.startOf(D).toEpochMilli());
      ps.setLong(3, LaTime.startOf(D.minusDays(30)).toEpochMilli());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void endToEndOnGeneratedDataAgreesWithASqlOracle() throws Exception {
    Generator.generate(wh, new GeneratorConfig(40_000, 40, 7, Instant.parse(NOW)), null);
    Map<String, double[]> expected = oracle();
    long inWindow =
        count(
            "(sending_time >= epoch_ms(CAST(? AS BIGINT)) AND sending_time < epoch_ms(CAST(? AS BIGINT)))"
                + " OR sending_time IS NULL");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = eros(out, err, "--jobId=e2e");
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(err.toString(StandardCharsets.UTF_8), code, is(0));

    List<Row> queue = Fixture.forDate(wh, Tables.SCHEDULE_GENERATION_QUEUE, D);
    Map<String, Double> queued = new TreeMap<>();
    queue.forEach(r -> queued.put(r.getString("page_name"), r.getDouble("saturation_pct")));
    Map<String, Double> expectedQueue = new TreeMap<>();
    expected.forEach(
        (page, v) -> {
          if (v[2] < 80) {
            expectedQueue.put(page, v[2]);
          }
        });
    assertThat(queued.keySet(), is(expectedQueue.keySet()));
    assertThat("someone is queued", queued.isEmpty(), is(false));
    queued.forEach((page, sat) -> assertThat(page, sat, closeTo(expectedQueue.get(page), 1e-9)));

    List<Row> profiles = Fixture.forDate(wh, Tables.CREATOR_PERFORMANCE_PROFILES, D);
    assertThat(profiles.size(), is(expected.size()));
    for (Row p : profiles) {
      double[] e = expected.get(p.getString("page_name"));
      assertThat(p.getInt64("message_count"), is((long) e[0]));
      assertThat(p.getDouble("rpr"), closeTo(e[1], 1e-9 * e[1]));
      assertThat(p.getDouble("saturation_pct"), closeTo(e[2], 1e-9));
    }

    Row job = Fixture.jobRow(wh, "e2e");
    assertThat(job.getString("job_status"), is("SUCCESS"));
    assertThat(job.getInt64("creators_processed"), is((long) expected.size()));
    long valid = expected.values().stream().mapToLong(v -> (long) v[0]).sum() + validInactive();
    // rows later than now + 1 h lie outside every window: the run reads them too and dead-letters
    // them
    long future =
        wh.longScalar(
            "SELECT count(*) FROM mass_messages WHERE epoch_us(sending_time) > ?",
            Timestamps.micros(Instant.parse(NOW)) + Timestamps.HOUR_MICROS);
    assertThat(future, greaterThan(0L));
    assertThat(job.getInt64("rows_read"), is(inWindow + future));
    assertThat(job.getInt64("rows_rejected"), is(inWindow - valid + future));
    assertThat(Fixture.all(wh, Tables.REJECTED_ROWS).size(), is((int) (inWindow - valid + future)));
    assertThat(
        Fixture.all(wh, Tables.REJECTED_ROWS).stream()
            .filter(r -> r.getString("reason").startsWith("SENDING_TIME_IN_FUTURE"))
            .count(),
        is(future));
    // a second run of the date dead-letters none of them again
    assertThat(eros(out, err, "--jobId=e2e-again"), is(0));
    assertThat(Fixture.jobRow(wh, "e2e-again").getInt64("rows_rejected"), is(0L));
    assertThat(Fixture.all(wh, Tables.REJECTED_ROWS).size(), is((int) (inWindow - valid + future)));
    assertThat(printed, containsString("queue for 2026-11-29: " + queue.size() + " creator(s)"));
    Row sweep = wh.query(Tables.LOCK_SWEEP_LOG, com.eros.common.warehouse.ReadSpec.all()).get(0);
    assertThat(
        printed, containsString("lock sweep: " + sweep.getInt64("total_locks_cleaned") + " swept"));
    assertThat(
        printed,
        containsString(
            "job row: SUCCESS  processed "
                + expected.size()
                + ", failed 0, skipped 0; rows read "
                + (inWindow + future)));
  }

  long count(String where) {
    return wh.longScalar(
        "SELECT count(*) FROM mass_messages WHERE " + where,
        LaTime.startOf(D.minusDays(90)).toEpochMilli(),
        LaTime.startOf(D).toEpochMilli());
  }

  /** Valid messages in the window of pages that are not active (none in the last 30 days). */
  long validInactive() throws Exception {
    return oracleLong(
        VALID
            + " SELECT count(*) FROM valid WHERE page_name IN (SELECT page_name FROM valid"
            + " GROUP BY page_name HAVING max(sending_time) < epoch_ms(CAST(? AS BIGINT)))");
  }

  @Test
  void noActiveCreatorIsCompletedNoWork() {
    // only a message from before the active window, and an invalid one
    new Fixture(wh)
        .message("old", LaTime.startOf(D.minusDays(31)), 10L, 5L, 1L, 1.0)
        .message("bad", LaTime.startOf(D.minusDays(1)), 0L, 0L, 0L, 0.0)
        .write();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(err.toString(StandardCharsets.UTF_8), eros(out, err, "--jobId=idle"), is(0));
    Row job = Fixture.jobRow(wh, "idle");
    assertThat(job.getString("job_status"), is("COMPLETED_NO_WORK"));
    assertThat(job.getInt64("creators_processed"), is(0L));
    assertThat(job.getInt64("rows_read"), is(2L));
    assertThat(job.getInt64("rows_rejected"), is(1L));
    assertThat(Fixture.alerts(wh, "idle"), empty());
    assertThat(Fixture.forDate(wh, Tables.SCHEDULE_GENERATION_QUEUE, D), empty());
  }

  @Test
  void aRunThatBreaksRecordsAFailedJobAndLeavesNoQueue() {
    // The errors table is a view (right column types, so preflight passes): the errors commit fails
    // mid-run, after the decisions (one creator would be queued) but before the queue write.
    new Fixture(wh)
        .messages("has_pool", D, 3)
        .messages("no_pool", D, 3)
        .caption(1, "has_pool", true)
        .write();
    wh.execute("DROP TABLE creator_processing_errors");
    wh.execute(
        "CREATE VIEW creator_processing_errors AS SELECT 'j' AS job_id, 'p' AS page_name,"
            + " DATE '2026-11-29' AS execution_date, 'm' AS error_message, TIMESTAMP '2026-11-29 00:00:00' AS error_time");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = eros(out, err, "--jobId=broken");
    String message = err.toString(StandardCharsets.UTF_8);
    assertThat(code, is(1));
    assertThat(message, containsString("daily-automation failed (job broken): "));
    assertThat(message, containsString("a FAILED job row and a CRITICAL alert were written"));
    assertThat(message.lines().count(), is(1L));
    assertThat(Fixture.forDate(wh, Tables.SCHEDULE_GENERATION_QUEUE, D), empty());
    Row job = Fixture.jobRow(wh, "broken");
    assertThat(job.getString("job_status"), is("FAILED"));
    assertThat(job.getString("error_message"), containsString("the run broke: "));
    assertThat(Fixture.alerts(wh, "broken"), is(List.of("CRITICAL job_failed")));
  }

  @Test
  void aTableWithAColumnOfTheWrongTypeIsRefusedBeforeAnythingIsWritten() {
    new Fixture(wh).messages("has_pool", D, 3).caption(1, "has_pool", true).write();
    wh.execute("DROP TABLE mass_messages");
    wh.execute(
        "CREATE TABLE mass_messages (message_id BIGINT, page_name VARCHAR, caption_id BIGINT, message VARCHAR,"
            + " sending_time TIMESTAMP, price DOUBLE, sent_count BIGINT, viewed_count BIGINT, purchased_count BIGINT,"
            + " earnings VARCHAR, message_type VARCHAR)");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(eros(out, err, "--jobId=typed"), is(2));
    String message = err.toString(StandardCharsets.UTF_8);
    assertThat(message, containsString("mass_messages.earnings is VARCHAR, expected FLOAT64"));
    assertThat(message.lines().count(), is(1L));
    assertThat(Fixture.jobRows(wh), empty()); // nothing written
  }

  @Test
  void anUnreadableStoreIsRefused() throws Exception {
    Path bad = dir.resolve("not-a-database.duckdb");
    Files.writeString(bad, "this is not a DuckDB file");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Eros.execute(
            new String[] {"daily-automation", "--warehouse=duckdb:" + bad, "--now=" + NOW},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String message = err.toString(StandardCharsets.UTF_8);
    assertThat(code, is(2));
    assertThat(message, containsString("is not a DuckDB database file"));
    assertThat(message.lines().count(), is(1L));
    assertThat(Files.readString(bad), is("this is not a DuckDB file"));
  }

  @Test
  void badOptionsAreUsageErrors() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(eros(out, err, "--circuitBreakerThreshold=0"), is(2));
    assertThat(
        err.toString(StandardCharsets.UTF_8),
        containsString("--circuitBreakerThreshold=0 must be at least 1"));
  }
}
