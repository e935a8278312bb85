package com.eros.tools.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalServiceFilterTest {
  @TempDir Path dir;

  @Test
  void appliesOnlyWhenTheCommandLineNamesNeitherBigQueryNorARunner() {
    assertThat(
        LocalServiceFilter.appliesTo(
            new String[] {"caption-performance", "--warehouse=duckdb:x.duckdb"}),
        is(true));
    assertThat(
        LocalServiceFilter.appliesTo(new String[] {"lock-sweep", "--warehouse=bigquery:p.d"}),
        is(false));
    assertThat(
        LocalServiceFilter.appliesTo(new String[] {"health", "--warehouse", "BigQuery:p.d"}),
        is(false));
    assertThat(
        LocalServiceFilter.appliesTo(new String[] {"daily-automation", "--runner=DataflowRunner"}),
        is(false));
    assertThat(
        LocalServiceFilter.appliesTo(new String[] {"health-monitor", "--rules=gs://b/rules.yaml"}),
        is(false));
    assertThat(
        LocalServiceFilter.appliesTo(new String[] {"report", "--out", "gs://b/r.html"}), is(false));
  }

  @Test
  void hidesTheDataflowAndGcpProvidersOfBeamServiceFilesOnly() throws Exception {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(
        services.resolve("org.apache.beam.sdk.options.PipelineOptionsRegistrar"),
        String.join(
            "\n",
            "org.apache.beam.runners.dataflow.DataflowPipelineRegistrar$Options",
            "org.apache.beam.sdk.io.gcp.common.GcpIoPipelineOptionsRegistrar",
            "org.apache.beam.sdk.options.DefaultPipelineOptionsRegistrar",
            "org.apache.beam.sdk.extensions.gcp.options.GcpPipelineOptionsRegistrar",
            "org.apache.beam.runners.direct.DirectRegistrar$Options",
            ""),
        StandardCharsets.UTF_8);
    Files.writeString(
        services.resolve("java.sql.Driver"), "org.apache.beam.sdk.io.gcp.NotABeamService\n");
    try (java.net.URLClassLoader jar =
        new java.net.URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      LocalServiceFilter filter = new LocalServiceFilter(jar);
      List<URL> urls =
          Collections.list(
              filter.getResources(
                  "META-INF/services/org.apache.beam.sdk.options.PipelineOptionsRegistrar"));
      assertThat(urls.size(), is(1));
      String kept = read(urls.get(0));
      assertThat(
          kept, containsString("org.apache.beam.sdk.options.DefaultPipelineOptionsRegistrar"));
      assertThat(kept, containsString("org.apache.beam.runners.direct.DirectRegistrar$Options"));
      assertThat(kept, not(containsString("dataflow")));
      assertThat(kept, not(containsString(".gcp.")));
      assertThat(
          read(
              filter.getResource(
                  "META-INF/services/org.apache.beam.sdk.options.PipelineOptionsRegistrar")),
          is(kept));
      // not a Beam service file: untouched
      assertThat(
          read(filter.getResource("META-INF/services/java.sql.Driver")),
          containsString("NotABeamService"));
    }
  }

  private static String read(URL u) throws Exception {
    try (InputStream in = u.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
