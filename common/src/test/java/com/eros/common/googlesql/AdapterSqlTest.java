package com.eros.common.googlesql;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.table.Column;
import com.eros.common.table.ColumnType;
import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.WriteSpec;
import com.eros.common.warehouse.bigquery.BigQueryJobs;
import com.eros.common.warehouse.bigquery.BigQuerySql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every kind of statement the BigQuery adapter renders, for every table and column type, analyzed
 * by GoogleSQL with its literals checked for types. Which (table, spec) pairs the pipelines use is
 * checked in the pipelines module (PipelineStatementsTest); here the renderer itself is exercised.
 */
@Tag("googlesql")
class AdapterSqlTest {
  private final TablesCatalog catalog = TablesCatalog.ofAllTables();
  private final GoogleSqlAnalyzer analyzer = new GoogleSqlAnalyzer(catalog);

  @Test
  void insertValuesOfEveryTableWithAwkwardValuesAnalyzes() {
    for (TableDef t : Tables.ALL) {
      List<String> statements =
          BigQuerySql.insertValues(t, TablesCatalog.path(t.name()), SampleValues.rows(t), 900_000);
      assertThat(statements.size(), equalTo(1));
      analyzer.analyzeTyped(statements.get(0));
    }
  }

  @Test
  void truncateAndTheStagingExpirationAnalyze() {
    for (TableDef t : Tables.ALL) {
      analyzer.analyzeTyped(BigQuerySql.truncate(TablesCatalog.path(t.name())));
      analyzer.analyzeTyped(
          BigQuerySql.expireTable(TablesCatalog.path(t.name()), BigQueryJobs.STAGING_TTL));
    }
  }

  @Test
  void everyFilterOnEveryColumnAnalyzesAsARowRestriction() {
    int restrictions = 0;
    for (TableDef t : Tables.ALL) {
      for (Column c : t.columns()) {
        List<Filter> filters = new ArrayList<>();
        filters.add(Filter.isNull(c.name()));
        for (Object v : SampleValues.of(c.type())) {
          Object value = filterValue(c.type(), v);
          if (value == null) {
            continue;
          }
          filters.add(Filter.eq(c.name(), value));
          filters.add(Filter.atLeast(c.name(), value));
          filters.add(Filter.below(c.name(), value));
          filters.add(new Filter.Range(c.name(), value, value, true));
        }
        // every filter of the column ANDed into one restriction (one analysis per column keeps this
        // fast)
        ReadSpec spec = ReadSpec.columns(c.name());
        for (Filter f : filters) {
          spec = spec.where(f);
          restrictions++;
        }
        analyzer.analyzeTyped(AdapterStatements.select(t, spec));
      }
    }
    assertThat(restrictions, greaterThan(500));
  }

