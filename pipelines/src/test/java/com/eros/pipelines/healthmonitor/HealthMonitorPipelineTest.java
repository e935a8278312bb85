package com.eros.pipelines.healthmonitor;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.duckdb.DuckDbWarehouse;
import com.eros.duckdb.TempDuckDb;
import com.eros.pipelines.alerts.delivery.ChannelSettings;
import com.eros.pipelines.alerts.delivery.Environment;
import com.eros.pipelines.alerts.delivery.LocalServer;
import com.eros.pipelines.support.Lifecycle;
import com.eros.pipelines.support.TestRuns;
import com.eros.pipelines.support.UsageException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on DuckDB: the tables hold what the other pipelines would have written up to the last
 * sweep S ({@link HealthFixture#base()}); then the sweep stops. The monitor at S + 3 h raises
 * lock_sweep_not_run once, delivers it to Slack (a local server) and records the outcome; at S +
 * 3.5 h the cooldown suppresses it.
 */
class HealthMonitorPipelineTest {
  static final Instant LAST_SWEEP = HealthFixture.LAST_SWEEP;
  @TempDir Path dir;
  TempDuckDb db;
  DuckDbWarehouse wh;
  LocalServer slack;

  @BeforeEach
  void seed() throws Exception {
    db = new TempDuckDb(dir);
    wh = db.warehouse();
    slack = new LocalServer();
    HealthFixture.seed(wh, HealthFixture.base());
  }

  @AfterEach
  void close() {
    slack.close();
    db.close();
  }

  Environment env() {
    Map<String, String> m =
        Map.of(ChannelSettings.ENV_SLACK, slack.url() + "/services/T0/B0/e2eSecretToken");
    return m::get;
  }

  int monitor(Instant now, String jobId, PrintStream out) {
    HealthMonitorOptions o =
        TestRuns.options(
            HealthMonitorOptions.class,
            "--warehouse=" + wh.spec(),
            "--now=" + now,
            "--jobId=" + jobId,
            "--deliveryAttempts=2");
    return Lifecycle.run(new HealthMonitorPipeline(env()), o, out).exitCode();
  }

  List<Row> alerts() {
    return wh.query(Tables.AUTOMATION_ALERTS, ReadSpec.all());
  }

  @Test
  void lockSweepNotRunFiresOnceAcrossTwoRunsAndIsDeliveredAndRecorded() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    Instant first = LAST_SWEEP.plus(Duration.ofHours(3));
    assertThat(monitor(first, "hm-1", out), equalTo(0));

    List<Row> alerts = alerts();
    assertThat(alerts, hasSize(1));
    Row a = alerts.get(0);
    assertThat(a.getString("alert_source"), equalTo("lock_sweep_not_run"));
    assertThat(a.getString("alert_level"), equalTo("WARNING"));
    assertThat(a.getString("alert_message"), equalTo("last lock sweep 3 h ago; threshold > 2 h"));
    assertThat(a.getString("job_id"), equalTo("hm-1"));
    assertThat(a.getBoolean("acknowledged"), equalTo(false));
    assertThat(a.getString("delivery_status"), equalTo("DELIVERED"));
    assertThat(
        a.getString("delivery_detail"),
        equalTo(
            "slack: delivered (HTTP 200, 1 attempt); "
                + "google_chat: not configured (set EROS_GOOGLE_CHAT_WEBHOOK_URL or --googleChatWebhookSecret)"));
    assertThat(Timestamps.get(a, "delivered_at"), equalTo(first));
    assertThat(Timestamps.get(a, "alert_time"), equalTo(first));
    List<LocalServer.Request> posts = slack.requests("/services/T0/B0/e2eSecretToken");
    assertThat(posts, hasSize(1));
    assertThat(
        new ObjectMapper().readTree(posts.get(0).body()).get("text").asText(),
        containsString("*WARNING* `lock_sweep_not_run`: last lock sweep 3 h ago; threshold > 2 h"));

    Instant second = first.plus(Duration.ofMinutes(30));
    assertThat(monitor(second, "hm-2", out), equalTo(0));
    assertThat("suppressed by the 6 h cooldown: still one alert", alerts(), hasSize(1));
    assertThat(slack.requests(), hasSize(1));

    List<Row> runs =
        wh.query(
            Tables.ETL_JOB_RUNS, ReadSpec.all().where(Filter.eq("job_name", "health_monitor")));
    assertThat(runs, hasSize(2));
    for (Row r : runs) {
      assertThat(r.getString("job_status"), equalTo("SUCCESS"));
      assertThat(r.getString("error_message"), equalTo(null));
      assertThat(
          "job rows, sweeps, locks and queue rows were read",
          r.getInt64("rows_read") > 30,
          equalTo(true));
    }
    String printed = buf.toString(StandardCharsets.UTF_8);
    System.out.print(printed);
    assertThat(printed, containsString("FIRED      lock_sweep_not_run"));
    assertThat(
        printed,
        containsString(
            "-> DELIVERED: slack: delivered (HTTP 200, 1 attempt); google_chat: not configured"));
    assertThat(printed, containsString("SUPPRESSED lock_sweep_not_run"));
    assertThat(
        printed, containsString("9 rules evaluated: 8 healthy, 0 fired, 1 suppressed by cooldown"));
    assertThat(printed, containsString("slack: environment variable EROS_SLACK_WEBHOOK_URL"));
    assertThat(
        "the webhook URL is never printed", printed.contains("e2eSecretToken"), equalTo(false));

    // the scorecard on the same tables at the first run's time: only the sweep check fails
    List<Scorecard.Check> checks = Scorecard.measure(wh, first);
    assertThat(
        checks.stream().map(Scorecard.Check::ok).toList(),
        equalTo(List.of(true, true, false, true, true, true)));
    assertThat(checks.get(2).measured(), equalTo("last sweep 3 h ago"));
    assertThat(checks.get(3).measured(), equalTo("30 active"));
  }

  @Test
  void aBadRulesFileStopsTheRunBeforeAnythingIsReadOrWritten() throws Exception {
    Path rules = dir.resolve("rules.yaml");
    Files.writeString(rules, "rules:\n  - name: lock_sweep_not_run\n    threshold: 2\n");
    UsageException e =
        assertThrows(
            UsageException.class,
            () ->
                Lifecycle.runArgs(
                    new HealthMonitorPipeline(env()),
                    new String[] {
                      "--warehouse=" + wh.spec(), "--rules=" + rules, "--now=2026-11-29T15:00:00Z"
                    },
                    System.out));
    assertThat(
        e.getMessage(),
        containsString(rules + ", line 3: the threshold of rule lock_sweep_not_run is a duration"));
    assertThat(
        wh.query(
            Tables.ETL_JOB_RUNS, ReadSpec.all().where(Filter.eq("job_name", "health_monitor"))),
        hasSize(0));
    UsageException badNow =
        assertThrows(
            UsageException.class,
            () ->
                Lifecycle.runArgs(
                    new HealthMonitorPipeline(env()),
                    new String[] {"--warehouse=" + wh.spec(), "--now=yesterday"},
                    System.out));
    assertThat(badNow.getMessage(), containsString("--now=yesterday is not an ISO-8601 instant"));
    UsageException badSecret =
        assertThrows(
            UsageException.class,
            () ->
                Lifecycle.runArgs(
                    new HealthMonitorPipeline(env()),
                    new String[] {"--warehouse=" + wh.spec(), "--slackWebhookSecret=slack"},
                    System.out));
    assertThat(badSecret.getMessage(), containsString("is not a Secret Manager resource name"));
    assertThat(alerts(), hasSize(0));
  }
}
