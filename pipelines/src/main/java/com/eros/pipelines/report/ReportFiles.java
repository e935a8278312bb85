package com.eros.pipelines.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Where a report is written: a local path or any location Beam's {@link FileSystems} knows ({@code
 * gs://BUCKET/OBJECT} on Dataflow). Written as {@code text/html}, so a GCS link opens it in the
 * browser.
 */
public final class ReportFiles {
  public static final String MIME_TYPE = "text/html";

  private ReportFiles() {}

  /**
   * Whether a location names a remote file system ({@code scheme://...}) rather than a local path.
   */
  static boolean isRemote(String location) {
    return location.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*");
  }

  /**
   * Checks a location before anything runs; {@link IllegalArgumentException} says what is wrong.
   * Returns the location to write to (a local path made absolute).
   */
  public static String check(String location, String option) {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("--" + option + " is empty; name the HTML file to write");
    }
    String l = location.strip();
    if (isRemote(l)) {
      if (l.startsWith("gs://") && !l.matches("gs://[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]/.*[^/]")) {
        throw new IllegalArgumentException(
            "--"
                + option
                + "="
                + location
                + " is not a GCS object; write it like gs://my-bucket/reports/eros-report.html");
      }
      return l;
    }
    Path p = Path.of(l).toAbsolutePath().normalize();
    if (Files.isDirectory(p)) {
      throw new IllegalArgumentException(
          "--"
              + option
              + "="
              + location
              + " is a folder; name a file inside it, e.g. "
              + p.resolve("eros-report.html"));
    }
    Path parent = p.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new IllegalArgumentException(
          "--"
              + option
              + "="
              + location
              + ": folder "
              + parent
              + " does not exist; create it or choose another path");
    }
    return p.toString();
  }

  /** Writes the HTML to the location (replacing what is there). */
  public static void write(String location, String html) throws IOException {
    ResourceId target = FileSystems.matchNewResource(location, false);
    try (WritableByteChannel ch = FileSystems.create(target, MIME_TYPE);
        OutputStream os = Channels.newOutputStream(ch)) {
      os.write(html.getBytes(StandardCharsets.UTF_8));
    }
  }
}
