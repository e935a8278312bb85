package com.eros.tools.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * A context class loader for {@code ./eros} runs that touch neither Google Cloud nor Dataflow: it
 * hides the Dataflow runner's and the GCP IOs' entries from Beam's {@code META-INF/services} files,
 * so that Beam's registries (pipeline options, runners, file systems, coders, transform
 * translators) never load or validate them. Beam reads those registries through the thread's
 * context class loader ({@code ReflectHelpers.findClassLoader}); every class still comes from the
 * parent loader, so nothing else changes.
 *
 * <p>Why: {@code PipelineOptionsFactory}'s first use validates every registered options interface,
 * and the Dataflow and GCP ones are most of them — measured as most of the option-parsing second of
 * a local run (see README, Performance). A command line that names BigQuery or a runner keeps the
 * full registries ({@link #appliesTo}), as does {@code -Deros.allServices}.
 */
public final class LocalServiceFilter extends ClassLoader {
  private static final String BEAM_SERVICES = "META-INF/services/org.apache.beam.";
  private static final List<String> HIDDEN_PACKAGES =
      List.of(
          "org.apache.beam.runners.dataflow.",
          "org.apache.beam.sdk.io.gcp.",
          "org.apache.beam.sdk.extensions.gcp.");

  LocalServiceFilter(ClassLoader parent) {
    super(parent);
  }

  /**
   * Whether a command line runs locally without Google Cloud: it names no BigQuery warehouse, no
   * gs:// path and no runner.
   */
  static boolean appliesTo(String[] args) {
    if (System.getProperty("eros.allServices") != null) {
      return false; // -Deros.allServices: the full registries (to compare, or if a local run ever
      // needs them)
    }
    for (String a : args) {
      String s = a.toLowerCase(Locale.ROOT);
      // gs:// (a rules file, a report location) needs the GCS file system, a GCP registrar
      if (s.contains("bigquery")
          || s.contains("gs://")
          || s.startsWith("--runner")
          || s.startsWith("-runner")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Installs the filter as this thread's context class loader (threads started later inherit it).
   */
  public static void install() {
    Thread t = Thread.currentThread();
    ClassLoader current = t.getContextClassLoader();
    t.setContextClassLoader(
        new LocalServiceFilter(
            current != null ? current : LocalServiceFilter.class.getClassLoader()));
  }

  /** Whether a provider line names a class of the hidden packages. */
  static boolean hidden(String providerLine) {
    String cls = providerLine.strip();
    return HIDDEN_PACKAGES.stream().anyMatch(cls::startsWith);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    Enumeration<URL> all = getParent().getResources(name);
    if (!name.startsWith(BEAM_SERVICES)) {
      return all;
    }
    List<URL> kept = new ArrayList<>();
    for (URL u : Collections.list(all)) {
      kept.add(filtered(u));
    }
    return Collections.enumeration(kept);
  }

  @Override
  public URL getResource(String name) {
    URL u = getParent().getResource(name);
    if (u == null || !name.startsWith(BEAM_SERVICES)) {
      return u;
    }
    try {
      return filtered(u);
    } catch (IOException e) {
      return u;
    }
  }

  /**
   * The services file at {@code u} without the hidden providers (the same URL when none is hidden).
   */
  static URL filtered(URL u) throws IOException {
    String text;
    try (InputStream in = u.openStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder kept = new StringBuilder();
    boolean dropped = false;
    for (String line : text.split("\n", -1)) {
      if (hidden(line)) {
        dropped = true;
      } else {
        kept.append(line).append('\n');
      }
    }
    if (!dropped) {
      return u;
    }
    byte[] bytes = kept.toString().getBytes(StandardCharsets.UTF_8);
    try {
      return new URL(
          null,
          "eros-filtered:" + u,
          new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL url) {
              return new URLConnection(url) {
                @Override
                public void connect() {}

                @Override
                public InputStream getInputStream() {
                  return new ByteArrayInputStream(bytes);
                }
              };
            }
          });
    } catch (MalformedURLException e) {
      throw new IOException(e);
    }
  }
}
