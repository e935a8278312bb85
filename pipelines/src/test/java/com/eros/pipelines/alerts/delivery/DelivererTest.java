package com.eros.pipelines.alerts.delivery;

import static com.eros.pipelines.alerts.TestAlerts.retrying;
import static com.eros.pipelines.alerts.TestAlerts.timingOut;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.eros.pipelines.alerts.Channel;
import com.eros.pipelines.alerts.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery to Slack, PagerDuty and a webhook, against a local server: shapes, retries, timeouts,
 * redaction.
 */
class DelivererTest {
  static final String SLACK_TOKEN = "XoXbSeCrEtSlAcKtOkEn1234";
  static final String PD_KEY = "R0UTINGKEYR0UTINGKEYR0UTINGKEY12";
  static final String HOOK_TOKEN = "hOoKsEcReT9876";
  static final AlertNotice CRITICAL =
      new AlertNotice(
          "a-1",
          "lock_table_bloat",
          Level.CRITICAL,
          "10001 active locks; threshold CRITICAL > 10000",
          Instant.parse("2026-11-29T20:00:00Z"),
          "job-7");
  static final ObjectMapper JSON = new ObjectMapper();

  LocalServer server;
  Map<String, String> env;

  @BeforeEach
  void start() throws IOException {
    server = new LocalServer();
    env =
        Map.of(
            ChannelSettings.ENV_SLACK, server.url() + "/services/T0/B0/" + SLACK_TOKEN,
            ChannelSettings.ENV_PAGERDUTY, PD_KEY,
            ChannelSettings.ENV_WEBHOOK, server.url() + "/hook?token=" + HOOK_TOKEN);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Deliverer deliverer(RetryPolicy policy) {
    ChannelSettings settings = ChannelSettings.webhooks(server.url() + "/v2/enqueue", policy);
    Map<String, String> e = env;
    return new Deliverer(
        settings.resolve(
            e::get,
            () -> {
              throw new AssertionError("no secret names are set: Secret Manager must not be used");
            }),
        new HttpPoster(policy));
  }

  static String slackPath() {
    return "/services/T0/B0/" + SLACK_TOKEN;
  }

  @Test
  void aCriticalAlertReachesEveryChannelInItsShape() throws IOException {
    DeliveryReport r = deliverer(retrying(3)).deliver(CRITICAL, List.of(Channel.values()));
    assertThat(r.detail(), r.status(), equalTo(DeliveryReport.DELIVERED));
    assertThat(
        r.detail(),
        equalTo(
            "slack: delivered (HTTP 200, 1 attempt); pagerduty: delivered (HTTP 200, 1 attempt); "
                + "webhook: delivered (HTTP 200, 1 attempt); "
                + "google_chat: not configured (set EROS_GOOGLE_CHAT_WEBHOOK_URL or --googleChatWebhookSecret); "
                + "email: not configured (set --mailTo, --mailFrom and --smtpHost)"));

    LocalServer.Request slack = server.requests(slackPath()).get(0);
    assertThat(slack.method(), equalTo("POST"));
    assertThat(slack.headers().get("Content-type").get(0), containsString("application/json"));
    JsonNode s = JSON.readTree(slack.body());
    assertThat(
        s.get("text").asText(),
        containsString(
            "*CRITICAL* `lock_table_bloat`: 10001 active locks; threshold CRITICAL > 10000"));

    JsonNode pd = JSON.readTree(server.requests("/v2/enqueue").get(0).body());
    assertThat(pd.get("routing_key").asText(), equalTo(PD_KEY));
    assertThat(pd.get("event_action").asText(), equalTo("trigger"));
    assertThat(pd.get("dedup_key").asText(), equalTo("lock_table_bloat"));
    assertThat(pd.at("/payload/severity").asText(), equalTo("critical"));
    assertThat(pd.at("/payload/source").asText(), equalTo("eros-automation"));
    assertThat(
        pd.at("/payload/summary").asText(),
        equalTo("[CRITICAL] lock_table_bloat: 10001 active locks; threshold CRITICAL > 10000"));
    assertThat(pd.at("/payload/timestamp").asText(), equalTo("2026-11-29T20:00:00Z"));
    assertThat(pd.at("/payload/custom_details/alert_id").asText(), equalTo("a-1"));

    LocalServer.Request hook = server.requests("/hook").get(0);
    assertThat(hook.query(), equalTo("token=" + HOOK_TOKEN));
    JsonNode w = JSON.readTree(hook.body());
    assertThat(w.get("alert_id").asText(), equalTo("a-1"));
    assertThat(w.get("level").asText(), equalTo("CRITICAL"));
    assertThat(w.get("rule").asText(), equalTo("lock_table_bloat"));
    assertThat(w.get("message").asText(), equalTo(CRITICAL.message()));
    assertThat(w.get("job_id").asText(), equalTo("job-7"));
    assertThat(w.get("alert_time").asText(), equalTo("2026-11-29T20:00:00Z"));
  }

  @Test
  void pagerDutySeverityFollowsTheLevel() throws IOException {
    AlertNotice warning =
        new AlertNotice("a-2", "queue_stuck", Level.WARNING, "m", Instant.EPOCH, "j");
    deliverer(retrying(1)).deliver(warning, List.of(Channel.PAGERDUTY));
    assertThat(
        JSON.readTree(server.requests("/v2/enqueue").get(0).body())
            .at("/payload/severity")
            .asText(),
        equalTo("warning"));
    assertThat(Payloads.severity(Level.INFO), equalTo("info"));
  }

  @Test
  void retriesAfterA500AndThenSucceeds() {
    server.answer(slackPath(), LocalServer.Answer.of(500), LocalServer.Answer.of(200));
    DeliveryReport r = deliverer(retrying(4)).deliver(CRITICAL, List.of(Channel.SLACK));
    assertThat(r.status(), equalTo(DeliveryReport.DELIVERED));
    assertThat(r.detail(), equalTo("slack: delivered (HTTP 200, 2 attempts)"));
    assertThat(server.requests(slackPath()), hasSize(2));
  }

  @Test
  void givesUpAfterTheBound() {
    server.answer("/hook", LocalServer.Answer.of(503));
    long t0 = System.nanoTime();
    DeliveryReport r = deliverer(retrying(3)).deliver(CRITICAL, List.of(Channel.WEBHOOK));
    assertThat(r.status(), equalTo(DeliveryReport.FAILED));
    assertThat(r.detail(), equalTo("webhook: failed: HTTP 503: error, gave up (3 attempts)"));
    assertThat(server.requests("/hook"), hasSize(3));
    assertThat(
        "backoff 10 + 20 ms between the attempts",
        (System.nanoTime() - t0) / 1e6 >= 30,
        equalTo(true));
  }

  @Test
  void aTimeoutIsRetriedAndThenReported() {
    server.answer("/v2/enqueue", new LocalServer.Answer(200, "late", 1500));
    RetryPolicy p = timingOut(Duration.ofMillis(200));
    DeliveryReport r = deliverer(p).deliver(CRITICAL, List.of(Channel.PAGERDUTY));
    assertThat(r.status(), equalTo(DeliveryReport.FAILED));
    assertThat(
        r.detail(), equalTo("pagerduty: failed: timed out after 200 ms, gave up (2 attempts)"));
    assertThat(server.requests("/v2/enqueue"), hasSize(2));
  }

  @Test
  void a400IsNotRetried() {
    server.answer(slackPath(), new LocalServer.Answer(400, "invalid_payload", 0));
    DeliveryReport r = deliverer(retrying(4)).deliver(CRITICAL, List.of(Channel.SLACK));
    assertThat(r.status(), equalTo(DeliveryReport.FAILED));
    assertThat(
        r.detail(), equalTo("slack: failed: HTTP 400: invalid_payload, not retried (1 attempt)"));
    assertThat(server.requests(slackPath()), hasSize(1));
  }

  @Test
  void someChannelsFailingIsPartial() {
    server.answer("/hook", LocalServer.Answer.of(404));
    DeliveryReport r = deliverer(retrying(2)).deliver(CRITICAL, List.of(Channel.values()));
    assertThat(r.status(), equalTo(DeliveryReport.PARTIAL));
    assertThat(r.detail(), containsString("webhook: failed: HTTP 404"));
  }

  @Test
  void routesOnlyToConfiguredChannelsAndSaysWhichAreMissing() {
    ChannelSettings settings = ChannelSettings.webhooks(null, retrying(1));
    Map<String, String> onlySlack =
        Map.of(ChannelSettings.ENV_SLACK, env.get(ChannelSettings.ENV_SLACK));
    Deliverer d =
        new Deliverer(settings.resolve(onlySlack::get, () -> null), new HttpPoster(retrying(1)));
    DeliveryReport r = d.deliver(CRITICAL, List.of(Channel.values()));
    assertThat(r.status(), equalTo(DeliveryReport.DELIVERED));
    assertThat(
        r.detail(),
        equalTo(
            "slack: delivered (HTTP 200, 1 attempt); "
                + "pagerduty: not configured (set EROS_PAGERDUTY_ROUTING_KEY or --pagerDutyRoutingKeySecret); "
                + "webhook: not configured (set EROS_WEBHOOK_URL or --webhookUrlSecret); "
                + "google_chat: not configured (set EROS_GOOGLE_CHAT_WEBHOOK_URL or --googleChatWebhookSecret); "
                + "email: not configured (set --mailTo, --mailFrom and --smtpHost)"));
    Deliverer none =
        new Deliverer(settings.resolve(name -> null, () -> null), new HttpPoster(retrying(1)));
    assertThat(
        none.deliver(CRITICAL, List.of(Channel.values())).status(),
        equalTo(DeliveryReport.NOT_ROUTED));
    assertThat(none.deliver(CRITICAL, List.of()).detail(), equalTo("no channel for CRITICAL"));
    assertThat(server.requests(), hasSize(1));
  }

  @Test
  void secretsNeverAppearInDetailsLogsOrExceptions() {
    // a server that echoes what it got (including the token) in its error body
    server.answer(
        slackPath(),
        new LocalServer.Answer(
            403, "bad url " + env.get(ChannelSettings.ENV_SLACK) + " token " + SLACK_TOKEN, 0));
    server.answer(
        "/v2/enqueue",
        new LocalServer.Answer(400, "{\"errors\":[\"routing_key " + PD_KEY + " invalid\"]}", 0));
    server.answer("/hook", LocalServer.Answer.of(500));
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    DeliveryReport r;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      r = deliverer(retrying(2)).deliver(CRITICAL, List.of(Channel.values()));
    } finally {
      System.setErr(err);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(
        "the delivery was logged",
        log,
        containsString("alert a-1 (CRITICAL lock_table_bloat): FAILED"));
    assertThat(r.status(), equalTo(DeliveryReport.FAILED));
    assertThat(r.detail(), containsString("[redacted]"));
    for (String secret :
        List.of(
            SLACK_TOKEN,
            PD_KEY,
            HOOK_TOKEN,
            env.get(ChannelSettings.ENV_SLACK),
            "/services/T0/B0/")) {
      assertThat(r.detail(), not(containsString(secret)));
      assertThat(log, not(containsString(secret)));
    }

    // a malformed URL in the environment: the error names the variable, not the value
    ChannelSettings settings = ChannelSettings.webhooks(null, retrying(1));
    String bad = "hooks.example.com/" + SLACK_TOKEN;
    Endpoints e = settings.resolve(Map.of(ChannelSettings.ENV_SLACK, bad)::get, () -> null);
    assertThat(
        e.get(Channel.SLACK).problem(),
        equalTo("the value of environment variable EROS_SLACK_WEBHOOK_URL is not an https URL"));
    assertThat(e.toString(), not(containsString(SLACK_TOKEN)));
    Endpoints ok = settings.resolve(env::get, () -> null);
    assertThat(ok.toString(), not(containsString(SLACK_TOKEN)));
    assertThat(ok.toString(), not(containsString(PD_KEY)));
    DeliveryReport rb =
        new Deliverer(e, new HttpPoster(retrying(1))).deliver(CRITICAL, List.of(Channel.SLACK));
    assertThat(rb.status(), equalTo(DeliveryReport.FAILED));
    assertThat(rb.detail(), not(containsString(SLACK_TOKEN)));
  }

  @Test
  void backoffDoublesUpToItsCap() {
    RetryPolicy p = RetryPolicy.of(5, Duration.ofSeconds(10));
    assertThat(p.backoffAfter(1), equalTo(Duration.ofMillis(500)));
    assertThat(p.backoffAfter(2), equalTo(Duration.ofSeconds(1)));
    assertThat(p.backoffAfter(3), equalTo(Duration.ofSeconds(2)));
    assertThat(p.backoffAfter(6), equalTo(Duration.ofSeconds(8)));
    assertThat(RetryPolicy.retryable(500), equalTo(true));
    assertThat(RetryPolicy.retryable(429), equalTo(true));
    assertThat(RetryPolicy.retryable(400), equalTo(false));
    assertThat(RetryPolicy.retryable(404), equalTo(false));
  }
}
