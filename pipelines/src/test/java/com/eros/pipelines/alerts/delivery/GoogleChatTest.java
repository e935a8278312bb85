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
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Google Chat incoming webhook against a local server: message, retries, no retry, timeout,
 * https only.
 */
class GoogleChatTest {
  static final String KEY = "AIzaChatKey0123456789";
  static final String TOKEN = "chatTokenSecret42abc";
  static final String PATH = "/v1/spaces/AAAA1234/messages";
  static final AlertNotice BLOAT =
      new AlertNotice(
          "lock_cleanup:lock_table_bloat:sweep-9",
          "lock_cleanup",
          "lock_table_bloat",
          Level.WARNING,
          "lock_table_bloat: 6001 active locks after the sweep, more than the warning threshold of 5000",
          Instant.parse("2026-11-29T20:00:00Z"),
          "sweep-9");

  LocalServer server;

  @BeforeEach
  void start() throws IOException {
    server = new LocalServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Deliverer deliverer(String url, RetryPolicy policy) {
    Map<String, String> env = Map.of(ChannelSettings.ENV_GOOGLE_CHAT, url);
    return new Deliverer(
        ChannelSettings.webhooks(null, policy)
            .resolve(
                env::get,
                () -> {
                  throw new AssertionError("Secret Manager must not be used");
                }),
        new HttpPoster(policy));
  }

  String url() {
    return server.url() + PATH + "?key=" + KEY + "&token=" + TOKEN;
  }

  @Test
  void theMessageCarriesLevelSourceValueThresholdAndTheRunbookHint() throws IOException {
    DeliveryReport r = deliverer(url(), retrying(3)).deliver(BLOAT, List.of(Channel.GOOGLE_CHAT));
    assertThat(r.detail(), r.status(), equalTo(DeliveryReport.DELIVERED));
    assertThat(r.detail(), equalTo("google_chat: delivered (HTTP 200, 1 attempt)"));
    List<LocalServer.Request> posts = server.requests(PATH);
    assertThat(posts, hasSize(1));
    assertThat(posts.get(0).method(), equalTo("POST"));
    assertThat(posts.get(0).query(), equalTo("key=" + KEY + "&token=" + TOKEN));
    assertThat(
        posts.get(0).headers().get("Content-type").get(0), containsString("application/json"));
    JsonNode body = new ObjectMapper().readTree(posts.get(0).body());
    assertThat("a plain text message: only the text field", body.size(), equalTo(1));
    String text = body.get("text").asText();
    assertThat(text, containsString("*Level:* WARNING\n"));
    assertThat(text, containsString("*Source:* lock_cleanup/lock_table_bloat\n"));
    assertThat(
        text,
        containsString(
            "*Value and threshold:* lock_table_bloat: 6001 active locks after the sweep, "
                + "more than the warning threshold of 5000\n"));
    assertThat(
        text, containsString("*Runbook:* check lock_sweep_log (is the sweep releasing locks?)"));
    assertThat(
        text,
        containsString("*Raised:* 2026-11-29T20:00:00Z (2026-11-29 12:00 America/Los_Angeles)"));
    assertThat(text, containsString("*Alert:* lock_cleanup:lock_table_bloat:sweep-9, run sweep-9"));
  }

  @Test
  void a500IsRetriedAndThenDelivered() {
    server.answer(PATH, LocalServer.Answer.of(500), LocalServer.Answer.of(200));
    DeliveryReport r = deliverer(url(), retrying(4)).deliver(BLOAT, List.of(Channel.GOOGLE_CHAT));
    assertThat(r.status(), equalTo(DeliveryReport.DELIVERED));
    assertThat(r.detail(), equalTo("google_chat: delivered (HTTP 200, 2 attempts)"));
    assertThat(server.requests(PATH), hasSize(2));
  }

  @Test
  void a400IsNotRetried() {
    server.answer(
        PATH, new LocalServer.Answer(400, "{\"error\":{\"message\":\"Invalid JSON payload\"}}", 0));
    DeliveryReport r = deliverer(url(), retrying(4)).deliver(BLOAT, List.of(Channel.GOOGLE_CHAT));
    assertThat(r.status(), equalTo(DeliveryReport.FAILED));
    assertThat(
        r.detail(),
        equalTo(
            "google_chat: failed: HTTP 400: {\"error\":{\"message\":\"Invalid JSON payload\"}}, not retried (1 attempt)"));
    assertThat(server.requests(PATH), hasSize(1));
  }

  @Test
  void aTimeoutIsRetriedWithinItsBoundAndReported() {
    server.answer(PATH, new LocalServer.Answer(200, "late", 1500));
    RetryPolicy p = timingOut(Duration.ofMillis(200));
    long t0 = System.nanoTime();
    DeliveryReport r = deliverer(url(), p).deliver(BLOAT, List.of(Channel.GOOGLE_CHAT));
    assertThat(r.status(), equalTo(DeliveryReport.FAILED));
    assertThat(
        r.detail(), equalTo("google_chat: failed: timed out after 200 ms, gave up (2 attempts)"));
    assertThat(server.requests(PATH), hasSize(2));
    assertThat(
        "bounded: two 200 ms timeouts, not the server's 1.5 s",
        (System.nanoTime() - t0) / 1e6 < 1400,
        equalTo(true));
  }

  @Test
  void theUrlMustBeHttpsAndTheErrorNamesTheVariableNotTheValue() {
    String plain = "http://chat.googleapis.com" + PATH + "?key=" + KEY + "&token=" + TOKEN;
    DeliveryReport r = deliverer(plain, retrying(1)).deliver(BLOAT, List.of(Channel.GOOGLE_CHAT));
    assertThat(r.status(), equalTo(DeliveryReport.FAILED));
    assertThat(
        r.detail(),
        equalTo(
            "google_chat: failed: the value of environment variable EROS_GOOGLE_CHAT_WEBHOOK_URL "
                + "is not an https URL (plain http is allowed only on 127.0.0.1, ::1 or localhost, for tests)"));
    assertThat(r.detail(), not(containsString(TOKEN)));
    assertThat(server.requests(), hasSize(0));
    // the secret's value is redacted wherever the server echoes it
    server.answer(
        PATH, new LocalServer.Answer(403, "token " + TOKEN + " and key " + KEY + " rejected", 0));
    DeliveryReport echoed =
        deliverer(url(), retrying(1)).deliver(BLOAT, List.of(Channel.GOOGLE_CHAT));
    assertThat(echoed.detail(), not(containsString(TOKEN)));
    assertThat(echoed.detail(), not(containsString(KEY)));
    assertThat(echoed.detail(), containsString("[redacted]"));
  }
}
