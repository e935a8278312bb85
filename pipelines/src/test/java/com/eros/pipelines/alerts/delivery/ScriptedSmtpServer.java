package com.eros.pipelines.alerts.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server on 127.0.0.1 for the answers a real test server does not give: it answers
 * MAIL FROM of the n-th connection with the n-th scripted reply (the last repeats), or, when
 * silent, accepts connections and never says anything (a hung server). Records each command.
 */
final class ScriptedSmtpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<String> mailReplies;
  private final boolean silent;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger messages = new AtomicInteger();
  private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
  private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());

  private ScriptedSmtpServer(List<String> mailReplies, boolean silent) throws IOException {
    this.mailReplies = List.copyOf(mailReplies);
    this.silent = silent;
    socket = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
    executor.submit(this::accept);
  }

  /**
   * Answers MAIL FROM of connection n with {@code replies[n]} (the last repeats), e.g. "451 4.3.0
   * busy".
   */
  static ScriptedSmtpServer answering(String... replies) throws IOException {
    return new ScriptedSmtpServer(List.of(replies), false);
  }

  /** Accepts and never answers. */
  static ScriptedSmtpServer silent() throws IOException {
    return new ScriptedSmtpServer(List.of(), true);
  }

  int port() {
    return socket.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  /** Messages accepted after DATA. */
  int messages() {
    return messages.get();
  }

  List<String> commands() {
    synchronized (commands) {
      return List.copyOf(commands);
    }
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        open.add(s);
        int n = connections.getAndIncrement();
        executor.submit(() -> serve(s, n));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s, int n) {
    if (silent) {
      return; // held open until close()
    }
    try (s;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = s.getOutputStream()) {
      say(out, "220 127.0.0.1 scripted ESMTP");
      String line;
      while ((line = in.readLine()) != null) {
        commands.add(line);
        String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
        switch (verb) {
          case "EHLO", "HELO" -> say(out, "250 127.0.0.1");
          case "MAIL" -> say(out, mailReplies.get(Math.min(n, mailReplies.size() - 1)));
          case "RCPT", "RSET", "NOOP" -> say(out, "250 ok");
          case "DATA" -> {
            say(out, "354 go ahead");
            String body;
            while ((body = in.readLine()) != null && !body.equals(".")) {
              // the message
            }
            messages.incrementAndGet();
            say(out, "250 queued");
          }
          case "QUIT" -> {
            say(out, "221 bye");
            return;
          }
          default -> say(out, "502 not implemented");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void say(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    synchronized (open) {
      for (Socket s : open) {
        s.close();
      }
    }
    executor.shutdownNow();
  }
}
