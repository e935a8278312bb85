package com.eros.common.warehouse.bigquery;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.table.ColumnType;
import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.validate.RejectedRows;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.WriteSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

class BigQuerySqlTest {
  private static final String T = "`proj-123.eros.target`";
  private static final String S = "`proj-123.eros._stg_x`";

  // ------------------------------------------------------------------ row restriction

  @Test
  void timeWindowIncludingNullsIsTypedAndParenthesised() {
    String r =
        BigQuerySql.rowRestriction(
            Tables.MASS_MESSAGES,
            List.of(
                Filter.betweenOrNull(
                    "sending_time",
                    Instant.parse("2024-03-10T08:00:00Z"),
                    Instant.parse("2024-03-11T07:00:00.123456Z"))));
    assertThat(
        r,
        equalTo(
            "(sending_time IS NULL OR (sending_time >= TIMESTAMP '2024-03-10 08:00:00.000000+00'"
                + " AND sending_time < TIMESTAMP '2024-03-11 07:00:00.123456+00'))"));
  }

  @Test
  void filtersAreAndedWithTypedLiterals() {
    String r =
        BigQuerySql.rowRestriction(
            Tables.ACTIVE_CAPTION_ASSIGNMENTS,
            List.of(
                Filter.eq("is_active", true),
                Filter.atLeast("scheduled_send_date", LocalDate.of(2024, 2, 29)),
                Filter.eq("caption_id", 42L),
                Filter.isNull("assignment_key"),
                Filter.below("assigned_at", Instant.parse("2024-01-01T00:00:00Z"))));
    assertThat(
        r,
        equalTo(
            "is_active = TRUE AND (scheduled_send_date >= DATE '2024-02-29') AND caption_id = 42"
                + " AND assignment_key IS NULL AND (assigned_at < TIMESTAMP '2024-01-01 00:00:00.000000+00')"));
  }

  @Test
  void stringsAreQuotedAndEscaped() {
    String r =
        BigQuerySql.rowRestriction(
            Tables.MASS_MESSAGES,
            List.of(Filter.eq("page_name", "it's a \\ test\nOR TRUE --\u0001")));
    assertThat(r, equalTo("page_name = 'it\\'s a \\\\ test\\nOR TRUE --\\u0001'"));
  }

  @Test
  void noFiltersMeansNoRestriction() {
    assertThat(BigQuerySql.rowRestriction(Tables.MASS_MESSAGES, List.of()), nullValue());
  }

