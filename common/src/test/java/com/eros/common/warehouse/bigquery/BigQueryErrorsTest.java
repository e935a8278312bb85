package com.eros.common.warehouse.bigquery;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import java.io.IOException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class BigQueryErrorsTest {

  private static GoogleJsonResponseException api(int code, String message) {
    return new GoogleJsonResponseException(
        new HttpResponseException.Builder(code, "status", new HttpHeaders())
            .setMessage(
                code + " status\nGET https://bigquery.googleapis.com/...\n{ \"error\": ... }"),
        new GoogleJsonError().set("message", message));
  }

  @Test
  void aMissingDatasetIsABadWarehouseValue() {
    RuntimeException e =
        BigQueryErrors.describe(
            "opening dataset eros",
            "my-project",
            "eros",
            new IOException("wrapped", api(404, "Not found: Dataset my-project:eros")));
    assertThat(e, instanceOf(com.eros.common.warehouse.WarehouseSetupException.class));
    assertThat(e.getMessage(), containsString("Not found: Dataset my-project:eros"));
    assertThat(e.getMessage(), containsString("bq mk --dataset my-project:eros"));
    assertThat(e.getMessage(), not(containsString("\n")));
  }

  @Test
  void authenticationAndPermissionProblemsSayHowToFixThem() {
    RuntimeException e401 =
        BigQueryErrors.describe(
            "reading x",
            "my-project",
            "eros",
            api(401, "Request had invalid authentication credentials."));
    assertThat(e401, instanceOf(com.eros.common.warehouse.WarehouseSetupException.class));
    assertThat(
        BigQueryErrors.describe("reading x", "my-project", "eros", api(403, "Access Denied")),
        instanceOf(com.eros.common.warehouse.WarehouseSetupException.class));
    assertThat(e401.getMessage(), containsString("gcloud auth application-default login"));
    RuntimeException e403 =
        BigQueryErrors.describe(
            "reading x", "my-project", "eros", api(403, "Access Denied: Project my-project"));
    assertThat(e403.getMessage(), containsString("Access Denied: Project my-project"));
    assertThat(e403.getMessage(), containsString("check the project id"));
    assertThat(e403.getMessage(), not(containsString("\n")));
  }

  @Test
  void anUnreachableServiceIsNamed() {
    RuntimeException e =
        BigQueryErrors.describe(
            "creating tables",
            "my-project",
            "eros",
            new IOException(new UnknownHostException("bigquery.googleapis.com")));
    assertThat(e.getMessage(), containsString("cannot reach BigQuery"));
    assertThat(e.getMessage(), containsString("network"));
  }

  @Test
  void missingCredentialsAreRecognised() {
    RuntimeException e =
        BigQueryErrors.describe(
            "reading x",
            "my-project",
            "eros",
            new IOException(
                "Your default credentials were not found. To set up Application Default Credentials, see ..."));
    assertThat(e.getMessage(), containsString("gcloud auth application-default login"));
  }

  @Test
  void anythingElseKeepsOnlyTheFirstLine() {
    RuntimeException e =
        BigQueryErrors.describe(
            "reading x", "my-project", "eros", new IOException("boom\n\tat somewhere"));
    assertThat(e.getMessage(), containsString("boom"));
    assertThat(e.getMessage(), not(containsString("somewhere")));
  }
}
