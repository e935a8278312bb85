package com.eros.pipelines.alerts.delivery;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.pipelines.alerts.Channel;
import com.eros.pipelines.alerts.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Secret Manager through its REST API (against a local server), and secrets taking precedence over
 * the environment.
 */
class SecretManagerClientTest {
  static final String SECRET = "https://hooks.example.com/services/T1/B1/sEcReTvAlUe42";
  static final String PATH = "/v1/projects/eros-prod/secrets/slack-webhook/versions/latest:access";
  LocalServer server;

  @BeforeEach
  void start() throws IOException {
    server = new LocalServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String response(String value, long crc) {
    String data = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    return "{\"name\":\"projects/1/secrets/slack-webhook/versions/3\",\"payload\":{\"data\":\""
        + data
        + "\",\"dataCrc32c\":\""
        + crc
        + "\"}}";
  }

  static long crc(String value) {
    CRC32C c = new CRC32C();
    c.update(value.getBytes(StandardCharsets.UTF_8));
    return c.getValue();
  }

  SecretManagerClient client() {
    return new SecretManagerClient(server.url(), () -> "test-token", Duration.ofSeconds(2));
  }

  @Test
  void readsTheLatestVersionWithABearerToken() throws IOException {
    server.answer(PATH, new LocalServer.Answer(200, response(SECRET, crc(SECRET)), 0));
    assertThat(client().access("projects/eros-prod/secrets/slack-webhook"), equalTo(SECRET));
    LocalServer.Request r = server.requests(PATH).get(0);
    assertThat(r.method(), equalTo("GET"));
    assertThat(r.headers().get("Authorization"), equalTo(List.of("Bearer test-token")));
  }

  @Test
  void errorsNameTheSecretButNeverItsValue() {
    server.answer(PATH, new LocalServer.Answer(403, "{\"error\":{\"code\":403}}", 0));
    IOException denied =
        assertThrows(
            IOException.class, () -> client().access("projects/eros-prod/secrets/slack-webhook"));
    assertThat(
        denied.getMessage(),
        containsString("HTTP 403 for projects/eros-prod/secrets/slack-webhook/versions/latest"));
    assertThat(denied.getMessage(), containsString("secretAccessor"));

    server.answer(PATH, new LocalServer.Answer(200, response(SECRET, crc(SECRET) + 1), 0));
    IOException corrupt =
        assertThrows(
            IOException.class, () -> client().access("projects/eros-prod/secrets/slack-webhook"));
    assertThat(corrupt.getMessage(), containsString("CRC32C"));
    assertThat(corrupt.getMessage(), not(containsString("sEcReTvAlUe42")));

    assertThrows(
        IllegalArgumentException.class, () -> SecretManagerClient.normalize("slack-webhook"));
    assertThat(
        SecretManagerClient.normalize("projects/p/secrets/s/versions/7"),
        equalTo("projects/p/secrets/s/versions/7"));
  }

  @Test
  void aSecretNameWinsOverTheEnvironmentAndAFailedReadFailsTheChannel() throws IOException {
    server.answer(
        PATH,
        new LocalServer.Answer(
            200, response(server.url() + "/from-secret", crc(server.url() + "/from-secret")), 0));
    RetryPolicy p =
        new RetryPolicy(
            1,
            Duration.ofMillis(1),
            Duration.ofMillis(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2));
    ChannelSettings settings =
        new ChannelSettings(
            "projects/eros-prod/secrets/slack-webhook",
            null,
            "projects/eros-prod/secrets/missing",
            null,
            null,
            null,
            null,
            p);
    Map<String, String> env =
        Map.of(
            ChannelSettings.ENV_SLACK,
            server.url() + "/from-env",
            ChannelSettings.ENV_WEBHOOK,
            server.url() + "/hook-from-env");
    assertThat(
        settings.describe(env::get),
        equalTo(
            List.of(
                "slack: Secret Manager projects/eros-prod/secrets/slack-webhook",
                "pagerduty: not configured (set EROS_PAGERDUTY_ROUTING_KEY or --pagerDutyRoutingKeySecret)",
                "webhook: Secret Manager projects/eros-prod/secrets/missing",
                "google_chat: not configured (set EROS_GOOGLE_CHAT_WEBHOOK_URL or --googleChatWebhookSecret)",
                "email: not configured (set --mailTo, --mailFrom and --smtpHost)")));
    server.answer(
        "/v1/projects/eros-prod/secrets/missing/versions/latest:access",
        LocalServer.Answer.of(404));
    Endpoints e = settings.resolve(env::get, this::client);
    AlertNotice n = new AlertNotice("a", "queue_stuck", Level.CRITICAL, "m", Instant.EPOCH, "j");
    DeliveryReport r =
        new Deliverer(e, new HttpPoster(p)).deliver(n, List.of(Channel.SLACK, Channel.WEBHOOK));
    assertThat(r.status(), equalTo(DeliveryReport.PARTIAL));
    assertThat(
        r.detail(),
        equalTo(
            "slack: delivered (HTTP 200, 1 attempt); webhook: failed: cannot read secret "
                + "projects/eros-prod/secrets/missing: Secret Manager answered HTTP 404 for projects/eros-prod/secrets/missing/versions/latest"));
    assertThat(server.requests("/from-secret").size(), equalTo(1));
    assertThat(server.requests("/from-env").size(), equalTo(0));
    assertThat(server.requests("/hook-from-env").size(), equalTo(0));
  }
}
