package com.eros.pipelines.alerts.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP server on 127.0.0.1 (a free port) for tests: records every request and answers each path
 * from a script of responses (the last one repeats); a response may be delayed.
 */
public final class LocalServer implements AutoCloseable {
  /** A scripted answer. */
  public record Answer(int status, String body, long delayMillis) {
    public static Answer of(int status) {
      return new Answer(status, status < 300 ? "ok" : "error", 0);
    }
  }

  /** A request as received. */
  public record Request(
      String method, String path, String query, Map<String, List<String>> headers, String body) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, ConcurrentLinkedDeque<Answer>> script = new ConcurrentHashMap<>();
  private volatile java.util.function.Consumer<Request> onRequest = r -> {};

  public LocalServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Base URL, e.g. http://127.0.0.1:54321 */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers for a path, in order; the last repeats. Unscripted paths answer 200. */
  public LocalServer answer(String path, Answer... answers) {
    ConcurrentLinkedDeque<Answer> q = new ConcurrentLinkedDeque<>(List.of(answers));
    script.put(path, q);
    return this;
  }

  /**
   * Runs {@code hook} on each request before it is answered (e.g. to look at the database at that
   * moment).
   */
  public LocalServer onRequest(java.util.function.Consumer<Request> hook) {
    this.onRequest = hook;
    return this;
  }

  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public List<Request> requests(String path) {
    return requests().stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = ex.getRequestURI().getPath();
    Request request =
        new Request(
            ex.getRequestMethod(),
            path,
            ex.getRequestURI().getRawQuery(),
            Map.copyOf(ex.getRequestHeaders()),
            body);
    requests.add(request);
    try {
      onRequest.accept(request);
    } catch (RuntimeException e) {
      // the hook records what it saw; a failing hook must not hang the client
    }
    Answer a = Answer.of(200);
    ConcurrentLinkedDeque<Answer> q = script.get(path);
    if (q != null) {
      synchronized (q) {
        a = q.size() > 1 ? q.pollFirst() : q.peekFirst();
      }
    }
    try {
      if (a.delayMillis() > 0) {
        Thread.sleep(a.delayMillis());
      }
      byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(a.status(), out.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(out);
      }
    } catch (InterruptedException | IOException e) {
      // the client gave up (timeout) or the server is stopping
    } finally {
      ex.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
