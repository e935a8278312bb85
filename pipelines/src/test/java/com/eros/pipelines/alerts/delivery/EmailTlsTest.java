package com.eros.pipelines.alerts.delivery;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.eros.pipelines.alerts.Channel;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Implicit TLS against GreenMail's SMTPS on 127.0.0.1, with a certificate made for this test
 * (keytool, subject alternative name IP 127.0.0.1): the mailer checks both the certificate and the
 * host name, as in production; the test only supplies a trust store that holds that certificate.
 */
class EmailTlsTest {
  static final String STORE_PASSWORD = "changeit"; // GreenMail's default key store password
  static Path dir;
  static GreenMail greenMail;
  static SSLSocketFactory trusting;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("eros-smtps");
    Path store = dir.resolve("server.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "greenmail",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                STORE_PASSWORD,
                "-keypass",
                STORE_PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertThat(
        "keytool: " + output,
        keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0,
        equalTo(true));
    // GreenMail reads its server key store from these properties the first time SMTPS starts in
    // this JVM
    System.setProperty("greenmail.tls.keystore.file", store.toString());
    System.setProperty("greenmail.tls.keystore.password", STORE_PASSWORD);

    KeyStore server = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      server.load(in, STORE_PASSWORD.toCharArray());
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("test-smtps", server.getCertificate("greenmail"));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    trusting = ctx.getSocketFactory();

    greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
    greenMail.withConfiguration(
        GreenMailConfiguration.aConfig()
            .withUser("eros-alerts@example.com", "eros-alerts", "Tl5-Pa55w0rd"));
    greenMail.start();
  }

  @AfterAll
  static void stop() throws IOException {
    greenMail.stop();
    Files.deleteIfExists(dir.resolve("server.p12"));
    Files.deleteIfExists(dir);
  }

  static DeliveryReport send(String host, SSLSocketFactory factory) {
    RetryPolicy p =
        new RetryPolicy(
            2,
            Duration.ofMillis(10),
            Duration.ofMillis(10),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5));
    MailSettings mail =
        MailSettings.of(
            "oncall@example.com",
            "eros-alerts@example.com",
            host,
            greenMail.getSmtps().getPort(),
            "TLS",
            "eros-alerts");
    ChannelSettings s = new ChannelSettings(null, null, null, null, null, null, mail, p);
    Map<String, String> env = Map.of(ChannelSettings.ENV_SMTP_PASSWORD, "Tl5-Pa55w0rd");
    return new Deliverer(
            s.resolve(env::get, () -> null), new HttpPoster(p), new SmtpMailer(mail, p, factory))
        .deliver(EmailDeliveryTest.CRITICAL, List.of(Channel.EMAIL));
  }

  @Test
  void deliversOverImplicitTlsWhenTheCertificateAndHostNameCheckOut() throws Exception {
    int before = greenMail.getReceivedMessages().length;
    DeliveryReport r = send("127.0.0.1", trusting);
    assertThat(r.detail(), r.status(), equalTo(DeliveryReport.DELIVERED));
    assertThat(r.detail(), equalTo("email: delivered (SMTP, 1 recipient, 1 attempt)"));
    assertThat(greenMail.getReceivedMessages().length, equalTo(before + 1));
    assertThat(
        greenMail.getReceivedMessages()[before].getSubject(),
        startsWith("[EROS CRITICAL] daily_automation/job_failed"));
  }

  @Test
  void anUntrustedCertificateIsAFinalFailure() {
    int before = greenMail.getReceivedMessages().length;
    DeliveryReport r =
        send("127.0.0.1", null); // the JDK's trust store does not know the test certificate
    assertThat(r.status(), equalTo(DeliveryReport.FAILED));
    assertThat(
        r.detail(),
        startsWith("email: failed: TLS failed (SSLHandshakeException), not retried (1 attempt)"));
    assertThat(greenMail.getReceivedMessages().length, equalTo(before));
  }

  @Test
  void aHostNameTheCertificateDoesNotNameIsRefused() {
    int before = greenMail.getReceivedMessages().length;
    DeliveryReport r = send("localhost", trusting); // the certificate names 127.0.0.1 only
    assertThat(r.status(), equalTo(DeliveryReport.FAILED));
    assertThat(r.detail(), containsString("TLS failed"));
    assertThat(r.detail(), containsString("not retried (1 attempt)"));
    assertThat(greenMail.getReceivedMessages().length, equalTo(before));
  }
}
