package com.eros.pipelines.healthmonitor;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * sql/health/*.sql: the files are there, dates are Los Angeles dates, no project is hard-coded,
 * failure rates are over processed + failed. That every table and column they name exists, with the
 * right types, is GoogleSQL's analysis in {@link HealthSqlGoogleSqlTest}, which also runs them.
 */
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
    assertThat(
        names,
        contains(
            "00_quick_health_check.sql",
            "01_daily_automation_status.sql",
            "02_performance_feedback_health.sql",
            "03_lock_cleanup_efficiency.sql",
            "04_active_lock_table_status.sql",
            "05_creator_failure_analysis.sql",
            "06_alerts_summary.sql",
            "07_system_health_scorecard.sql",
            "08_execution_time_trends.sql",
            "09_stale_data_detection.sql",
            "10_queue_status.sql"));
    assertThat(Files.exists(DIR.resolve("README.md")), equalTo(true));
  }

  @Test
  void datesAreLosAngelesDatesAndTheDatasetIsAPlaceholder() throws IOException {
    Pattern bareDate = Pattern.compile("\\b(CURRENT_DATE\\(\\s*\\)|DATE\\(\\s*[a-z_.]+\\s*\\))");
    Pattern backticks = Pattern.compile("`([^`]*)`");
    for (Path f : files()) {
      String sql = Files.readString(f);
      Matcher m = bareDate.matcher(sql);
      assertThat(
          f + ": a date without 'America/Los_Angeles'", m.find() ? m.group() : null, equalTo(null));
      Matcher b = backticks.matcher(sql.replaceAll("--[^\n]*", ""));
      while (b.find()) {
        assertThat(
            f + ": every table is `${dataset}.name`", b.group(1), containsString("${dataset}."));
      }
      assertThat(f.toString(), sql.contains("of-scheduler-proj"), equalTo(false));
      assertThat(
          f + " says how to run it",
          sql,
          containsString("sed 's/${dataset}/PROJECT.DATASET/g' sql/health/" + f.getFileName()));
    }
  }

  @Test
  void failureRatesAreOverProcessedPlusFailed() throws IOException {
    Pattern processedOnly =
        Pattern.compile(
            "SAFE_DIVIDE\\([^,]*creators_failed[^,]*,\\s*SUM\\(IFNULL\\(creators_processed, 0\\)\\)\\s*\\)");
    int rates = 0;
    for (Path f : files()) {
      String sql = Files.readString(f).replaceAll("\\s+", " ");
      assertThat(f + ": failed / processed", processedOnly.matcher(sql).find(), equalTo(false));
      int at = sql.indexOf("SAFE_DIVIDE(SUM(IFNULL(creators_failed, 0)),");
      while (at >= 0) {
        rates++;
        assertThat(
            f.toString(),
            sql.substring(at, at + 120),
            containsString("SUM(IFNULL(creators_processed, 0)) + SUM(IFNULL(creators_failed, 0))"));
        at = sql.indexOf("SAFE_DIVIDE(SUM(IFNULL(creators_failed, 0)),", at + 1);
      }
    }
    assertThat("01 computes the rate", rates, equalTo(1));
    String scorecard = Files.readString(DIR.resolve("07_system_health_scorecard.sql"));
    assertThat(scorecard, containsString("SAFE_DIVIDE(d.failed, d.processed + d.failed)"));
  }
}
