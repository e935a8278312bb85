package com.eros.pipelines.alerts.delivery;

import java.io.IOException;

/** Reads a secret by resource name (Secret Manager in production). */
@FunctionalInterface
public interface SecretSource {
  /**
   * The secret's value. Exceptions must not contain the value.
   *
   * @param resourceName projects/P/secrets/S[/versions/V]
   */
  String access(String resourceName) throws IOException;
}
