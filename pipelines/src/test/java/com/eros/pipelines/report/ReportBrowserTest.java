package com.eros.pipelines.report;

import static com.eros.pipelines.report.ReportFixture.NOW;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eros.duckdb.TempDuckDb;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser: headless Chromium (Debian package {@code chromium}; .ci/run
 * installs it) opens the file from disk. No console error or failed load, no request leaves the
 * file, every chart is drawn with its data, the page is not blank. Fails (never skips) without
 * Chromium.
 */
class ReportBrowserTest {
  static final int WIDTH = 1280;
  static final int HEIGHT = 900;

  @TempDir Path dir;

  static HeadlessChromium browser() throws Exception {
    Optional<Path> binary = HeadlessChromium.find();
    assertTrue(
        binary.isPresent(),
        "headless Chromium is needed for this test and was not found: install it "
            + "(apt-get install -y chromium; .ci/run does) or set EROS_CHROMIUM to its path");
    HeadlessChromium c = HeadlessChromium.start(binary.get());
    for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
      c.send(domain + ".enable", null);
    }
    ObjectNode metrics = HeadlessChromium.params();
    metrics.put("width", WIDTH);
    metrics.put("height", HEIGHT);
    metrics.put("deviceScaleFactor", 1);
    metrics.put("mobile", false);
    c.send("Emulation.setDeviceMetricsOverride", metrics);
    return c;
  }

  static void open(HeadlessChromium c, Path file) throws Exception {
    c.clearEvents();
    ObjectNode nav = HeadlessChromium.params();
    nav.put("url", file.toUri().toString());
    JsonNode r = c.send("Page.navigate", nav);
    assertThat("navigation error: " + r, r.has("errorText"), is(false));
    c.await("Page.loadEventFired");
  }

  /**
   * Console errors, uncaught exceptions, failed loads and requests for anything but the file
   * itself.
   */
  static List<String> problems(HeadlessChromium c, Path file) {
    List<String> p = new ArrayList<>();
    for (JsonNode e : c.events()) {
      String m = e.path("method").asText();
      JsonNode params = e.path("params");
      switch (m) {
        case "Runtime.consoleAPICalled" -> {
          String type = params.path("type").asText();
          if (type.equals("error") || type.equals("assert") || type.equals("warning")) {
            p.add("console " + type + ": " + params.path("args"));
          }
        }
        case "Runtime.exceptionThrown" -> p.add("exception: " + params.path("exceptionDetails"));
        case "Log.entryAdded" -> {
          String level = params.path("entry").path("level").asText();
          if (level.equals("error") || level.equals("warning")) {
            p.add(
                "log "
                    + level
                    + ": "
                    + params.path("entry").path("text").asText()
                    + " "
                    + params.path("entry").path("url").asText());
          }
        }
        case "Network.loadingFailed" -> p.add("load failed: " + params.path("errorText").asText());
        case "Network.requestWillBeSent" -> {
          String url = params.path("request").path("url").asText();
          if (!url.equals(file.toUri().toString()) && !url.startsWith("data:")) {
            p.add("request for " + url);
          }
        }
        default -> {}
      }
    }
    return p;
  }

  static BufferedImage screenshot(HeadlessChromium c, JsonNode clip) throws Exception {
    ObjectNode p = HeadlessChromium.params();
    p.put("format", "png");
    if (clip != null) {
      ObjectNode cl = p.putObject("clip");
      cl.put("x", clip.path("x").asDouble());
      cl.put("y", clip.path("y").asDouble());
      cl.put("width", clip.path("w").asDouble());
      cl.put("height", clip.path("h").asDouble());
      cl.put("scale", 1);
      p.put("captureBeyondViewport", true);
    }
    JsonNode r = c.send("Page.captureScreenshot", p);
    return ImageIO.read(new ByteArrayInputStream(HeadlessChromium.base64(r.path("data"))));
  }

  /**
   * Share of pixels that differ from the top-left pixel (the background), distinct colours,
   * colourful pixels.
   */
  record Ink(double share, int colours, long colourful) {}

  static Ink ink(BufferedImage img) {
    int bg = img.getRGB(0, 0);
    long differ = 0;
    long colourful = 0;
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        if (rgb != (bg & 0xFFFFFF)) {
          differ++;
        }
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) {
          colourful++;
        }
      }
    }
    return new Ink(
        (double) differ / ((long) img.getWidth() * img.getHeight()), colours.size(), colourful);
  }

  static final String CHARTS =
      """
      JSON.stringify([...document.querySelectorAll('figure.chart')].map(f => {
        const svg = f.querySelector('svg');
        if (!svg) return {id: f.id, svg: false};
        const r = svg.getBoundingClientRect();
        const b = svg.getBBox();
        return {id: f.id, svg: true, x: r.left + window.scrollX, y: r.top + window.scrollY, w: r.width, h: r.height,
                bw: b.width, bh: b.height, shapes: svg.querySelectorAll('path,rect,line,text').length};
      }))""";

  @Test
  void theReportOpensFromDiskWithEveryChartDrawnAndNothingElseLoaded() throws Exception {
    Path file = dir.resolve("eros-report.html");
    try (TempDuckDb db = new TempDuckDb(dir)) {
      ReportFixture.fill(db.warehouse());
      db.warehouse().insertNow(ReportFixture.BACKTESTS, ReportFixture.backtests());
      Report r =
          new ReportReader(db.warehouse(), s -> {}, Optional.of(ReportFixture.BACKTESTS))
              .read(new ReportWindow(NOW, 14));
      Files.writeString(file, ReportHtml.render(r));
    }
    List<String> expected = ReportHtmlTest.expectedCharts(true);
    try (HeadlessChromium c = browser()) {
      open(c, file);
      assertThat(problems(c, file), empty());

      JsonNode charts =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(c.evaluate(CHARTS).asText());
      List<String> ids = new ArrayList<>();
      charts.forEach(ch -> ids.add(ch.path("id").asText()));
      assertThat(ids, equalTo(expected));
      for (JsonNode ch : charts) {
        String id = ch.path("id").asText();
        assertThat(id + " has an svg", ch.path("svg").asBoolean(), is(true));
        assertThat(id + " width", ch.path("w").asDouble(), greaterThan(250.0));
        assertThat(id + " height", ch.path("h").asDouble(), greaterThan(150.0));
        assertThat(
            id + " drawn extent",
            ch.path("bw").asDouble() * ch.path("bh").asDouble(),
            greaterThan(10_000.0));
        assertThat(id + " shapes", ch.path("shapes").asInt(), greaterThan(20));
        Ink ink = ink(screenshot(c, ch));
        assertThat(
            id + " is drawn (share of non-background pixels)", ink.share(), greaterThan(0.02));
        assertThat(id + " has coloured marks (its data)", ink.colourful(), greaterThan(50L));
      }

      Ink page = ink(screenshot(c, null));
      assertThat("the first screen is not blank", page.share(), greaterThan(0.05));
      assertThat("the first screen has text and charts", page.colours(), greaterThan(50));
      assertThat(problems(c, file), empty());

      // the checks above see problems when there are some: a page that loads a missing image and a
      // remote stylesheet
      Path bad = dir.resolve("bad.html");
      Files.writeString(
          bad,
          "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"https://fonts.invalid/x.css\">"
              + "</head><body><img src=\"missing.png\"><p>x</p></body></html>");
      open(c, bad);
      List<String> seen = problems(c, bad);
      assertThat(
          seen,
          hasItem(org.hamcrest.Matchers.startsWith("request for https://fonts.invalid/x.css")));
      assertThat(seen, hasItem(org.hamcrest.Matchers.containsString("missing.png")));
      assertThat(seen, not(empty()));
    }
  }
}
