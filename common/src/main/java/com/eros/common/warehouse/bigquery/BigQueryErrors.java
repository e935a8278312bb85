package com.eros.common.warehouse.bigquery;

import com.eros.common.warehouse.WarehouseSetupException;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * One clear line for what went wrong talking to BigQuery and how to fix it, instead of a stack
 * trace. Not-found problems (a wrong project or dataset in {@code --warehouse}) become {@link
 * IllegalArgumentException}s, the rest {@link IllegalStateException}s; the cause is kept.
 */
public final class BigQueryErrors {
  static final String LOGIN_HINT =
      "run `gcloud auth application-default login` (or set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file)";

  private BigQueryErrors() {}

  /**
   * The exception to throw for {@code error} raised while doing {@code what} on {@code
   * project.dataset}.
   */
  public static RuntimeException describe(
      String what, String project, String dataset, Throwable error) {
    String where = project + "." + dataset;
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof GoogleJsonResponseException g) {
        String msg = apiMessage(g);
        switch (g.getStatusCode()) {
          case 401:
            return new WarehouseSetupException(
                "BigQuery rejected the credentials while " + what + " (" + msg + "); " + LOGIN_HINT,
                error);
          case 403:
            return new WarehouseSetupException(
                "BigQuery denied access while "
                    + what
                    + " in "
                    + where
                    + " ("
                    + msg
                    + "); check the project id in --warehouse and that your account has the BigQuery Data Editor and Job User roles on it",
                error);
          case 404:
            return new WarehouseSetupException(
                "BigQuery: "
                    + msg
                    + " while "
                    + what
                    + "; check --warehouse=bigquery:"
                    + where
                    + " (the project and the dataset must exist; create the dataset with `bq mk --dataset "
                    + project
                    + ":"
                    + dataset
                    + "`)",
                error);
          default:
            return new IllegalStateException(
                "BigQuery error "
                    + g.getStatusCode()
                    + " while "
                    + what
                    + " in "
                    + where
                    + ": "
                    + msg,
                error);
        }
      }
      if (t instanceof UnknownHostException
          || t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof SocketTimeoutException) {
        return new WarehouseSetupException(
            "cannot reach BigQuery while "
                + what
                + " ("
                + t.getClass().getSimpleName()
                + ": "
                + firstLine(t.getMessage())
                + "); check the network connection and proxy settings",
            error);
      }
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("application default credentials") || m.contains("default credentials")) {
        return new WarehouseSetupException(
            "no Google Cloud credentials found while " + what + "; " + LOGIN_HINT, error);
      }
    }
    return new IllegalStateException(
        "BigQuery failed while "
            + what
            + " in "
            + where
            + ": "
            + firstLine(String.valueOf(error.getMessage())),
        error);
  }

  /** The error's message as BigQuery states it (without the HTTP dump of the client library). */
  static String apiMessage(GoogleJsonResponseException g) {
    if (g.getDetails() != null && g.getDetails().getMessage() != null) {
      return firstLine(g.getDetails().getMessage());
    }
    return g.getStatusCode() + " " + firstLine(String.valueOf(g.getStatusMessage()));
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
