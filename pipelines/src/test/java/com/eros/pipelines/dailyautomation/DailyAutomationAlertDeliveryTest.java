package com.eros.pipelines.dailyautomation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.table.Tables;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.duckdb.DuckDbWarehouse;
import com.eros.duckdb.TempDuckDb;
import com.eros.pipelines.alerts.delivery.ChannelSettings;
import com.eros.pipelines.alerts.delivery.Environment;
import com.eros.pipelines.alerts.delivery.LocalServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily run's alerts are delivered like the health monitor's (here to Slack on a local server)
 * with the outcome on the row; a re-run within the daily_automation cooldown records its alerts
 * without sending them again.
 */
class DailyAutomationAlertDeliveryTest {
  static final Instant NOW = CircuitBreakerPipelineTest.NOW;
  static final String SLACK = "/services/T0/B0/dAiLyToKeN";

  @TempDir Path dir;
  TempDuckDb db;
  DuckDbWarehouse wh;
  LocalServer slack;

  @BeforeEach
  void setUp() throws Exception {
    db = new TempDuckDb(dir);
    wh = db.warehouse();
    slack = new LocalServer();
    Fixture f = new Fixture(wh);
    for (int i = 1; i <= 4; i++) {
      String page = String.format("p%02d", i);
      f.messages(page, CircuitBreakerPipelineTest.D, 3).caption(100 + i, page, true);
    }
    f.write();
  }

  @AfterEach
  void tearDown() {
    slack.close();
    db.close();
  }

  Environment slackOnly() {
    Map<String, String> env = Map.of(ChannelSettings.ENV_SLACK, slack.url() + SLACK);
    return env::get;
  }

  void run(String jobId, Instant now) {
    DailyAutomationConfig cfg =
        new DailyAutomationConfig(
            CircuitBreakerPipelineTest.D, now, 80, 5, 7, 30, 90, 7, 1000, 5000, 10000);
    DailyAutomationPipelineTest.run(
        wh, cfg, jobId, CircuitBreakerPipelineTest.failingFor(Set.of("p02")), slackOnly());
  }

  Row alert(String jobId, String kind) {
    List<Row> rows =
        wh.query(
            Tables.AUTOMATION_ALERTS,
            ReadSpec.all().where(Filter.eq("alert_id", OutputRows.alertId(jobId, kind))));
    assertThat(kind + " of " + jobId, rows, hasSize(1));
    return rows.get(0);
  }

  @Test
  void theRunsAlertsAreDeliveredAndARerunWithinTheCooldownIsNotSentAgain() {
    run("run-1", NOW);
    // 1 of 4 creators failed: COMPLETED_WITH_ERRORS and a failure rate of 25 % (> 10 %), both
    // WARNING
    assertThat(
        Fixture.alerts(wh, "run-1"),
        is(List.of("WARNING completed_with_errors", "WARNING high_failure_rate")));
    for (String kind : List.of("completed_with_errors", "high_failure_rate")) {
      Row a = alert("run-1", kind);
      assertThat(kind, a.getString("delivery_status"), is("DELIVERED"));
      assertThat(
          kind,
          a.getString("delivery_detail"),
          is(
              "slack: delivered (HTTP 200, 1 attempt); "
                  + "google_chat: not configured (set EROS_GOOGLE_CHAT_WEBHOOK_URL or --googleChatWebhookSecret)"));
    }
    assertThat(slack.requests(SLACK), hasSize(2));
    assertThat(
        slack.requests(SLACK).get(0).body() + slack.requests(SLACK).get(1).body(),
        containsString("daily_automation/high_failure_rate"));
    assertThat(
        "the job row is written after the alerts are recorded",
        Fixture.jobRow(wh, "run-1").getString("job_status"),
        is("COMPLETED_WITH_ERRORS"));

    run("run-2", NOW.plus(Duration.ofHours(1)));
    for (String kind : List.of("completed_with_errors", "high_failure_rate")) {
      Row a = alert("run-2", kind);
      assertThat(kind, a.getString("delivery_status"), is("SUPPRESSED"));
      assertThat(
          kind,
          a.getString("delivery_detail"),
          containsString(
              "cooldown: WARNING alert "
                  + OutputRows.alertId("run-1", kind)
                  + " of the same kind was delivered"));
    }
    assertThat("nothing sent again", slack.requests(SLACK), hasSize(2));
  }

  @Test
  void theAlertOfARunThatBrokeIsDeliveredToo() {
    // the errors table is a view: the run breaks mid-way (after preflight), outside its own alert
    // step
    wh.execute("DROP TABLE creator_processing_errors");
    wh.execute(
        "CREATE VIEW creator_processing_errors AS SELECT 'j' AS job_id, 'p' AS page_name,"
            + " DATE '2026-11-29' AS execution_date, 'm' AS error_message, TIMESTAMP '2026-11-29 00:00:00' AS error_time");
    DailyAutomationConfig cfg =
        new DailyAutomationConfig(
            CircuitBreakerPipelineTest.D, NOW, 80, 5, 7, 30, 90, 7, 1000, 5000, 10000);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                DailyAutomationPipelineTest.run(
                    wh,
                    cfg,
                    "broken",
                    CircuitBreakerPipelineTest.failingFor(Set.of("p02")),
                    slackOnly()));
    assertThat(
        e.getMessage(), containsString("a FAILED job row and a CRITICAL alert were written"));
    List<Row> rows =
        wh.query(
            Tables.AUTOMATION_ALERTS,
            ReadSpec.all().where(Filter.eq("alert_id", "daily_automation:broken:job_failed")));
    assertThat(rows, hasSize(1));
    Row a = rows.get(0);
    assertThat(a.getString("alert_level"), is("CRITICAL"));
    assertThat(a.getString("delivery_status"), is("DELIVERED"));
    assertThat(
        a.getString("delivery_detail"),
        containsString("slack: delivered (HTTP 200, 1 attempt); pagerduty: not configured"));
    assertThat(slack.requests(SLACK), hasSize(1));
    assertThat(
        slack.requests(SLACK).get(0).body(),
        containsString("daily_automation FAILED (job broken)"));
  }

  @Test
  void kindsAreReadBackFromTheAlertIds() {
    Row a =
        OutputRows.alert(
            new RunReport.Alert("job_failed", "CRITICAL", "m"), "job:with:colons", NOW);
    assertThat(OutputRows.kindOf(a), is("job_failed"));
    Row foreign = Row.fromRow(a).withFieldValue("alert_id", "something-else").build();
    assertThat(OutputRows.kindOf(foreign), is("something-else"));
    assertThat(OutputRows.ALERT_SOURCE, is(com.eros.pipelines.alerts.AlertPolicy.DAILY_AUTOMATION));
  }
}
