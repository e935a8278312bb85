package com.eros.pipelines.healthmonitor;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** sql/health/*.sql: every table and column they name exists in Tables; dates are Los Angeles dates; no project is hard-coded. */
class HealthSqlTest {
  static final Path DIR = Path.of("..", "sql", "health");

  static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
  }

  @Test
  void theGuidesTenQueriesAndTheQuickCheckAreThere() throws IOException {
    List<String> names = files().stream().map(p -> p.getFileName().toString()).toList();
    assertThat(names, contains("00_quick_health_check.sql", "01_daily_automation_status.sql",
        "02_performance_feedback_health.sql", "03_lock_cleanup_efficiency.sql", "04_active_lock_table_status.sql",
        "05_creator_failure_analysis.sql", "06_alerts_summary.sql", "07_system_health_scorecard.sql",
        "08_execution_time_trends.sql", "09_stale_data_detection.sql", "10_queue_status.sql"));
    assertThat(Files.exists(DIR.resolve("README.md")), equalTo(true));
  }

  @Test
  void everyTableAndColumnTheyNameExists() throws IOException {
    for (Path f : files()) {
      String sql = Files.readString(f);
      assertThat(f + " names tables", SqlReferences.tables(sql), not(empty()));
      assertThat(f.toString(), SqlReferences.check(sql), equalTo(List.of()));
    }
  }

  @Test
  void datesAreLosAngelesDatesAndTheDatasetIsAPlaceholder() throws IOException {
    Pattern bareDate = Pattern.compile("\\b(CURRENT_DATE\\(\\s*\\)|DATE\\(\\s*[a-z_.]+\\s*\\))");
    Pattern backticks = Pattern.compile("`([^`]*)`");
    for (Path f : files()) {
      String sql = Files.readString(f);
      Matcher m = bareDate.matcher(sql);
      assertThat(f + ": a date without 'America/Los_Angeles'", m.find() ? m.group() : null, equalTo(null));
      Matcher b = backticks.matcher(sql.replaceAll("--[^\n]*", ""));
      while (b.find()) {
        assertThat(f + ": every table is `${dataset}.name`", b.group(1), containsString("${dataset}."));
      }
      assertThat(f.toString(), sql.contains("of-scheduler-proj"), equalTo(false));
      assertThat(f + " says how to run it", sql, containsString("sed 's/${dataset}/PROJECT.DATASET/g' sql/health/" + f.getFileName()));
    }
  }

  @Test
  void failureRatesAreOverProcessedPlusFailed() throws IOException {
    Pattern processedOnly = Pattern.compile("SAFE_DIVIDE\\([^,]*creators_failed[^,]*,\\s*SUM\\(IFNULL\\(creators_processed, 0\\)\\)\\s*\\)");
    int rates = 0;
    for (Path f : files()) {
      String sql = Files.readString(f).replaceAll("\\s+", " ");
      assertThat(f + ": failed / processed", processedOnly.matcher(sql).find(), equalTo(false));
      int at = sql.indexOf("SAFE_DIVIDE(SUM(IFNULL(creators_failed, 0)),");
      while (at >= 0) {
        rates++;
        assertThat(f.toString(), sql.substring(at, at + 120),
            containsString("SUM(IFNULL(creators_processed, 0)) + SUM(IFNULL(creators_failed, 0))"));
        at = sql.indexOf("SAFE_DIVIDE(SUM(IFNULL(creators_failed, 0)),", at + 1);
      }
    }
    assertThat("01 computes the rate", rates, equalTo(1));
    String scorecard = Files.readString(DIR.resolve("07_system_health_scorecard.sql"));
    assertThat(scorecard, containsString("SAFE_DIVIDE(d.failed, d.processed + d.failed)"));
  }

  // ---------------------------------------------------------------- the checker catches mistakes

  @Test
  void aMisspelledColumnIsCaught() throws IOException {
    String sql = Files.readString(DIR.resolve("01_daily_automation_status.sql"));
    List<String> problems = SqlReferences.check(sql.replace("COUNTIF(job_status = 'FAILED')", "COUNTIF(job_stauts = 'FAILED')"));
    assertThat(problems.size(), equalTo(1));
    assertThat(problems.get(0), containsString("unknown identifier job_stauts"));
    assertThat(problems.get(0), containsString("line 11"));
  }

  @Test
  void aColumnOfAnotherTableIsCaught() throws IOException {
    String sql = Files.readString(DIR.resolve("05_creator_failure_analysis.sql"));
    // job_name exists in etl_job_runs (referenced by this query) but not in creator_processing_errors (alias e)
    List<String> qualified = SqlReferences.check(sql.replace("GROUP BY e.page_name", "GROUP BY e.job_name"));
    assertThat(qualified, hasItem(containsString("e.job_name: table creator_processing_errors has no column job_name")));
    // sweep_time exists, but in lock_sweep_log, which this query does not read
    String bare = Files.readString(DIR.resolve("10_queue_status.sql")).replace("MIN(queued_at)", "MIN(sweep_time)");
    assertThat(SqlReferences.check(bare), hasItem(containsString("unknown identifier sweep_time")));
  }

  @Test
  void misspellingAnyColumnAnywhereIsCaught() throws IOException {
    int mutations = 0;
    for (Path f : files()) {
      String sql = Files.readString(f).replaceAll("--[^\n]*", "");
      for (String table : SqlReferences.tables(sql)) {
        for (String col : com.eros.common.table.Tables.byName(table).columnNames()) {
          // every use of the column (not its reuse as an alias name after AS) gets a typo
          Pattern use = Pattern.compile("(?<!AS )(?<![A-Za-z0-9_$])" + col + "(?![A-Za-z0-9_])");
          // only code: the even pieces between single quotes (odd ones are string literals)
          String[] pieces = sql.split("'", -1);
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
          String mutated = String.join("'", pieces);
          assertThat(f + ": " + col + " misspelled", SqlReferences.check(mutated), hasItem(containsString(col + "_typo")));
        }
      }
    }
    assertThat("columns exercised across the files", mutations > 60, equalTo(true));
  }

  @Test
  void anUnknownTableOrAliasIsCaught() throws IOException {
    String sql = Files.readString(DIR.resolve("06_alerts_summary.sql"));
    assertThat(SqlReferences.check(sql.replace("${dataset}.automation_alerts", "${dataset}.alerts")),
        hasItem(containsString("unknown table alerts")));
    String aliased = Files.readString(DIR.resolve("09_stale_data_detection.sql")).replace("a.messages_30d DESC", "x.messages_30d DESC");
    assertThat(SqlReferences.check(aliased), hasItem(containsString("unknown table alias x")));
    List<String> derived = SqlReferences.check(
        Files.readString(DIR.resolve("09_stale_data_detection.sql")).replace("s.last_caption_send,", "s.last_caption_sent,"));
    assertThat(derived, hasItem(containsString("s.last_caption_sent: no such column or alias")));
  }

  @Test
  void theCheckerAcceptsAliasesCtesAndFunctions() {
    String sql = """
        WITH recent AS (SELECT job_name, COUNT(*) AS runs FROM `${dataset}.etl_job_runs` AS r
                        WHERE r.job_start_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 1 DAY) GROUP BY job_name)
        SELECT x.job_name, x.runs, CAST(x.runs AS FLOAT64) AS f, (SELECT MAX(sweep_time) FROM `${dataset}.lock_sweep_log`) AS s
        FROM recent AS x -- job_stauts in a comment is ignored, and so is 'job_stauts' in a string
        ORDER BY runs
        """;
    assertThat(SqlReferences.check(sql), equalTo(new ArrayList<String>()));
  }
}
