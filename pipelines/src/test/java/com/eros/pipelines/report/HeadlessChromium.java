package com.eros.pipelines.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol with the JDK's WebSocket client:
 * nothing is downloaded. The browser runs with a fresh profile and without background networking
 * (this machine's network is closed; Chromium would otherwise try Google's hosts at start).
 */
final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path profile;
  private volatile WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new ArrayList<>();

  /**
   * The Chromium binary: $EROS_CHROMIUM, else chromium (or chromium-browser, google-chrome) on the
   * PATH.
   */
  static Optional<Path> find() {
    String env = System.getenv("EROS_CHROMIUM");
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String name :
        List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
      for (String d : path.split(File.pathSeparator)) {
        Path p = Path.of(d, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  private HeadlessChromium(Process process, Path profile) {
    this.process = process;
    this.profile = profile;
  }

  /**
   * Starts the browser on about:blank with a new profile in a temporary folder of its own (not a
   * test's {@code @TempDir}: Chromium's helper processes may still write there for a moment after
   * the browser exits, and JUnit fails a test whose temporary folder it cannot delete) and attaches
   * to its page.
   */
  static HeadlessChromium start(Path binary) throws Exception {
    Path profile = Files.createTempDirectory("eros-chromium-");
    Path log = profile.resolve("chromium.log");
    Process p =
        new ProcessBuilder(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--no-first-run",
                "--no-default-browser-check",
                "--hide-scrollbars",
                "--mute-audio",
                "--user-data-dir=" + profile,
                "--remote-debugging-port=0",
                "about:blank")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      Path portFile = profile.resolve("DevToolsActivePort");
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).isEmpty()) {
        if (!p.isAlive()) {
          throw new IllegalStateException(
              "chromium exited with " + p.exitValue() + ":\n" + Files.readString(log));
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "chromium did not open its DevTools port in "
                  + TIMEOUT
                  + ":\n"
                  + Files.readString(log));
        }
        Thread.sleep(50);
      }
      int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
      HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
      String ws = null;
      while (ws == null) {
        HttpResponse<String> list =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .timeout(TIMEOUT)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode t : JSON.readTree(list.body())) {
          if ("page".equals(t.path("type").asText())) {
            ws = t.path("webSocketDebuggerUrl").asText();
          }
        }
        if (ws == null) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("chromium has no page target: " + list.body());
          }
          Thread.sleep(50);
        }
      }
      HeadlessChromium c = new HeadlessChromium(p, profile);
      c.socket =
          http.newWebSocketBuilder()
              .connectTimeout(TIMEOUT)
              .buildAsync(URI.create(ws), new Listener(c))
              .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return c;
    } catch (Exception e) {
      stopTree(p);
      deleteQuietly(profile);
      throw e;
    }
  }

  /** Sends a DevTools command and waits for its result; a protocol error becomes an exception. */
  JsonNode send(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode();
    msg.put("id", id);
    msg.put("method", method);
    msg.set("params", params == null ? JSON.createObjectNode() : params);
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    socket.sendText(JSON.writeValueAsString(msg), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    JsonNode reply = f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + " failed: " + reply.get("error"));
    }
    return reply.path("result");
  }

  static ObjectNode params() {
    return JSON.createObjectNode();
  }

  /** Waits for an event of the given method (received before or after this call) and returns it. */
  JsonNode await(String method) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    synchronized (events) {
      while (true) {
        for (JsonNode e : events) {
          if (method.equals(e.path("method").asText())) {
            return e;
          }
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new IllegalStateException("no " + method + " within " + TIMEOUT);
        }
        events.wait(left);
      }
    }
  }

  /** Every event received so far. */
  List<JsonNode> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  void clearEvents() {
    synchronized (events) {
      events.clear();
    }
  }

  /**
   * Evaluates an expression in the page and returns its value (the expression must give a JSON-able
   * value).
   */
  JsonNode evaluate(String expression) throws Exception {
    ObjectNode p = params();
    p.put("expression", expression);
    p.put("returnByValue", true);
    JsonNode r = send("Runtime.evaluate", p);
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException("evaluation failed: " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  private void received(String text) {
    try {
      JsonNode msg = JSON.readTree(text);
      if (msg.has("id")) {
        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
        if (f != null) {
          f.complete(msg);
        }
      } else {
        synchronized (events) {
          events.add(msg);
          events.notifyAll();
        }
      }
    } catch (IOException e) {
      pending.values().forEach(f -> f.completeExceptionally(e));
    }
  }

  /**
   * Asks the browser to close, then ends its whole process tree (renderer, zygote, crash handler)
   * and waits for every process before removing the profile.
   */
  @Override
  public void close() throws Exception {
    try {
      try {
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", ids.incrementAndGet());
        msg.put("method", "Browser.close");
        socket.sendText(JSON.writeValueAsString(msg), true).get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        // the browser may drop the connection before it answers; the tree is ended below anyway
      }
      socket.abort();
    } finally {
      stopTree(process);
      deleteQuietly(profile);
    }
  }

  private static void stopTree(Process p) {
    List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
    tree.add(p.toHandle());
    try {
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroy();
        p.waitFor(5, TimeUnit.SECONDS);
      }
      for (ProcessHandle h : tree) {
        if (h.isAlive()) {
          h.destroyForcibly();
        }
        h.onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      System.err.println("chromium: could not wait for every browser process to end: " + e);
    }
  }

  /**
   * Removes the profile; a leftover file is reported, not a test failure (it is the browser's, not
   * the product's). Retries a few times because a process may still be flushing.
   */
  private static void deleteQuietly(Path dir) {
    for (int attempt = 0; attempt < 5; attempt++) {
      try (var walk = Files.walk(dir)) {
        for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
        return;
      } catch (IOException | java.io.UncheckedIOException e) {
        if (attempt == 4) {
          System.err.println("chromium: left the profile " + dir + " behind: " + e);
          return;
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder buffer = new StringBuilder();
    private final HeadlessChromium owner;

    Listener(HeadlessChromium owner) {
      this.owner = owner;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        owner.received(text);
      }
      ws.request(1);
      return null;
    }
  }

  static byte[] base64(JsonNode data) {
    return java.util.Base64.getDecoder().decode(data.asText().getBytes(StandardCharsets.US_ASCII));
  }
}
