package com.eros.pipelines.alerts.delivery;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sends an alert as an e-mail (plain text plus an HTML part) through SMTP with Angus Mail, the
 * Jakarta Mail implementation: STARTTLS (required, never a silent plain-text fallback) or implicit
 * TLS, the server's certificate and host name checked, authentication when a user is set. Bounded
 * like the HTTP channels ({@link RetryPolicy}): every connection, read and write has the request
 * timeout; a connection failure, a timeout or a 4xx reply is retried with back-off; a 5xx reply, a
 * failed login or a TLS failure is final. Reasons never contain the password (the caller also
 * redacts them).
 *
 * <p>The Message-ID is derived from the alert id, so a message sent twice (a retried Beam bundle)
 * carries the same id and mail clients can show it once.
 */
public final class SmtpMailer {
  private final MailSettings settings;
  private final RetryPolicy policy;
  private final SSLSocketFactory socketFactory;

  public SmtpMailer(MailSettings settings, RetryPolicy policy) {
    this(settings, policy, null);
  }

  /**
   * With a socket factory for the TLS connection (tests: one that trusts the test server's
   * certificate); null: the JDK's default trust store.
   */
  SmtpMailer(MailSettings settings, RetryPolicy policy, SSLSocketFactory socketFactory) {
    this.settings = settings;
    this.policy = policy;
    this.socketFactory = socketFactory;
  }

  private String protocol() {
    return settings.tls() == MailSettings.Tls.TLS ? "smtps" : "smtp";
  }

  /** The session properties (no secrets: the password is given to connect only). */
  Properties properties() {
    String p = "mail." + protocol() + ".";
    Properties props = new Properties();
    props.put(p + "host", settings.host());
    props.put(p + "port", String.valueOf(settings.effectivePort()));
    props.put(p + "auth", String.valueOf(settings.user() != null));
    props.put(p + "from", settings.from());
    props.put(p + "connectiontimeout", String.valueOf(policy.connectTimeout().toMillis()));
    props.put(p + "timeout", String.valueOf(policy.requestTimeout().toMillis()));
    props.put(p + "writetimeout", String.valueOf(policy.requestTimeout().toMillis()));
    if (settings.tls() == MailSettings.Tls.STARTTLS) {
      props.put(p + "starttls.enable", "true");
      props.put(p + "starttls.required", "true");
    }
    if (settings.tls() != MailSettings.Tls.NONE) {
      props.put(p + "ssl.checkserveridentity", "true");
      if (socketFactory != null) {
        props.put(p + "ssl.socketFactory", socketFactory);
      }
    }
    return props;
  }

  /** The message of an alert, in {@code session}. */
  MimeMessage message(Session session, AlertNotice a) throws MessagingException {
    String messageId = "<" + a.alertId().replaceAll("[^A-Za-z0-9._-]", ".") + "@eros-automation>";
    MimeMessage m =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    m.setFrom(new InternetAddress(settings.from()));
    Address[] to = new Address[settings.to().size()];
    for (int i = 0; i < to.length; i++) {
      to[i] = new InternetAddress(settings.to().get(i));
    }
    m.setRecipients(Message.RecipientType.TO, to);
    m.setSubject(Payloads.mailSubject(a), StandardCharsets.UTF_8.name());
    m.setSentDate(new Date());
    m.setHeader("X-EROS-Alert-Id", a.alertId());
    m.setHeader("X-EROS-Alert-Level", a.level().name());
    MimeBodyPart text = new MimeBodyPart();
    text.setText(Payloads.mailText(a), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(Payloads.mailHtml(a), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    m.setContent(alternative);
    m.saveChanges();
    return m;
  }

  /** Sends {@code a}; {@code password} is used only when a user is set. */
  public MailResult send(AlertNotice a, String password) {
    Session session = Session.getInstance(properties());
    MimeMessage m;
    try {
      m = message(session, a);
    } catch (MessagingException e) {
      return new MailResult(
          false, 0, 0, 0, "cannot build the message (" + e.getClass().getSimpleName() + ")");
    }
    int attempt = 0;
    int code = 0;
    String reason = "not tried";
    while (attempt < policy.maxAttempts()) {
      attempt++;
      boolean retry;
      try (Transport t = session.getTransport(protocol())) {
        t.connect(
            settings.host(),
            settings.effectivePort(),
            settings.user(),
            settings.user() == null ? null : password);
        t.sendMessage(m, m.getAllRecipients());
        return new MailResult(true, 250, m.getAllRecipients().length, attempt, null);
      } catch (AuthenticationFailedException e) {
        return new MailResult(
            false, code, 0, attempt, "authentication failed" + serverText(e) + ", not retried");
      } catch (SendFailedException e) {
        code = returnCode(e);
        reason = (code == 0 ? "rejected" : "SMTP " + code) + serverText(e);
        retry = code >= 400 && code < 500;
      } catch (MessagingException e) {
        Throwable io = ioCause(e);
        if (io instanceof SocketTimeoutException) {
          reason = "timed out after " + policy.requestTimeout().toMillis() + " ms";
          retry = true;
        } else if (io instanceof SSLException) {
          return new MailResult(
              false,
              code,
              0,
              attempt,
              "TLS failed (" + io.getClass().getSimpleName() + "), not retried");
        } else if (io instanceof ConnectException || io instanceof UnknownHostException) {
          reason = "connection failed (" + io.getClass().getSimpleName() + ")";
          retry = true;
        } else if (io != null) {
          reason = "connection failed (" + io.getClass().getSimpleName() + ")";
          retry = true;
        } else {
          return new MailResult(
              false, code, 0, attempt, firstLine(e.getMessage()) + ", not retried");
        }
      }
      if (!retry) {
        return new MailResult(false, code, 0, attempt, reason + ", not retried");
      }
      if (attempt < policy.maxAttempts()) {
        try {
          Thread.sleep(policy.backoffAfter(attempt).toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new MailResult(false, code, 0, attempt, reason + "; interrupted");
        }
      }
    }
    return new MailResult(false, code, 0, attempt, reason + ", gave up");
  }

  /**
   * The SMTP reply code of a send failure (its own, or a nested address failure's), 0 when none.
   */
  static int returnCode(MessagingException e) {
    Set<Object> seen = new HashSet<>();
    Exception x = e;
    while (x != null && seen.add(x)) {
      if (x instanceof SMTPSendFailedException s) {
        return s.getReturnCode();
      }
      if (x instanceof SMTPAddressFailedException s) {
        return s.getReturnCode();
      }
      if (x instanceof SMTPSenderFailedException s) {
        return s.getReturnCode();
      }
      x = x instanceof MessagingException me ? me.getNextException() : null;
    }
    return 0;
  }

  /** The IOException under a messaging exception (its cause chain or next exceptions), or null. */
  static Throwable ioCause(MessagingException e) {
    Set<Object> seen = new HashSet<>();
    Throwable x = e;
    while (x != null && seen.add(x)) {
      if (x instanceof IOException) {
        return x;
      }
      Throwable next = x.getCause();
      if (next == null && x instanceof MessagingException me) {
        next = me.getNextException();
      }
      x = next;
    }
    return null;
  }

  /** The server's words (first line, at most 120 characters), for the detail. */
  private static String serverText(MessagingException e) {
    String m = firstLine(e.getMessage());
    if (m.isBlank()) {
      return "";
    }
    return ": " + (m.length() > 120 ? m.substring(0, 120) + "..." : m);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    String one = s.strip();
    int nl = one.indexOf('\n');
    return (nl < 0 ? one : one.substring(0, nl)).strip();
  }
}