  @Test
  void valuesMustFitTheColumnType() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                BigQuerySql.rowRestriction(
                    Tables.MASS_MESSAGES,
                    List.of(Filter.atLeast("sending_time", LocalDate.of(2024, 1, 1)))));
    assertThat(e.getMessage(), containsString("sending_time is TIMESTAMP"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            BigQuerySql.rowRestriction(
                Tables.MASS_MESSAGES, List.of(Filter.eq("caption_id", "42"))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            BigQuerySql.rowRestriction(
                Tables.MASS_MESSAGES, List.of(Filter.eq("no_such_column", "x"))));
  }

  @Test
  void reservedWordColumnsAreQuoted() {
    TableDef t =
        TableDef.builder("odd")
            .nullable("order", ColumnType.INT64, "")
            .nullable("x", ColumnType.STRING, "")
            .build();
    assertThat(
        BigQuerySql.rowRestriction(t, List.of(Filter.eq("order", 1L), Filter.isNull("x"))),
        equalTo("`order` = 1 AND x IS NULL"));
  }

  // ------------------------------------------------------------------ literals

  @Test
  void literalsOfEveryType() {
    TableDef t = Tables.ETL_JOB_RUNS;
    assertThat(
        BigQuerySql.literal(t.requireColumn("rows_read"), Long.MIN_VALUE),
        equalTo("CAST('-9223372036854775808' AS INT64)"));
    assertThat(BigQuerySql.literal(t.requireColumn("rows_read"), -7L), equalTo("-7"));
    assertThat(BigQuerySql.literal(t.requireColumn("job_duration_seconds"), 3.0), equalTo("3.0"));
    assertThat(
        BigQuerySql.literal(t.requireColumn("job_duration_seconds"), 1e-7), equalTo("1.0E-7"));
    assertThat(
        BigQuerySql.literal(t.requireColumn("job_duration_seconds"), Double.NaN),
        equalTo("CAST('NaN' AS FLOAT64)"));
    assertThat(
        BigQuerySql.literal(t.requireColumn("job_duration_seconds"), Double.NEGATIVE_INFINITY),
        equalTo("CAST('-inf' AS FLOAT64)"));
    assertThat(
        BigQuerySql.literal(
            t.requireColumn("job_start_time"),
            java.time.Instant.parse("2023-11-14T22:13:20.123456Z")),
        equalTo("TIMESTAMP '2023-11-14 22:13:20.123456+00'"));
    assertThrows(
        IllegalArgumentException
            .class, // a Joda instant (Beam's millisecond DATETIME) is not a TIMESTAMP value any
        // more
        () ->
            BigQuerySql.literal(t.requireColumn("job_start_time"), new org.joda.time.Instant(0L)));
    assertThat(
        BigQuerySql.literal(t.requireColumn("execution_date"), LocalDate.of(2024, 1, 2)),
        equalTo("DATE '2024-01-02'"));
    assertThat(BigQuerySql.literal(t.requireColumn("error_message"), null), equalTo("NULL"));
    assertThat(
        BigQuerySql.literal(Tables.CAPTION_BANK.requireColumn("is_active"), false),
        equalTo("FALSE"));
  }

  // ------------------------------------------------------------------ commit statements

  @Test
  void insertIfAbsentIsOneMergeWithNullSafeKeyAndDedupedSource() {
    TableDef t = Tables.REJECTED_ROWS;
    String sql = BigQuerySql.commitStatement(t, WriteSpec.insertIfAbsent(RejectedRows.KEY), T, S);
    assertThat(
        sql,
        equalTo(
            "MERGE `proj-123.eros.target` AS t\n"
                + "USING (\n"
                + "  SELECT * FROM `proj-123.eros._stg_x` WHERE TRUE\n"
                + "  QUALIFY ROW_NUMBER() OVER (PARTITION BY job_name, source_table, row_fingerprint"
                + " ORDER BY job_id, job_name, source_table, row_key, page_name, row_fingerprint, reason, payload, rejected_at) = 1\n"
                + ") AS s\n"
                + "ON t.job_name = s.job_name AND t.source_table = s.source_table"
                + " AND t.row_fingerprint IS NOT DISTINCT FROM s.row_fingerprint\n"
                + "WHEN NOT MATCHED THEN\n"
                + "  INSERT (job_id, job_name, source_table, row_key, page_name, row_fingerprint, reason, payload, rejected_at)"
                + " VALUES (s.job_id, s.job_name, s.source_table, s.row_key, s.page_name, s.row_fingerprint, s.reason, s.payload,"
                + " s.rejected_at)"));
  }

  @Test
  void updateSetsOnlyTheGivenColumnsAndGuardsInsideTheStatement() {
    TableDef t = Tables.ACTIVE_CAPTION_ASSIGNMENTS;
    WriteSpec spec =
        WriteSpec.update(
            List.of("assignment_key"),
            List.of("is_active", "deactivated_at", "deactivation_reason"),
            "is_active",
            true);
    String sql = BigQuerySql.commitStatement(t, spec, T, S);
    String allCols = String.join(", ", t.columnNames());
    assertThat(
        sql,
        equalTo(
            "UPDATE `proj-123.eros.target` AS t\n"
                + "SET is_active = s.is_active, deactivated_at = s.deactivated_at, deactivation_reason = s.deactivation_reason\n"
                + "FROM (\n"
                + "  SELECT * FROM `proj-123.eros._stg_x` WHERE TRUE\n"
                + "  QUALIFY ROW_NUMBER() OVER (PARTITION BY assignment_key ORDER BY "
                + allCols
                + ") = 1\n"
                + ") AS s\n"
                + "WHERE t.assignment_key IS NOT DISTINCT FROM s.assignment_key AND t.is_active = TRUE"));
  }

  @Test
  void updateWithSeveralKeysAndAStringGuard() {
    TableDef t = Tables.SCHEDULE_GENERATION_QUEUE;
    WriteSpec spec =
        WriteSpec.update(
            List.of("page_name", "execution_date"), List.of("status"), "status", "PENDING");
    String sql =
        BigQuerySql.update(
            t, T, S, spec.keyColumns(), spec.setColumns(), spec.guardColumn(), spec.guardValue());
    assertThat(
        sql,
        Matchers.endsWith(
            "WHERE t.page_name = s.page_name AND t.execution_date = s.execution_date AND t.status = 'PENDING'"));
    assertThat(sql, containsString("SET status = s.status\n"));
  }

  @Test
  void replaceWhereIsOneTransaction() {
    TableDef t = Tables.CREATOR_PERFORMANCE_PROFILES;
    String sql = BigQuerySql.commitStatement(t, WriteSpec.replaceWhere("execution_date"), T, S);
    String cols = String.join(", ", t.columnNames());
    assertThat(
        sql,
        equalTo(
            "BEGIN TRANSACTION;\n"
                + "DELETE FROM `proj-123.eros.target` WHERE execution_date IN (SELECT DISTINCT execution_date FROM `proj-123.eros._stg_x`);\n"
                + "INSERT INTO `proj-123.eros.target` ("
                + cols
                + ") SELECT "
                + cols
                + " FROM `proj-123.eros._stg_x`;\n"
                + "COMMIT TRANSACTION;"));
  }

  @Test
  void specsThatCannotBeWrittenAreRejectedUpFront() {
    TableDef t = Tables.CAPTION_BANDIT_STATS;
    assertThat(
        assertThrows(
                IllegalArgumentException.class,
                () -> BigQuerySql.checkSpec(t, WriteSpec.insertIfAbsent("avg_emv")))
            .getMessage(),
        containsString("FLOAT64"));
    assertThrows(
        IllegalArgumentException.class, () -> BigQuerySql.checkSpec(t, WriteSpec.insertIfAbsent()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            BigQuerySql.checkSpec(
                t, WriteSpec.update(List.of("page_name"), List.of(), null, null)));
    assertThrows(
        IllegalArgumentException.class,
        () -> BigQuerySql.checkSpec(t, WriteSpec.replaceWhere("nope")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            BigQuerySql.checkSpec(
                Tables.ACTIVE_CAPTION_ASSIGNMENTS,
                WriteSpec.update(
                    List.of("assignment_key"), List.of("is_active"), "is_active", "yes")));
    assertThrows(
        IllegalArgumentException.class,
        () -> BigQuerySql.commitStatement(t, WriteSpec.append(), T, S));
    BigQuerySql.checkSpec(t, WriteSpec.append());
    BigQuerySql.checkSpec(t, WriteSpec.replaceWhere("page_name"));
  }

  // ------------------------------------------------------------------ names and driver-side
  // statements

  @Test
  void namesAreValidatedBeforeTheyReachSql() {
    assertThat(
        BigQuerySql.tablePath("my-project", "eros_ds", "mass_messages"),
        equalTo("`my-project.eros_ds.mass_messages`"));
    assertThat(
        BigQuerySql.tablePath("example.com:my-project", "d", "t"),
        equalTo("`example.com:my-project.d.t`"));
    assertThrows(
        IllegalArgumentException.class,
        () -> BigQuerySql.tablePath("my-project", "eros`; DROP", "t"));
    assertThrows(
        IllegalArgumentException.class, () -> BigQuerySql.tablePath("my-project", "d", "t.x"));
    assertThrows(
        IllegalArgumentException.class, () -> BigQuerySql.tablePath("My_Project", "d", "t"));
    assertThat(BigQuerySql.truncate(T), equalTo("TRUNCATE TABLE `proj-123.eros.target`"));
  }

  @Test
  void insertValuesRendersEveryRowAndSplitsLongStatements() {
    TableDef t = Tables.LOCK_SWEEP_LOG;
    Row a =
        Row.withSchema(t.schema())
            .addValues("s1", java.time.Instant.EPOCH, 1L, 2L, 3L, 0.5, null, null)
            .build();
    Row b =
        Row.withSchema(t.schema())
            .addValues(
                "s'2", java.time.Instant.ofEpochSecond(1, 7_000), null, null, null, null, 7L, "s1")
            .build();
    List<String> one = BigQuerySql.insertValues(t, T, List.of(a, b), 100_000);
    assertThat(
        one,
        equalTo(
            List.of(
                "INSERT INTO `proj-123.eros.target` (sweep_id, sweep_time, locks_expired_stale, locks_expired_past_date,"
                    + " total_locks_cleaned, sweep_duration_seconds, active_locks_after, recovered_by) VALUES\n"
                    + "('s1', TIMESTAMP '1970-01-01 00:00:00.000000+00', 1, 2, 3, 0.5, NULL, NULL),\n"
                    + "('s\\'2', TIMESTAMP '1970-01-01 00:00:01.000007+00', NULL, NULL, NULL, NULL, 7, 's1')")));

    List<Row> many = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      many.add(a);
    }
    List<String> split = BigQuerySql.insertValues(t, T, many, 1_000);
    assertThat(split, everyItem(Matchers.hasLength(lessThanOrEqualTo(1_000))));
    int tuples = 0;
    for (String s : split) {
      tuples += s.split("\\('s1'", -1).length - 1;
    }
    assertThat(tuples, equalTo(50));
    assertThat(BigQuerySql.insertValues(t, T, List.of(), 1_000), hasSize(0));
  }
}
