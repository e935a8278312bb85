package com.eros.pipelines.alerts.delivery;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.pipelines.alerts.Channel;
import com.eros.pipelines.captionperformance.CaptionPerformancePipeline;
import com.eros.pipelines.dailyautomation.DailyAutomationPipeline;
import com.eros.pipelines.healthmonitor.HealthMonitorPipeline;
import com.eros.pipelines.locksweep.LockSweepPipeline;
import com.eros.pipelines.support.EtlPipeline;
import com.eros.pipelines.support.TestRuns;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every channel URL is https; plain http only on a loopback host (for tests). */
class HttpsOnlyTest {
  static final RetryPolicy ONE = RetryPolicy.of(1, Duration.ofSeconds(2));

  @Test
  void httpsAnywhereHttpOnlyOnLoopback() {
    for (String ok :
        List.of(
            "https://hooks.slack.com/services/T/B/x",
            "https://10.0.0.1:8443/hook",
            "http://127.0.0.1:8080/x",
            "http://localhost/x",
            "http://LOCALHOST:99/x",
            "http://[::1]:8080/x")) {
      assertThat(ok, ChannelSettings.httpsUrl(ok, "setting").toString(), equalTo(ok));
    }
    for (String bad :
        List.of(
            "http://hooks.slack.com/services/T/B/x",
            "http://127.0.0.2/x",
            "http://10.0.0.1/x",
            "http://localhost.example.com/x",
            "ftp://127.0.0.1/x",
            "hooks.slack.com/x",
            "https:///nohost",
            "not a url")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> ChannelSettings.httpsUrl(bad, "the setting"));
      assertThat(bad, e.getMessage(), containsString("the setting is not a"));
    }
  }

  @Test
  void aPlainHttpPagerDutyUrlOptionIsRefusedAtStartup() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ChannelSettings.webhooks("http://events.pagerduty.com/v2/enqueue", ONE));
    assertThat(
        e.getMessage(),
        equalTo(
            "--pagerDutyEventsUrl=http://events.pagerduty.com/v2/enqueue is not an https URL "
                + "(plain http is allowed only on 127.0.0.1, ::1 or localhost, for tests)"));
    assertThat(
        ChannelSettings.webhooks("http://127.0.0.1:9/v2/enqueue", ONE).pagerDutyEventsUrl(),
        equalTo("http://127.0.0.1:9/v2/enqueue"));
  }

  @Test
  void theCommandsExitWithCode2AndOneLine(@TempDir Path dir) {
    for (EtlPipeline<?, ?> pipeline :
        List.<EtlPipeline<?, ?>>of(
            new LockSweepPipeline(),
            new DailyAutomationPipeline(),
            new HealthMonitorPipeline(),
            new CaptionPerformancePipeline())) {
      String command = pipeline.command();
      TestRuns.Exec r =
          TestRuns.exec(
              pipeline,
              "--warehouse=duckdb:" + dir.resolve(command + ".duckdb"),
              "--now=2026-11-29T12:00:00Z",
              "--pagerDutyEventsUrl=http://events.pagerduty.com/v2/enqueue");
      int code = r.code();
      String printed = r.err();
      assertThat(command + ": " + printed, code, equalTo(2));
      assertThat(
          command,
          printed,
          containsString(
              "--pagerDutyEventsUrl=http://events.pagerduty.com/v2/enqueue is not an https URL"));
      assertThat(command + " prints one line", printed.strip().lines().count(), equalTo(1L));
      assertThat(
          command + " wrote nothing",
          dir.resolve(command + ".duckdb").toFile().exists(),
          equalTo(false));
    }
  }

  @Test
  void aPlainHttpUrlFromASecretIsAFailedDeliveryNamingTheSetting() {
    String slack = "http://hooks.slack.com/services/T0/B0/sEcReTtOkEn123";
    String chat = "http://chat.googleapis.com/v1/spaces/S/messages?token=cHaTtOkEn456";
    ChannelSettings s =
        new ChannelSettings("projects/p/secrets/slack", null, null, null, null, null, null, ONE);
    Endpoints e =
        s.resolve(Map.of(ChannelSettings.ENV_GOOGLE_CHAT, chat)::get, () -> name -> slack);
    assertThat(
        e.get(Channel.SLACK).problem(),
        equalTo(
            "the value of secret projects/p/secrets/slack is not an https URL "
                + "(plain http is allowed only on 127.0.0.1, ::1 or localhost, for tests)"));
    assertThat(
        e.get(Channel.GOOGLE_CHAT).problem(),
        containsString("the value of environment variable EROS_GOOGLE_CHAT_WEBHOOK_URL"));
    DeliveryReport r =
        new Deliverer(e, new HttpPoster(ONE))
            .deliver(
                new AlertNotice(
                    "a", "queue_stuck", com.eros.pipelines.alerts.Level.WARNING, "m", null, "j"),
                List.of(Channel.SLACK, Channel.GOOGLE_CHAT));
    assertThat(r.status(), equalTo(DeliveryReport.FAILED));
    for (String secret : List.of("sEcReTtOkEn123", "cHaTtOkEn456", slack, chat)) {
      assertThat(r.detail(), not(containsString(secret)));
    }
  }
}
