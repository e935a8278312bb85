package com.eros.pipelines.backtest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import com.eros.common.table.Tables;
import com.eros.pipelines.captionperformance.CaptionPerformanceConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

class BacktestReportTest {
  static final Instant T = Instant.parse("2026-02-15T00:00:00Z");
  static final BacktestConfig CFG =
      new BacktestConfig(CaptionPerformanceConfig.defaults(T), 14, 10);

  static Row summary(Double rho, Double top, Double bottom, Double base) {
    return Row.withSchema(Tables.BANDIT_BACKTESTS.schema())
        .attachValues("bt", T, 14L, T.plusSeconds(60), 120L, rho, top, bottom, 0.8, 0.21, base);
  }

  static Row page(String name, long captions, Double rho) {
    return Row.withSchema(Tables.BANDIT_BACKTEST_PAGES.schema())
        .attachValues(
            "bt", T, 14L, name, captions, 100L, 1.5, rho, rho, 0.7, 0.2, 2.0, 0.5, 0.8, 0.2);
  }

  @Test
  void printsEachNumberWithItsMeaning() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    BacktestReport.print(
        new PrintStream(buf, true, StandardCharsets.UTF_8),
        CFG,
        summary(0.41, 0.62, 0.31, 0.38),
        List.of(
            page("a", 12, 0.9),
            page("b", 8, -0.2),
            page("c", 3, -0.9),
            page("d", 6, 0.1),
            page("e", 7, 0.05)));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(out, containsString("[2026-02-15T00:00:00Z, 2026-03-01T00:00:00Z) (14 days)"));
    assertThat(
        out,
        containsString(
            "captions scored             120   captions with statistics at T and >= 10 horizon sends, on 5 pages"));
    assertThat(
        out,
        containsString(
            "rank correlation          0.410   posterior mean at T vs realised success rate"));
    assertThat(out, containsString("baseline correlation      0.380"));
    assertThat(out, containsString("top decile success        0.620"));
    assertThat(out, containsString("bottom decile success     0.310"));
    assertThat(out, containsString("interval coverage         0.800"));
    assertThat(out, containsString("brier score               0.210"));
    assertThat(
        out,
        containsString(
            "verdict: the statistics rank captions usefully: the top decile succeeded 31.0 points more"));
    assertThat(
        out, containsString("posterior mean ranks at least as well as the raw rate (+0.03)"));
    // page c has too few captions to be listed; lowest correlation first
    assertThat(
        out,
        containsString(
            "weakest pages (correlation, captions): b (-0.20, 8) e (0.05, 7) d (0.10, 6)"));
  }

  @Test
  void verdicts() {
    assertThat(
        BacktestReport.verdict(summary(0.1, 0.5, 0.45, 0.2)),
        containsString("the ranking is weak"));
    assertThat(
        BacktestReport.verdict(summary(0.1, 0.5, 0.45, 0.2)),
        containsString("ranks worse than the raw rate (-0.10)"));
    assertThat(
        BacktestReport.verdict(summary(-0.2, 0.4, 0.5, null)),
        startsWith("verdict: the ranking does not predict"));
    assertThat(
        BacktestReport.verdict(summary(-0.2, 0.4, 0.5, null)),
        containsString("10.0 points less often"));
    assertThat(
        BacktestReport.verdict(summary(null, null, null, null)),
        containsString("too few captions per page"));
  }

  @Test
  void undefinedNumbersPrintAsNotAvailable() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    BacktestReport.print(
        new PrintStream(buf, true, StandardCharsets.UTF_8),
        CFG,
        summary(null, null, null, null),
        List.of(page("a", 1, null)));
    assertThat(
        buf.toString(StandardCharsets.UTF_8), containsString("rank correlation            n/a"));
    assertThat(
        BacktestReport.weakestPages(
                List.of(page("a", 1, null), page("b", 5, 0.3), page("c", 9, 0.3)))
            .stream()
            .map(r -> r.getString("page_name"))
            .toList(),
        contains("b", "c"));
  }
}