  /**
   * Filter values are Long, String, Boolean, Instant or LocalDate (FLOAT64 columns take Long
   * values).
   */
  private static Object filterValue(ColumnType type, Object v) {
    return switch (type) {
      case FLOAT64 ->
          v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)
              ? (long) (double) d
              : null;
      default -> v;
    };
  }

  @Test
  void everyWriteModeOnEveryTableAnalyzes() {
    int statements = 0;
    for (TableDef t : Tables.ALL) {
      List<String> keys = new ArrayList<>();
      for (Column c : t.columns()) {
        if (c.type() != ColumnType.FLOAT64 && keys.size() < 3) {
          keys.add(c.name());
        }
      }
      List<String> others = t.columnNames().stream().filter(c -> !keys.contains(c)).toList();
      List<WriteSpec> specs = new ArrayList<>();
      specs.add(WriteSpec.insertIfAbsent(keys.toArray(String[]::new)));
      specs.add(WriteSpec.replaceWhere(keys.get(0)));
      for (Column g : t.columns()) {
        Object guard = g.type() == ColumnType.FLOAT64 ? 1.5 : SampleValues.of(g.type()).get(0);
        specs.add(WriteSpec.update(keys, others, g.name(), guard));
      }
      specs.add(WriteSpec.update(keys, others, others.get(0), null));
      specs.add(WriteSpec.replace()); // staged only when gated (the shrink guard's write)
      for (WriteSpec spec : specs) {
        for (boolean gated : new boolean[] {false, true}) {
          for (String sql : AdapterStatements.write(t, spec, "run-1", "w", gated, catalog)) {
            analyzer.analyzeTyped(sql);
            statements++;
          }
        }
      }
    }
    assertThat(statements, greaterThan(200));
  }

  // ---------------------------------------------------------------- a broken statement fails with
  // GoogleSQL's message

  /**
   * etl_job_runs as a definition that has drifted from the tables: one column renamed, one retyped.
   */
  private static TableDef drifted(String rename, String to, String retype, ColumnType as) {
    TableDef.Builder b = TableDef.builder("etl_job_runs");
    for (Column c : Tables.ETL_JOB_RUNS.columns()) {
      String name = c.name().equals(rename) ? to : c.name();
      ColumnType type = c.name().equals(retype) ? as : c.type();
      if (c.required()) {
        b.required(name, type, c.description());
      } else {
        b.nullable(name, type, c.description());
      }
    }
    return b.build();
  }

  @Test
  void aWrongColumnNameFailsWithGoogleSqlsMessage() {
    TableDef typo = drifted("job_status", "job_stauts", "", null);
    GoogleSqlRejected read =
        assertThrows(
            GoogleSqlRejected.class,
            () ->
                analyzer.analyze(
                    AdapterStatements.select(
                        typo,
                        ReadSpec.columns("job_id").where(Filter.eq("job_stauts", "FAILED")))));
    assertThat(
        read.googleSqlMessage(),
        equalTo("Unrecognized name: job_stauts; Did you mean job_status? [at 1:61]"));
    assertThat(
        read.getMessage(),
        startsWith(
            "Unrecognized name: job_stauts; Did you mean job_status? [at 1:61]\n   1 | SELECT job_id FROM "));

    GoogleSqlRejected insert =
        assertThrows(
            GoogleSqlRejected.class,
            () ->
                analyzer.analyze(
                    BigQuerySql.insertValues(
                            typo,
                            TablesCatalog.path("etl_job_runs"),
                            SampleValues.rows(typo),
                            900_000)
                        .get(0)));
    assertThat(insert.googleSqlMessage(), containsString("job_stauts"));

    GoogleSqlRejected merge =
        assertThrows(
            GoogleSqlRejected.class,
            () -> {
              for (String sql :
                  AdapterStatements.write(
                      typo, WriteSpec.insertIfAbsent("job_id"), "run-2", "jobs", false, catalog)) {
                analyzer.analyze(sql);
              }
            });
    assertThat(merge.googleSqlMessage(), containsString("job_stauts"));
  }

  @Test
  void aTypeMismatchFailsWithGoogleSqlsMessage() {
    // the definition says rows_read is a STRING; the table has INT64
    TableDef retyped = drifted("", "", "rows_read", ColumnType.STRING);
    GoogleSqlRejected e =
        assertThrows(
            GoogleSqlRejected.class,
            () ->
                analyzer.analyze(
                    AdapterStatements.select(
                        retyped, ReadSpec.columns("job_id").where(Filter.eq("rows_read", "12")))));
    assertThat(
        e.googleSqlMessage(),
        startsWith("No matching signature for operator = for argument types: INT64, STRING"));

    // a guard of the wrong type in an UPDATE … FROM
    TableDef guard = drifted("", "", "job_status", ColumnType.BOOL);
    GoogleSqlRejected update =
        assertThrows(
            GoogleSqlRejected.class,
            () -> {
              for (String sql :
                  AdapterStatements.write(
                      guard,
                      WriteSpec.update(
                          List.of("job_id"), List.of("job_end_time"), "job_status", true),
                      "run-3",
                      "jobs",
                      false,
                      catalog)) {
                analyzer.analyze(sql);
              }
            });
    assertThat(
        update.googleSqlMessage(),
        startsWith("No matching signature for operator = for argument types: STRING, BOOL"));
  }

  @Test
  void anUntypedLiteralIsCaught() {
    String table = TablesCatalog.path("mass_messages");
    assertThat(
        GoogleSqlAnalyzer.untypedLiterals(
            analyzer.analyze(
                "SELECT message_id FROM "
                    + table
                    + " WHERE sending_time >= '2026-01-01 00:00:00+00'")),
        equalTo(
            List.of("TYPE_TIMESTAMP literal without its type written (coerced from its context)")));
    assertThat(
        GoogleSqlAnalyzer.untypedLiterals(
            analyzer.analyze("SELECT message_id FROM " + table + " WHERE price = 2")),
        equalTo(
            List.of("TYPE_DOUBLE literal without its type written (coerced from its context)")));
    assertThrows(
        AssertionError.class,
        () ->
            analyzer.analyzeTyped(
                "SELECT message_id FROM " + table + " WHERE sending_time < '2026-01-01'"));
    // the adapter's rendering of the same predicates is typed
    analyzer.analyzeTyped(
        AdapterStatements.select(
            Tables.MASS_MESSAGES,
            ReadSpec.columns("message_id")
                .where(Filter.atLeast("sending_time", Instant.parse("2026-01-01T00:00:00Z")))
                .where(Filter.eq("price", 2L))));
  }
}
