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

  private HeadlessChromium(Process process) {
    this.process = process;
  }

  /**
   * Starts the browser on about:blank with a new profile in {@code profile} and attaches to its
   * page.
   */
  static HeadlessChromium start(Path binary, Path profile) throws Exception {
    Files.createDirectories(profile);
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
      HeadlessChromium c = new HeadlessChromium(p);
      c.socket =
          http.newWebSocketBuilder()
              .connectTimeout(TIMEOUT)
              .buildAsync(URI.create(ws), new Listener(c))
              .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return c;
    } catch (Exception e) {
      p.destroyForcibly();
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

  @Override
  public void close() throws Exception {
    try {
      socket.abort();
    } finally {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
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
