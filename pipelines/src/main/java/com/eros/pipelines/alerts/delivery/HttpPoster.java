package com.eros.pipelines.alerts.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * POSTs JSON with bounded retries ({@link RetryPolicy}). Reasons never contain the URL: exception
 * messages of the HTTP stack are replaced by the exception's kind.
 */
public final class HttpPoster {
  private final HttpClient client;
  private final RetryPolicy policy;

  public HttpPoster(RetryPolicy policy) {
    this.policy = policy;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(policy.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public RetryPolicy policy() {
    return policy;
  }

  public PostResult post(URI uri, String json) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(policy.requestTimeout())
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "eros-automation")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build();
    int status = 0;
    String reason = "not tried";
    int attempt = 0;
    while (attempt < policy.maxAttempts()) {
      attempt++;
      try {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        status = r.statusCode();
        if (status >= 200 && status < 300) {
          return new PostResult(true, status, attempt, null);
        }
        reason = "HTTP " + status + snippet(r.body());
        if (!RetryPolicy.retryable(status)) {
          return new PostResult(false, status, attempt, reason + ", not retried");
        }
      } catch (HttpConnectTimeoutException e) {
        reason = "connection timed out after " + policy.connectTimeout().toMillis() + " ms";
      } catch (HttpTimeoutException e) {
        reason = "timed out after " + policy.requestTimeout().toMillis() + " ms";
      } catch (IOException e) {
        reason = "connection failed (" + e.getClass().getSimpleName() + ")";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new PostResult(false, status, attempt, "interrupted");
      }
      if (attempt < policy.maxAttempts()) {
        try {
          Thread.sleep(policy.backoffAfter(attempt).toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new PostResult(false, status, attempt, reason + "; interrupted");
        }
      }
    }
    return new PostResult(false, status, attempt, reason + ", gave up");
  }

  private static String snippet(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String one = body.strip().replaceAll("\\s+", " ");
    return ": " + (one.length() > 120 ? one.substring(0, 120) + "..." : one);
  }
}
