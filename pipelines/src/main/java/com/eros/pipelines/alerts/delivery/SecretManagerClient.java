package com.eros.pipelines.alerts.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * Reads secrets through the Secret Manager REST API ({@code GET v1/{name}:access}) with an OAuth
 * token (Application Default Credentials in production). Error messages name the secret, never its
 * value.
 */
public final class SecretManagerClient implements SecretSource {
  public static final String ENDPOINT = "https://secretmanager.googleapis.com";
  private static final Pattern NAME =
      Pattern.compile(
          "projects/[A-Za-z0-9_.:-]+/secrets/[A-Za-z0-9_-]+(/versions/[A-Za-z0-9_-]+)?");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Supplies an OAuth access token. */
  @FunctionalInterface
  public interface TokenSource {
    String token() throws IOException;
  }

  private final String endpoint;
  private final TokenSource tokens;
  private final HttpClient client;
  private final Duration timeout;

  public SecretManagerClient(String endpoint, TokenSource tokens, Duration timeout) {
    this.endpoint =
        endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    this.tokens = tokens;
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The production client: Google's endpoint, Application Default Credentials. */
  public static SecretManagerClient withDefaultCredentials(Duration timeout) {
    return new SecretManagerClient(
        ENDPOINT,
        new TokenSource() {
          private GoogleCredentials credentials;

          @Override
          public synchronized String token() throws IOException {
            if (credentials == null) {
              credentials =
                  GoogleCredentials.getApplicationDefault()
                      .createScoped(List.of("https://www.googleapis.com/auth/cloud-platform"));
            }
            credentials.refreshIfExpired();
            return credentials.getAccessToken().getTokenValue();
          }
        },
        timeout);
  }

  /**
   * Whether {@code name} is a secret resource name; adds {@code /versions/latest} when no version
   * is given.
   */
  public static String normalize(String name) {
    String n = name == null ? "" : name.strip();
    if (!NAME.matcher(n).matches()) {
      throw new IllegalArgumentException(
          "'"
              + n
              + "' is not a Secret Manager resource name; write it like "
              + "projects/PROJECT/secrets/NAME or projects/PROJECT/secrets/NAME/versions/latest");
    }
    return n.contains("/versions/") ? n : n + "/versions/latest";
  }

  @Override
  public String access(String resourceName) throws IOException {
    String name = normalize(resourceName);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint + "/v1/" + name + ":access"))
            .timeout(timeout)
            .header("Authorization", "Bearer " + tokens.token())
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> r;
    try {
      r = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading secret " + name);
    } catch (IOException e) {
      throw new IOException(
          "cannot reach Secret Manager for " + name + " (" + e.getClass().getSimpleName() + ")");
    }
    if (r.statusCode() != 200) {
      throw new IOException(
          "Secret Manager answered HTTP "
              + r.statusCode()
              + " for "
              + name
              + (r.statusCode() == 403
                  ? " (grant roles/secretmanager.secretAccessor to the job's service account)"
                  : ""));
    }
    JsonNode payload = JSON.readTree(r.body()).path("payload");
    String data = payload.path("data").asText(null);
    if (data == null) {
      throw new IOException("Secret Manager returned no payload for " + name);
    }
    byte[] bytes = Base64.getDecoder().decode(data);
    if (payload.hasNonNull("dataCrc32c")) {
      CRC32C crc = new CRC32C();
      crc.update(bytes);
      if (crc.getValue() != Long.parseLong(payload.get("dataCrc32c").asText())) {
        throw new IOException("Secret Manager payload of " + name + " failed its CRC32C check");
      }
    }
    return new String(bytes, StandardCharsets.UTF_8).strip();
  }
}
