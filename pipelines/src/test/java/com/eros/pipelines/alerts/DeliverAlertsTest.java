package com.eros.pipelines.alerts;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.testing.Pipelines;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.duckdb.DuckDbWarehouse;
import com.eros.duckdb.TempDuckDb;
import com.eros.pipelines.alerts.delivery.ChannelSettings;
import com.eros.pipelines.alerts.delivery.LocalServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composite on DuckDB: the row exists before anything is sent, and a retried run records its
 * outcome once.
 */
class DeliverAlertsTest {
  static final Instant AT = Instant.parse("2026-11-29T12:00:00Z");
  static final String SLACK = "/services/T0/B0/cOmPoSiTeToKeN";

  @TempDir Path dir;
  TempDuckDb db;
  DuckDbWarehouse wh;
  LocalServer server;

  @BeforeEach
  void open() throws Exception {
    db = new TempDuckDb(dir);
    wh = db.warehouse();
    wh.ensureTables(List.of(Tables.AUTOMATION_ALERTS));
    server = new LocalServer();
  }

  @AfterEach
  void close() {
    server.close();
    db.close();
  }

  static Row alert(String id) {
    return Row.withSchema(Tables.AUTOMATION_ALERTS.schema())
        .withFieldValue("alert_id", id)
        .withFieldValue("alert_time", AT)
        .withFieldValue("alert_level", "WARNING")
        .withFieldValue("alert_source", "queue_stuck")
        .withFieldValue("alert_message", "oldest PENDING row 30 h; threshold > 24 h")
        .withFieldValue("job_id", "run-1")
        .withFieldValue("acknowledged", false)
        .build();
  }

  void run(String jobId, Row... alerts) {
    Pipeline p = Pipelines.create();
    AlertDelivery delivery =
        TestAlerts.withEnv(
            Map.of(ChannelSettings.ENV_SLACK, server.url() + SLACK), AT.plusSeconds(5));
    p.apply(Create.of(List.of(alerts)).withRowSchema(Tables.AUTOMATION_ALERTS.schema()))
        .apply(new DeliverAlerts(wh, jobId, "alerts", delivery));
    Pipelines.run(p);
  }

  Row stored(String id) {
    List<Row> rows =
        wh.query(Tables.AUTOMATION_ALERTS, ReadSpec.all().where(Filter.eq("alert_id", id)));
    assertThat(rows, hasSize(1));
    return rows.get(0);
  }

  @Test
  void theRowIsWrittenBeforeDeliveryAndTheOutcomeAfter() {
    List<String> seenDuringDelivery = new CopyOnWriteArrayList<>();
    server.onRequest(
        r -> seenDuringDelivery.add(String.valueOf(stored("a-1").getString("delivery_status"))));
    run("run-1", alert("a-1"));
    assertThat(
        "while the channel was being called the row already existed, PENDING",
        seenDuringDelivery,
        equalTo(List.of("PENDING")));
    Row a = stored("a-1");
    assertThat(a.getString("delivery_status"), equalTo("DELIVERED"));
    assertThat(
        a.getString("delivery_detail"),
        equalTo(
            "slack: delivered (HTTP 200, 1 attempt); "
                + "google_chat: not configured (set EROS_GOOGLE_CHAT_WEBHOOK_URL or --googleChatWebhookSecret)"));
    assertThat(Timestamps.get(a, "delivered_at"), equalTo(AT.plusSeconds(5)));
  }

  @Test
  void aRetriedRunMaySendAgainButRecordsTheOutcomeOnce() {
    run("run-1", alert("a-1"));
    assertThat(stored("a-1").getString("delivery_status"), equalTo("DELIVERED"));
    // The same run again (what a retried bundle does): the channel now refuses the message.
    server.answer(SLACK, new LocalServer.Answer(400, "invalid_payload", 0));
    run("run-1", alert("a-1"));
    assertThat("at-least-once toward the channel", server.requests(SLACK), hasSize(2));
    Row a = stored("a-1");
    assertThat(
        "the first recorded outcome stays", a.getString("delivery_status"), equalTo("DELIVERED"));
    assertThat(
        a.getString("delivery_detail"), containsString("slack: delivered (HTTP 200, 1 attempt)"));
    assertThat(wh.query(Tables.AUTOMATION_ALERTS, ReadSpec.all()), hasSize(1));

    // A new run with a new alert records its own (failed) outcome.
    run("run-2", alert("a-2"));
    assertThat(stored("a-2").getString("delivery_status"), equalTo("FAILED"));
    assertThat(
        stored("a-2").getString("delivery_detail"),
        containsString("slack: failed: HTTP 400: invalid_payload, not retried"));
  }
}
