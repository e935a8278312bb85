package com.eros.common.warehouse.bigquery;

import com.eros.common.warehouse.WarehouseSetupException;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.services.bigquery.Bigquery;
import com.google.api.services.bigquery.BigqueryScopes;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import org.apache.beam.sdk.extensions.gcp.util.Transport;

/**
 * Before the first driver-side operation against real BigQuery: are there credentials, and does the
 * dataset exist and answer? One request, no retries, so that a wrong {@code --warehouse} or a
 * missing login fails in seconds with one line saying how to fix it.
 */
final class BigQueryPreflight {
  private static final int TIMEOUT_MS = 20_000;

  private BigQueryPreflight() {}

  static void check(String project, String dataset) {
    GoogleCredentials creds;
    try {
      creds = GoogleCredentials.getApplicationDefault();
    } catch (IOException e) {
      throw new WarehouseSetupException(
          "no Google Cloud credentials found for --warehouse=bigquery:"
              + project
              + "."
              + dataset
              + "; "
              + BigQueryErrors.LOGIN_HINT,
          e);
    }
    if (creds.createScopedRequired()) {
      creds = creds.createScoped(BigqueryScopes.BIGQUERY);
    }
    HttpCredentialsAdapter auth = new HttpCredentialsAdapter(creds);
    HttpRequestInitializer init =
        request -> {
          auth.initialize(request);
          request.setConnectTimeout(TIMEOUT_MS);
          request.setReadTimeout(TIMEOUT_MS);
          request.setNumberOfRetries(0);
        };
    Bigquery client =
        new Bigquery.Builder(Transport.getTransport(), Transport.getJsonFactory(), init)
            .setApplicationName("eros-automation")
            .build();
    try {
      client.datasets().get(project, dataset).execute();
    } catch (IOException e) {
      throw BigQueryErrors.describe("opening dataset " + dataset, project, dataset, e);
    }
  }
}
