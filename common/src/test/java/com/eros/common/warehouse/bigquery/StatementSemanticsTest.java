package com.eros.common.warehouse.bigquery;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.googlesql.GoogleSqlAnalyzer;
import com.eros.common.googlesql.GoogleSqlEvaluator;
import com.eros.common.googlesql.GoogleSqlRejected;
import com.eros.common.googlesql.TablesCatalog;
import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What BigQuery checks only when a statement runs, checked here on GoogleSQL's evaluator: an UPDATE
 * … FROM or a MERGE must not match one target row with two source rows. The staged rows are
 * therefore reduced to one per key (QUALIFY ROW_NUMBER() … = 1), and that QUALIFY needs a WHERE.
 * Literal types are checked in AdapterSqlTest, the staging expiration in BigQueryWarehouseTest.
 */
@Tag("googlesql")
class StatementSemanticsTest {
  static final TableDef QUEUE = Tables.SCHEDULE_GENERATION_QUEUE;
  static final TableDef LOCKS = Tables.ACTIVE_CAPTION_ASSIGNMENTS;
  static final String STAGING = "_stg_test";
  static final LocalDate D = LocalDate.of(2026, 3, 8);

  private final TablesCatalog catalog =
      TablesCatalog.ofAllTables()
          .addInDataset(STAGING + "_queue", QUEUE)
          .addInDataset(STAGING + "_locks", LOCKS);
  private final GoogleSqlAnalyzer analyzer = new GoogleSqlAnalyzer(catalog);

  static Row queued(String page, LocalDate date, String jobId) {
    return Row.withSchema(QUEUE.schema())
        .withFieldValue("page_name", page)
        .withFieldValue("execution_date", date)
        .withFieldValue("job_id", jobId)
        .withFieldValue("queued_at", java.time.Instant.EPOCH)
        .withFieldValue("status", "PENDING")
        .build();
  }

  static Row lock(String key, String page, Long caption, boolean active, String reason) {
    return Row.withSchema(LOCKS.schema())
        .withFieldValue("assignment_key", key)
        .withFieldValue("page_name", page)
        .withFieldValue("caption_id", caption)
        .withFieldValue("is_active", active)
        .withFieldValue("deactivation_reason", reason)
        .build();
  }

  @Test
  void theDeduplicatedStagingRowsHaveOneRowPerKeyNullKeysIncluded() {
    List<Row> staged =
        List.of(
            queued("a", D, "r2"),
            queued("a", D, "r1"),
            queued("a", D.plusDays(1), "r1"),
            queued("b", D, "r1"),
            queued("b", D, "r1"),
            queued("b", D, "r3"));
    GoogleSqlEvaluator eval =
        new GoogleSqlEvaluator(catalog)
            .withRows(TablesCatalog.fullName(STAGING + "_queue"), staged);
    String dedup =
        BigQuerySql.dedupedStaging(
            QUEUE, TablesCatalog.path(STAGING + "_queue"), List.of("page_name", "execution_date"));

    List<List<Object>> rows =
        eval.query("SELECT page_name, execution_date, job_id FROM (" + dedup + ")", Map.of())
            .rows();
    // one row per key, the first in the order of every column (job_id r1 before r2)
    assertThat(
        rows,
        containsInAnyOrder(
            List.of("a", D, "r1"), List.of("a", D.plusDays(1), "r1"), List.of("b", D, "r1")));

    // NULL keys (a lock without assignment_key) form one group, as IS NOT DISTINCT FROM matches
    // them
    List<Row> locks =
        List.of(
            lock(null, "p", 1L, false, "STALE"),
            lock(null, "p", 1L, false, "PAST_SEND_DATE"),
            lock("k", "p", 2L, false, "STALE"));
    eval.withRows(TablesCatalog.fullName(STAGING + "_locks"), locks);
    String lockDedup =
        BigQuerySql.dedupedStaging(
            LOCKS,
            TablesCatalog.path(STAGING + "_locks"),
            List.of("assignment_key", "page_name", "caption_id"));
    assertThat(
        eval.query("SELECT assignment_key, deactivation_reason FROM (" + lockDedup + ")", Map.of())
            .rows(),
        containsInAnyOrder(java.util.Arrays.asList(null, "PAST_SEND_DATE"), List.of("k", "STALE")));
  }

