package com.eros.pipelines.alerts.delivery;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.pipelines.alerts.Channel;
import com.eros.pipelines.alerts.Level;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The e-mail channel against real SMTP servers on 127.0.0.1: GreenMail (the delivered message,
 * authentication, STARTTLS required) and a scripted server for the replies GreenMail never gives
 * (4xx, 5xx, silence).
 */
class EmailDeliveryTest {
  static final String USER = "eros-alerts";
  static final String PASSWORD = "Sm7p-Pa55w0rd-S3cret";
  static final String SLACK_TOKEN = "XoXbSlAcKsEcReT777";
  static final String CHAT_TOKEN = "cHaTsEcReTtOkEn888";
  static final String HOOK_TOKEN = "hOoKsEcReTtOkEn999";
  static final AlertNotice CRITICAL =
      new AlertNotice(
          "daily_automation:run-7:job_failed",
          "daily_automation",
          "job_failed",
          Level.CRITICAL,
          "daily_automation FAILED for 2026-11-29: circuit breaker opened after 5 consecutive creator failures "
              + "(at p05) <script>",
          Instant.parse("2026-11-29T11:09:00Z"),
          "run-7");

  @RegisterExtension
  static final GreenMailExtension GREENMAIL =
      new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser("eros-alerts@example.com", USER, PASSWORD))
          .withPerMethodLifecycle(true);

  LocalServer http;

  @BeforeEach
  void start() throws IOException {
    http = new LocalServer();
  }

  @AfterEach
  void stop() {
    http.close();
  }

  static RetryPolicy fast(int attempts, Duration timeout) {
    return new RetryPolicy(
        attempts, Duration.ofMillis(10), Duration.ofMillis(20), timeout, timeout);
  }

  static MailSettings mail(int port, MailSettings.Tls tls, String user) {
    return MailSettings.of(
        "oncall@example.com, Ops Team <ops@example.com>",
        "eros-alerts@example.com",
        "127.0.0.1",
        port,
        tls.name(),
        user);
  }

  Map<String, String> env() {
    return Map.of(
        ChannelSettings.ENV_SMTP_PASSWORD,
        PASSWORD,
        ChannelSettings.ENV_SLACK,
        http.url() + "/services/T0/B0/" + SLACK_TOKEN,
        ChannelSettings.ENV_GOOGLE_CHAT,
        http.url() + "/v1/spaces/S/messages?token=" + CHAT_TOKEN,
        ChannelSettings.ENV_WEBHOOK,
        http.url() + "/hook?token=" + HOOK_TOKEN);
  }

  Deliverer deliverer(MailSettings mail, RetryPolicy policy, Map<String, String> env) {
    ChannelSettings s = new ChannelSettings(null, null, null, null, null, null, mail, policy);
    return new Deliverer(
        s.resolve(
            env::get,
            () -> {
              throw new AssertionError("Secret Manager must not be used");
            }),
        new HttpPoster(policy),
        new SmtpMailer(mail, policy));
  }

  @Test
  void anAlertArrivesAsTextAndHtmlToEveryRecipientWithoutAnySecret() throws Exception {
    int port = GREENMAIL.getSmtp().getPort();
    // a hostile webhook echoes secrets in its error, which is then logged and stored: redacted
    http.answer(
        "/hook",
        new LocalServer.Answer(
            500, "bad " + PASSWORD + " " + env().get(ChannelSettings.ENV_SLACK), 0));
    PrintStream err = System.err;
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    DeliveryReport r;
    try {
      System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
      r =
          deliverer(mail(port, MailSettings.Tls.NONE, USER), fast(2, Duration.ofSeconds(5)), env())
              .deliver(
                  CRITICAL,
                  List.of(Channel.SLACK, Channel.GOOGLE_CHAT, Channel.WEBHOOK, Channel.EMAIL));
    } finally {
      System.setErr(err);
    }
    assertThat(r.detail(), r.status(), equalTo(DeliveryReport.PARTIAL));
    assertThat(
        r.detail(),
        equalTo(
            "slack: delivered (HTTP 200, 1 attempt); google_chat: delivered (HTTP 200, 1 attempt); "
                + "webhook: failed: HTTP 500: bad [redacted] [redacted], gave up (2 attempts); "
                + "email: delivered (SMTP, 2 recipients, 1 attempt)"));

    MimeMessage[] received = GREENMAIL.getReceivedMessages();
    assertThat("one copy per recipient", received.length, equalTo(2));
    MimeMessage m = received[0];
    assertThat(
        "one line of at most 160 characters",
        m.getSubject(),
        equalTo(
            "[EROS CRITICAL] daily_automation/job_failed: "
                + "daily_automation FAILED for 2026-11-29: circuit breaker opened after 5 consecutive creator failures (at p05) <sc..."));
    assertThat(m.getSubject().length(), equalTo(160));
    assertThat(
        Arrays.stream(m.getFrom()).map(Address::toString).toList(),
        equalTo(List.of("eros-alerts@example.com")));
    assertThat(
        Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Address::toString).toList(),
        equalTo(List.of("oncall@example.com", "Ops Team <ops@example.com>")));
    assertThat(
        m.getHeader("Message-ID")[0],
        equalTo("<daily_automation.run-7.job_failed@eros-automation>"));
    assertThat(m.getHeader("X-EROS-Alert-Id")[0], equalTo("daily_automation:run-7:job_failed"));
    assertThat(m.getContentType(), startsWith("multipart/alternative"));
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertThat(parts.getCount(), equalTo(2));
    BodyPart text = parts.getBodyPart(0);
    BodyPart html = parts.getBodyPart(1);
    assertThat(text.getContentType(), startsWith("text/plain; charset=UTF-8"));
    assertThat(html.getContentType(), startsWith("text/html; charset=UTF-8"));
    String plain = ((String) text.getContent()).replace("\r\n", "\n"); // lines travel as CRLF
    assertThat(plain, containsString("Level: CRITICAL\n"));
    assertThat(plain, containsString("Source: daily_automation/job_failed\n"));
    assertThat(
        plain,
        containsString(
            "Value and threshold: daily_automation FAILED for 2026-11-29: circuit breaker opened"));
    assertThat(plain, containsString("Runbook: read error_message of the run's etl_job_runs row"));
    assertThat(
        plain,
        containsString("Raised: 2026-11-29T11:09:00Z (2026-11-29 03:09 America/Los_Angeles)"));
    String page = (String) html.getContent();
    assertThat(
        page, containsString("<th align=\"left\" valign=\"top\">Level</th><td>CRITICAL</td>"));
    assertThat(page, containsString("<td>daily_automation/job_failed</td>"));
    assertThat(
        "the message is escaped in HTML", page, containsString("(at p05) &lt;script&gt;</td>"));
    assertThat(page, not(containsString("<script>")));

    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    m.writeTo(raw);
    String wire = raw.toString(StandardCharsets.UTF_8);
    String log = logs.toString(StandardCharsets.UTF_8);
    assertThat(
        "the partial delivery was logged",
        log,
        containsString(
            "alert daily_automation:run-7:job_failed (CRITICAL "
                + "daily_automation/job_failed): PARTIAL"));
    for (String secret :
        List.of(
            PASSWORD,
            SLACK_TOKEN,
            CHAT_TOKEN,
            HOOK_TOKEN,
            env().get(ChannelSettings.ENV_SLACK),
            env().get(ChannelSettings.ENV_GOOGLE_CHAT),
            env().get(ChannelSettings.ENV_WEBHOOK),
            "/services/T0/B0/")) {
      assertThat(secret, wire, not(containsString(secret)));
      assertThat(secret, log, not(containsString(secret)));
      assertThat(secret, r.detail(), not(containsString(secret)));
    }
    for (LocalServer.Request req : http.requests()) {
      assertThat(
          "the chat messages carry no password either", req.body(), not(containsString(PASSWORD)));
    }
  }

  @Test
  void aWrongPasswordIsAFinalFailureThatNamesNoSecret() {
    int port = GREENMAIL.getSmtp().getPort();
    String wrong = "Wr0ng-Pa55w0rd-S3cret";
    DeliveryReport r =
        deliverer(
                mail(port, MailSettings.Tls.NONE, USER),
                fast(3, Duration.ofSeconds(5)),
                Map.of(ChannelSettings.ENV_SMTP_PASSWORD, wrong))
            .deliver(CRITICAL, List.of(Channel.EMAIL));
    assertThat(r.status(), equalTo(DeliveryReport.FAILED));
    assertThat(r.detail(), startsWith("email: failed: authentication failed"));
    assertThat(r.detail(), containsString("not retried (1 attempt)"));
    assertThat(r.detail(), not(containsString(wrong)));
    assertThat(GREENMAIL.getReceivedMessages().length, equalTo(0));
  }

  @Test
  void aUserWithoutAPasswordFailsTheChannelAndSaysWhereToSetIt() {
    int port = GREENMAIL.getSmtp().getPort();
    DeliveryReport r =
        deliverer(mail(port, MailSettings.Tls.NONE, USER), fast(1, Duration.ofSeconds(5)), Map.of())
            .deliver(CRITICAL, List.of(Channel.EMAIL));
    assertThat(r.status(), equalTo(DeliveryReport.FAILED));
    assertThat(
        r.detail(),
        equalTo(
            "email: failed: no SMTP password for user eros-alerts "
                + "(set EROS_SMTP_PASSWORD or --smtpPasswordSecret)"));
  }

  @Test
  void starttlsIsRequiredNeverASilentPlainTextFallback() {
    // GreenMail's SMTP does not offer STARTTLS: the mailer must refuse to log in or send in plain
    // text
    int port = GREENMAIL.getSmtp().getPort();
    DeliveryReport r =
        deliverer(
                mail(port, MailSettings.Tls.STARTTLS, USER), fast(3, Duration.ofSeconds(5)), env())
            .deliver(CRITICAL, List.of(Channel.EMAIL));
    assertThat(r.status(), equalTo(DeliveryReport.FAILED));
    assertThat(r.detail(), containsString("STARTTLS"));
    assertThat(r.detail(), containsString("not retried (1 attempt)"));
    assertThat(GREENMAIL.getReceivedMessages().length, equalTo(0));
  }

  @Test
  void a4xxReplyIsRetriedAndA5xxIsNot() throws IOException {
    try (ScriptedSmtpServer busy =
        ScriptedSmtpServer.answering("451 4.3.0 try again later", "250 ok")) {
      DeliveryReport r =
          deliverer(
                  mail(busy.port(), MailSettings.Tls.NONE, null),
                  fast(3, Duration.ofSeconds(5)),
                  Map.of())
              .deliver(CRITICAL, List.of(Channel.EMAIL));
      assertThat(r.detail(), r.status(), equalTo(DeliveryReport.DELIVERED));
      assertThat(r.detail(), equalTo("email: delivered (SMTP, 2 recipients, 2 attempts)"));
      assertThat(busy.connections(), equalTo(2));
      assertThat(busy.messages(), equalTo(1));
      assertThat(
          "no authentication without a user",
          busy.commands().stream().anyMatch(c -> c.startsWith("AUTH")),
          equalTo(false));
    }
    try (ScriptedSmtpServer refusing = ScriptedSmtpServer.answering("550 5.7.1 sender rejected")) {
      DeliveryReport r =
          deliverer(
                  mail(refusing.port(), MailSettings.Tls.NONE, null),
                  fast(3, Duration.ofSeconds(5)),
                  Map.of())
              .deliver(CRITICAL, List.of(Channel.EMAIL));
      assertThat(r.status(), equalTo(DeliveryReport.FAILED));
      assertThat(r.detail(), startsWith("email: failed: SMTP 550"));
      assertThat(r.detail(), containsString("not retried (1 attempt)"));
      assertThat(refusing.connections(), equalTo(1));
    }
    try (ScriptedSmtpServer alwaysBusy = ScriptedSmtpServer.answering("421 4.7.0 busy")) {
      DeliveryReport r =
          deliverer(
                  mail(alwaysBusy.port(), MailSettings.Tls.NONE, null),
                  fast(3, Duration.ofSeconds(5)),
                  Map.of())
              .deliver(CRITICAL, List.of(Channel.EMAIL));
      assertThat(r.status(), equalTo(DeliveryReport.FAILED));
      assertThat(r.detail(), startsWith("email: failed: SMTP 421"));
      assertThat(r.detail(), containsString("gave up (3 attempts)"));
      assertThat(alwaysBusy.connections(), equalTo(3));
    }
  }

  @Test
  void aServerThatNeverAnswersTimesOutWithinTheBound() throws IOException {
    try (ScriptedSmtpServer hung = ScriptedSmtpServer.silent()) {
      long t0 = System.nanoTime();
      DeliveryReport r =
          deliverer(
                  mail(hung.port(), MailSettings.Tls.NONE, null),
                  fast(2, Duration.ofMillis(300)),
                  Map.of())
              .deliver(CRITICAL, List.of(Channel.EMAIL));
      double ms = (System.nanoTime() - t0) / 1e6;
      assertThat(r.status(), equalTo(DeliveryReport.FAILED));
      assertThat(
          r.detail(), equalTo("email: failed: timed out after 300 ms, gave up (2 attempts)"));
      assertThat(hung.connections(), equalTo(2));
      assertThat("two 300 ms timeouts and a backoff, not forever: " + ms, ms < 3000, equalTo(true));
    }
  }

  /** Why MailSettings.of refuses these settings. */
  private static String mailRefusal(String to, String from, String host, Integer port, String tls) {
    return assertThrows(
            IllegalArgumentException.class, () -> MailSettings.of(to, from, host, port, tls, null))
        .getMessage();
  }

  @Test
  void settingsAreCheckedWhenTheyAreBuilt() {
    String to = "oncall@example.com";
    String from = "a@example.com";
    String host = "smtp.example.com";
    assertThat(
        mailRefusal(to, "", host, null, "STARTTLS"),
        equalTo("--mailTo needs --mailFrom (the sender address)"));
    assertThat(
        mailRefusal(to, from, "", null, "STARTTLS"),
        equalTo("--mailTo needs --smtpHost (the SMTP server)"));
    assertThat(
        mailRefusal("oncall@@example", from, host, null, "STARTTLS"),
        equalTo("--mailTo: 'oncall@@example' is not an e-mail address"));
    assertThat(
        mailRefusal(to, from, host, null, "SSLv3"),
        equalTo("--smtpTls=SSLv3 must be STARTTLS, TLS or NONE"));
    assertThat(
        mailRefusal(to, from, host, null, "none"),
        containsString(
            "--smtpTls=NONE sends in plain text and is allowed only for a server on 127.0.0.1, ::1 or localhost"));
    assertThat(
        mailRefusal(to, from, host, 70000, "TLS"),
        equalTo("--smtpPort=70000 must be between 1 and 65535"));
    assertThat(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    new ChannelSettings(
                        null,
                        null,
                        null,
                        null,
                        "projects/p/secrets/smtp",
                        null,
                        MailSettings.none(),
                        RetryPolicy.of(1, Duration.ofSeconds(1))))
            .getMessage(),
        equalTo(
            "--smtpPasswordSecret needs --smtpUser (the password is only sent to authenticate)"));
    assertThat(
        MailSettings.of("a@example.com", "b@example.com", "smtp.example.com", null, "TLS", null)
            .effectivePort(),
        equalTo(465));
    assertThat(
        MailSettings.of("a@example.com", "b@example.com", "smtp.example.com", null, "", null)
            .effectivePort(),
        equalTo(587));
    assertThat(MailSettings.of("", "", "", null, "", "").configured(), equalTo(false));
    assertThat(
        MailSettings.of("a@example.com", "b@example.com", "smtp.example.com", null, "", null).to(),
        hasSize(1));
  }
}
