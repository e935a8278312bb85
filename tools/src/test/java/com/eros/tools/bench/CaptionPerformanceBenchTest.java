package com.eros.tools.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.duckdb.DuckDbConnections;
import com.eros.pipelines.support.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./eros bench caption-performance on a tiny data set: generates, reuses, agrees, prints the table.
 */
class CaptionPerformanceBenchTest {
  @TempDir Path dir;

  private int bench(ByteArrayOutputStream buf, String... args) throws Exception {
    return BenchCommand.run(buf, args);
  }

  @Test
  void generatesThenReusesAndAgreesWithTheOracle() throws Exception {
    String file = dir.resolve("bench.duckdb").toString();
    try {
      ByteArrayOutputStream first = new ByteArrayOutputStream();
      assertThat(
          bench(
              first,
              "caption-performance",
              "--messages",
              "3000",
              "--pages",
              "4",
              "--warehouse",
              "duckdb:" + file,
              "--wholeProcess=false"),
          is(0));
      String out1 = first.toString(StandardCharsets.UTF_8);
      assertThat(out1, containsString("generating data (messages=3000 pages=4 seed=42"));
      assertThat(out1, containsString("agreement: identical"));
      assertThat(out1, containsString("ratio pipeline / oracle"));
      assertThat(out1, containsString("peak RSS MB"));

      ByteArrayOutputStream second = new ByteArrayOutputStream();
      assertThat(
          bench(
              second,
              "caption-performance",
              "--messages=3000",
              "--pages=4",
              "--warehouse=duckdb:" + file,
              "--wholeProcess=false"),
          is(0));
      assertThat(
          second.toString(StandardCharsets.UTF_8),
          containsString("reusing the data already in " + file));

      // another configuration regenerates
      ByteArrayOutputStream third = new ByteArrayOutputStream();
      assertThat(
          bench(
              third,
              "caption-performance",
              "--messages=3000",
              "--pages=4",
              "--seed=7",
              "--warehouse=duckdb:" + file,
              "--wholeProcess=false"),
          is(0));
      assertThat(third.toString(StandardCharsets.UTF_8), not(containsString("reusing")));
    } finally {
      DuckDbConnections.close(file);
    }
  }

  /** Whole processes that all succeed, but the floor's when {@code floorFails}. */
  private static WholeProcess.Runner children(boolean floorFails) {
    return command -> {
      boolean floor = command.contains(FloorMain.class.getName());
      return new WholeProcess.Result(
          floor ? 1.5 : 2.0,
          100L << 20,
          floor && floorFails ? 1 : 0,
          Map.of(),
          floor && floorFails ? "the floor broke" : "");
    };
  }

  /**
   * The whole-process figures come from the child runs: printed when each one succeeded; when one
   * failed, the bench says which and exits 1 instead of reporting figures it did not measure.
   */
  @Test
  void aFailedWholeProcessRunGivesNoFigureAndExitOne() throws Exception {
    String file = dir.resolve("whole.duckdb").toString();
    String[] args = {
      "--messages=3000", "--pages=4", "--warehouse=duckdb:" + file, "--wholeProcess=true"
    };
    try {
      ByteArrayOutputStream ok = new ByteArrayOutputStream();
      int code =
          new CaptionPerformanceBench(children(false))
              .run(args, new PrintStream(ok, true, StandardCharsets.UTF_8));
      String okOut = ok.toString(StandardCharsets.UTF_8);
      assertThat(okOut, code, is(0));
      assertThat(okOut, containsString("Beam's floor (2,000 numbers)"));
      assertThat(okOut, containsString("fixed cost (2,000 messages)"));

      ByteArrayOutputStream failed = new ByteArrayOutputStream();
      code =
          new CaptionPerformanceBench(children(true))
              .run(args, new PrintStream(failed, true, StandardCharsets.UTF_8));
      String out = failed.toString(StandardCharsets.UTF_8);
      assertThat(out, code, is(1));
      assertThat(out, containsString("a whole-process run failed (exit 1): the floor broke"));
      assertThat(out, containsString("no whole-process figures: a run did not complete"));
      assertThat(out, not(containsString("fixed cost (2,000 messages)")));
    } finally {
      DuckDbConnections.close(file);
      DuckDbConnections.close(dir.resolve("whole-fixed-cost.duckdb").toString());
    }
  }

  @Test
  void badInputIsAUsageError() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    assertThat(
        assertThrows(UsageException.class, () -> bench(buf, "no-such-pipeline")).getMessage(),
        containsString("unknown benchmark 'no-such-pipeline'; one of caption-performance"));
    assertThat(
        assertThrows(
                UsageException.class, () -> bench(buf, "caption-performance", "--messages", "lots"))
            .getMessage(),
        containsString("--messages=lots is not a whole number"));
    assertThat(
        assertThrows(
                UsageException.class,
                () -> bench(buf, "caption-performance", "--warehouse", "bigquery:p-roject.ds"))
            .getMessage(),
        containsString("embedded DuckDB file"));
  }
}
