package com.eros.tools.cli.deploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shapes accept the values a deployment uses and refuse anything that could leave its field.
 */
class ValuesTest {
  private static final Map<Values.Shape, List<String>> GOOD =
      Map.of(
          Values.REGISTRY,
              List.of(
                  "us-west1-docker.pkg.dev/my-project/eros",
                  "gcr.io/my-project",
                  "localhost:5000/eros/images",
                  "europe-docker.pkg.dev/p-1/repo_name/sub.path"),
          Values.CRON, List.of("5 3 * * *", "0 */6 * * *", "0 9 * * MON-FRI", "15,45 8-18 1 JAN *"),
          Values.SERVICE_ACCOUNT,
              List.of(
                  "eros-dataflow@my-project.iam.gserviceaccount.com",
                  "123456789-compute@developer.gserviceaccount.com"),
          Values.GCS_PATH,
              List.of("gs://my-bucket/temp", "gs://my-bucket", "gs://my.bucket/a/b_c-d/"),
          Values.DURATION, List.of("180s", "30m", "1h"));

  private static final Map<Values.Shape, List<String>> BAD =
      Map.of(
          Values.REGISTRY,
              List.of(
                  "us-west1-docker.pkg.dev/p/eros\n  - name: evil",
                  "US-docker.pkg.dev/p/eros",
                  "gcr.io",
                  "gcr.io/p/eros:latest",
                  "gcr.io/p/eros@sha256:abc",
                  "gcr.io//p",
                  "gcr.io/p/",
                  "gcr.io/p/'x'",
                  "gcr.io/p eros"),
          Values.CRON,
              List.of("5 3 * *", "5  3 * * *", "5 3 * * * *", "5 3 * * *\n", "5 3 * * ; rm"),
          Values.SERVICE_ACCOUNT,
              List.of("eros@example.com", "eros-dataflow@p.iam.gserviceaccount.com --project=x"),
          Values.GCS_PATH,
              List.of("/tmp/temp", "gs://b", "gs://my-bucket/a b", "gs://my-bucket/../x\n"),
          Values.DURATION, List.of("180", "3 minutes", "-1s"));

  @Test
  void typicalValuesFitAndHostileOnesDoNot() {
    GOOD.forEach(
        (shape, values) ->
            values.forEach(
                v -> assertThat(shape.expected() + ": " + v, shape.fits(v), equalTo(true))));
    BAD.forEach(
        (shape, values) ->
            values.forEach(
                v -> assertThat(shape.expected() + ": " + v, shape.fits(v), equalTo(false))));
  }

  @Test
  void aValueIsShownOnOneLineWithItsControlCharactersEscaped() {
    assertThat(
        Values.show("a\nb\t\"c\"\\\u0007\u2028"),
        equalTo("\"a\\nb\\t\\\"c\\\"\\\\\\u0007\\u2028\""));
    assertThat(Values.show("x".repeat(200)).length(), equalTo(1 + 120 + 1 + 1));
  }
}
