package com.eros.tools.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.duckdb.DuckDbConnections;
import com.eros.pipelines.support.UsageException;
import com.eros.tools.cli.Commands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./eros bench daily-automation on a tiny data set: a figure for a run that succeeded only. */
class DailyAutomationBenchTest {
  @TempDir Path dir;

  private int bench(ByteArrayOutputStream buf, String... args) throws Exception {
    return Commands.find("bench")
        .orElseThrow()
        .run(args, new PrintStream(buf, true, StandardCharsets.UTF_8));
  }

  @Test
  void timesARunThatSucceededAndJudgesItAgainstTheGoal() throws Exception {
    String file = dir.resolve("daily.duckdb").toString();
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      int code =
          bench(
              buf,
              "daily-automation",
              "--messages=3000",
              "--pages=5",
              "--executionDate=2026-11-29",
              "--warehouse=duckdb:" + file);
      String out = buf.toString(StandardCharsets.UTF_8);
      assertThat(out, code, is(0));
      assertThat(out, containsString("exit 0, SUCCESS"));
      assertThat(out, containsString("the first, in a fresh JVM,"));
      assertThat(out, containsString("s goal set for 3,000,000 messages over 1,000 pages"));
    } finally {
      DuckDbConnections.close(file);
    }
  }

  /** A run that cannot start (here: a future date) is refused as the command would be: exit 2. */
  @Test
  void aRunThatCannotStartIsRefused() throws Exception {
    String file = dir.resolve("future.duckdb").toString();
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      UsageException e =
          assertThrows(
              UsageException.class,
              () ->
                  bench(
                      buf,
                      "daily-automation",
                      "--messages=300",
                      "--pages=2",
                      "--executionDate=2099-01-01",
                      "--warehouse=duckdb:" + file));
      assertThat(e.getMessage(), containsString("a run cannot be for the future"));
      assertThat(buf.toString(StandardCharsets.UTF_8), not(containsString("goal set for")));
    } finally {
      DuckDbConnections.close(file);
    }
  }
}
