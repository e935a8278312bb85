package com.eros.pipelines.alerts.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The e-mail channel's settings (options, not secrets: the password comes from the environment or
 * Secret Manager). The channel is configured when {@code to} is not empty.
 *
 * @param to recipients
 * @param from the sender address (also the SMTP envelope sender)
 * @param host the SMTP server
 * @param port the SMTP port; null: 587 for STARTTLS, 465 for TLS, 25 for NONE
 * @param tls STARTTLS (upgrade, required), TLS (implicit, "SMTPS") or NONE (loopback hosts only:
 *     tests)
 * @param user the SMTP user; null: no authentication
 */
public record MailSettings(
    List<String> to, String from, String host, Integer port, Tls tls, String user)
    implements Serializable {

  /** How the connection is secured. */
  public enum Tls {
    STARTTLS(587),
    TLS(465),
    NONE(25);

    final int defaultPort;

    Tls(int defaultPort) {
      this.defaultPort = defaultPort;
    }

    /** The mode named by {@code s} (any case), or an error naming the option. */
    public static Tls parse(String s) {
      String v = s == null || s.isBlank() ? "STARTTLS" : s.strip().toUpperCase(Locale.ROOT);
      for (Tls t : values()) {
        if (t.name().equals(v)) {
          return t;
        }
      }
      throw new IllegalArgumentException("--smtpTls=" + s + " must be STARTTLS, TLS or NONE");
    }
  }

  public MailSettings {
    to = List.copyOf(to);
    if (!to.isEmpty()) {
      if (from == null || from.isBlank()) {
        throw new IllegalArgumentException("--mailTo needs --mailFrom (the sender address)");
      }
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("--mailTo needs --smtpHost (the SMTP server)");
      }
      address(from, "--mailFrom");
      if (tls == Tls.NONE && !ChannelSettings.loopback(host)) {
        throw new IllegalArgumentException(
            "--smtpTls=NONE sends in plain text and is allowed only for a server on "
                + "127.0.0.1, ::1 or localhost, not "
                + host
                + "; use STARTTLS or TLS");
      }
    }
    if (port != null && (port < 1 || port > 65535)) {
      throw new IllegalArgumentException("--smtpPort=" + port + " must be between 1 and 65535");
    }
    host = host == null || host.isBlank() ? null : host.strip();
    from = from == null || from.isBlank() ? null : from.strip();
    user = user == null || user.isBlank() ? null : user.strip();
  }

  /** No e-mail channel. */
  public static MailSettings none() {
    return new MailSettings(List.of(), null, null, null, Tls.STARTTLS, null);
  }

  /** From the options' text; errors name the option. */
  public static MailSettings of(
      String to, String from, String host, Integer port, String tls, String user) {
    List<String> recipients = new ArrayList<>();
    if (to != null && !to.isBlank()) {
      for (String a : to.split(",")) {
        if (!a.isBlank()) {
          recipients.add(address(a.strip(), "--mailTo"));
        }
      }
    }
    return new MailSettings(recipients, from, host, port, Tls.parse(tls), user);
  }

  public boolean configured() {
    return !to.isEmpty();
  }

  public int effectivePort() {
    return port != null ? port : tls.defaultPort;
  }

  private static String address(String a, String option) {
    try {
      InternetAddress parsed = new InternetAddress(a, true);
      parsed.validate();
      return parsed.toString();
    } catch (AddressException e) {
      throw new IllegalArgumentException(option + ": '" + a + "' is not an e-mail address");
    }
  }
}
