package com.eros.pipelines.locksweep;

import static com.eros.pipelines.locksweep.TestLocks.lock;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.duckdb.DuckDbWarehouse;
import com.eros.duckdb.TempDuckDb;
import com.eros.pipelines.alerts.delivery.ChannelSettings;
import com.eros.pipelines.alerts.delivery.LocalServer;
import com.eros.pipelines.support.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock sweep's alerts are delivered like the health monitor's: to the channels of their level
 * (a local server for Slack and Google Chat), outcome recorded on the row, and a later sweep within
 * the cooldown records its alert without sending it again.
 */
class LockSweepAlertDeliveryTest {
  static final Instant NOW = Instant.parse("2026-11-29T20:00:00Z");
  static final String SLACK = "/services/T0/B0/sWeEpToKeN";
  static final String CHAT = "/v1/spaces/S/messages";

  @TempDir Path dir;
  TempDuckDb db;
  DuckDbWarehouse wh;
  LocalServer server;

  @BeforeEach
  void open() throws Exception {
    db = new TempDuckDb(dir);
    wh = db.warehouse();
    server = new LocalServer();
    // 2 locks past their send date (released) and 4 that stay active: bloat WARNING above 3
    List<Row> locks = new ArrayList<>();
    locks.add(lock(1).send("2026-11-28", 21L).assigned("2026-11-20T10:00:00Z").build());
    locks.add(lock(2).send("2026-11-27", 9L).assigned("2026-11-20T10:00:00Z").build());
    for (long id = 10; id < 14; id++) {
      locks.add(lock(id).send("2026-12-05", 10L).assigned("2026-11-28T00:00:00Z").build());
    }
    wh.insertNow(Tables.ACTIVE_CAPTION_ASSIGNMENTS, locks);
  }

  @AfterEach
  void close() {
    server.close();
    db.close();
  }

  String sweep(String jobId, Instant now, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--warehouse=" + wh.spec(),
                "--jobId=" + jobId,
                "--now=" + now,
                "--bloatWarning=3",
                "--deliveryAttempts=2"));
    args.addAll(List.of(more));
    LockSweepOptions o = TestRuns.options(LockSweepOptions.class, args.toArray(new String[0]));
    Map<String, String> env =
        Map.of(
            ChannelSettings.ENV_SLACK,
            server.url() + SLACK,
            ChannelSettings.ENV_GOOGLE_CHAT,
            server.url() + CHAT + "?token=cHaTtOkEn");
    StringBuilder out = new StringBuilder();
    assertThat(TestRuns.run(new LockSweepPipeline(env::get), o, out).exitCode(), is(0));
    return out.toString();
  }

  Row alert(String rule, String jobId) {
    List<Row> rows =
        wh.query(
            Tables.AUTOMATION_ALERTS,
            ReadSpec.all().where(Filter.eq("alert_id", SweepAlerts.alertId(jobId, rule))));
    assertThat(rule + " of " + jobId, rows, hasSize(1));
    return rows.get(0);
  }

  @Test
  void aSweepDeliversItsAlertAndASecondSweepWithinTheCooldownDoesNot() {
    String out = sweep("sweep-1", NOW);
    Row bloat = alert(SweepAlerts.BLOAT, "sweep-1");
    assertThat(bloat.getString("alert_level"), is("WARNING"));
    assertThat(bloat.getString("delivery_status"), is("DELIVERED"));
    assertThat(
        "WARNING goes to the chat channels",
        bloat.getString("delivery_detail"),
        is("slack: delivered (HTTP 200, 1 attempt); google_chat: delivered (HTTP 200, 1 attempt)"));
    assertThat(
        Timestamps.get(bloat, "delivered_at"), is(NOW)); // stamped by the run's clock (--now)
    assertThat(server.requests(SLACK), hasSize(1));
    assertThat(server.requests(CHAT), hasSize(1));
    assertThat(
        server.requests(SLACK).get(0).body(), containsString("lock_cleanup/lock_table_bloat"));
    assertThat(
        server.requests(CHAT).get(0).body(), containsString("4 active locks after the sweep"));
    assertThat(out, containsString("-> DELIVERED: slack: delivered (HTTP 200, 1 attempt)"));
    assertThat(
        "the run's job row still comes last",
        wh.query(Tables.ETL_JOB_RUNS, ReadSpec.all()),
        hasSize(1));

    // an hour later the table is still bloated: the row is written (the run's record), not sent
    sweep("sweep-2", NOW.plus(Duration.ofHours(1)));
    Row again = alert(SweepAlerts.BLOAT, "sweep-2");
    assertThat(again.getString("delivery_status"), is("SUPPRESSED"));
    assertThat(
        again.getString("delivery_detail"),
        is(
            "cooldown: WARNING alert lock_cleanup:lock_table_bloat:sweep-1 of the "
                + "same kind was delivered 1 h before (2026-11-29T20:00:00Z), within the 12 h cooldown; not sent again"));
    assertThat(server.requests(), hasSize(2));

    // worse two hours later: an escalation to CRITICAL is sent at once, to every configured channel
    sweep("sweep-3", NOW.plus(Duration.ofHours(2)), "--bloatCritical=3");
    Row critical = alert(SweepAlerts.BLOAT, "sweep-3");
    assertThat(critical.getString("alert_level"), is("CRITICAL"));
    assertThat(critical.getString("delivery_status"), is("DELIVERED"));
    assertThat(critical.getString("delivery_detail"), containsString("slack: delivered"));
    assertThat(critical.getString("delivery_detail"), containsString("pagerduty: not configured"));
    assertThat(server.requests(), hasSize(4));

    // 13 h after the first: its cooldown is over, but the CRITICAL one 11 h ago still covers a
    // WARNING
    sweep("sweep-4", NOW.plus(Duration.ofHours(13)));
    assertThat(
        alert(SweepAlerts.BLOAT, "sweep-4").getString("delivery_detail"),
        containsString(
            "CRITICAL alert lock_cleanup:lock_table_bloat:sweep-3 of the same kind was delivered 11 h before"));
    assertThat(server.requests(), hasSize(4));
  }

  @Test
  void theCooldownComesFromTheRulesFile() throws Exception {
    Path rules = dir.resolve("rules.yaml");
    Files.writeString(
        rules,
        "version: 1\npipeline_alerts:\n  - source: lock_cleanup\n    cooldown: 30m\n"
            + "    channels: {WARNING: [slack]}\n");
    sweep("sweep-1", NOW, "--rules=" + rules);
    sweep("sweep-2", NOW.plus(Duration.ofHours(1)), "--rules=" + rules);
    assertThat(
        alert(SweepAlerts.BLOAT, "sweep-1").getString("delivery_detail"),
        is("slack: delivered (HTTP 200, 1 attempt)"));
    assertThat(alert(SweepAlerts.BLOAT, "sweep-2").getString("delivery_status"), is("DELIVERED"));
    assertThat("routed to Slack only, twice", server.requests(SLACK), hasSize(2));
    assertThat(server.requests(CHAT), hasSize(0));
  }
}