  @Test
  void anUpdateFromDuplicatedStagedRowsIsRefusedButTheAdaptersUpdateMatchesOnce() {
    List<String> keys = List.of("assignment_key", "page_name", "caption_id");
    List<String> set = List.of("is_active", "deactivation_reason");
    String target = TablesCatalog.path(LOCKS.name());
    String staging = TablesCatalog.path(STAGING + "_locks");
    GoogleSqlEvaluator eval =
        new GoogleSqlEvaluator(catalog)
            .withRows(
                LOCKS,
                List.of(
                    lock("k1", "p", 1L, true, null),
                    lock(null, "p", 2L, true, null),
                    lock("k3", "p", 3L, true, null)))
            .withRows(
                TablesCatalog.fullName(STAGING + "_locks"),
                List.of(
                    lock("k1", "p", 1L, false, "STALE"),
                    lock("k1", "p", 1L, false, "STALE"),
                    lock(null, "p", 2L, false, "PAST_SEND_DATE"),
                    lock(null, "p", 2L, false, "STALE")));

    // what BigQuery refuses at run time: the same statement over the raw staging table
    String naive =
        "UPDATE "
            + target
            + " AS t\nSET is_active = s.is_active, deactivation_reason = s.deactivation_reason\n"
            + "FROM "
            + staging
            + " AS s\nWHERE "
            + BigQuerySql.keyMatch(LOCKS, keys)
            + " AND t.is_active = TRUE";
    GoogleSqlRejected e = assertThrows(GoogleSqlRejected.class, () -> eval.modify(naive, Map.of()));
    assertThat(
        e.googleSqlMessage(),
        startsWith(
            "UPDATE with join requires that each row of the table being updated "
                + "correspond with at most one joined row"));

    List<List<Object>> changed =
        eval.modify(
            BigQuerySql.update(LOCKS, target, staging, keys, set, "is_active", true), Map.of());
    List<String> reasons = new ArrayList<>();
    for (List<Object> row : changed) {
      reasons.add(row.get(0) + ":" + row.get(LOCKS.columnNames().indexOf("deactivation_reason")));
    }
    assertThat(reasons, containsInAnyOrder("k1:STALE", "null:PAST_SEND_DATE"));
  }

  @Test
  void theMergeJoinMatchesEachTargetRowWithAtMostOneSourceRow() {
    // MERGE is analyzed but not executed by the evaluator: its ON join over its USING source is run
    // as a query
    List<String> keys = List.of("page_name", "execution_date");
    String staging = TablesCatalog.path(STAGING + "_queue");
    GoogleSqlEvaluator eval =
        new GoogleSqlEvaluator(catalog)
            .withRows(QUEUE, List.of(queued("a", D, "old"), queued("b", D, "old")))
            .withRows(
                TablesCatalog.fullName(STAGING + "_queue"),
                List.of(
                    queued("a", D, "r1"),
                    queued("a", D, "r2"),
                    queued("c", D, "r1"),
                    queued("c", D, "r1")));
    String merge =
        BigQuerySql.insertIfAbsent(QUEUE, TablesCatalog.path(QUEUE.name()), staging, keys);
    analyzer.analyze(merge);
    String using = BigQuerySql.dedupedStaging(QUEUE, staging, keys);
    assertThat(
        merge.contains("USING (\n  " + using + "\n) AS s\nON " + BigQuerySql.keyMatch(QUEUE, keys)),
        equalTo(true));
    String join =
        "SELECT t.page_name, t.execution_date, COUNT(*) AS matches FROM "
            + TablesCatalog.path(QUEUE.name())
            + " AS t JOIN ("
            + using
            + ") AS s ON "
            + BigQuerySql.keyMatch(QUEUE, keys)
            + " GROUP BY 1, 2";
    assertThat(eval.query(join, Map.of()).rows(), contains(List.of("a", D, 1L)));
    // without the deduplication the same join matches a twice
    String raw = join.replace("(" + using + ")", staging);
    assertThat(eval.query(raw, Map.of()).rows(), contains(List.of("a", D, 2L)));
    // what the MERGE inserts: c once
    String inserts =
        "SELECT s.page_name FROM ("
            + using
            + ") AS s WHERE NOT EXISTS (SELECT 1 FROM "
            + TablesCatalog.path(QUEUE.name())
            + " AS t WHERE "
            + BigQuerySql.keyMatch(QUEUE, keys)
            + ")";
    assertThat(eval.query(inserts, Map.of()).rows(), contains(List.of("c")));
  }

  @Test
  void aQualifyWithoutWhereIsRefusedAndTheAdaptersHasOne() {
    String dedup =
        BigQuerySql.dedupedStaging(
            QUEUE, TablesCatalog.path(STAGING + "_queue"), List.of("page_name"));
    assertThat(dedup, org.hamcrest.Matchers.containsString(" WHERE TRUE\n  QUALIFY "));
    analyzer.analyze(dedup);
    GoogleSqlRejected e =
        assertThrows(
            GoogleSqlRejected.class, () -> analyzer.analyze(dedup.replace(" WHERE TRUE", "")));
    assertThat(
        e.googleSqlMessage(),
        startsWith(
            "QUALIFY clause must be used in conjunction with WHERE or GROUP BY or HAVING clause"));
    assertThat(GoogleSqlAnalyzer.untypedLiterals(analyzer.analyze(dedup)), empty());
  }
}
