package com.eros.tools.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.duckdb.DuckDbConnections;
import com.eros.pipelines.support.UsageException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./eros bench daily-automation on a tiny data set: a figure for a run that succeeded only. */
class DailyAutomationBenchTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

  private String file() {
    return dir.resolve("daily.duckdb").toString();
  }

  @AfterEach
  void close() {
    DuckDbConnections.close(file());
  }

  private int bench(String date, String messages) throws Exception {
    return BenchCommand.run(
        buf,
        "daily-automation",
        "--messages=" + messages,
        "--pages=5",
        "--executionDate=" + date,
        "--warehouse=duckdb:" + file());
  }

  @Test
  void timesARunThatSucceededAndJudgesItAgainstTheGoal() throws Exception {
    int code = bench("2026-11-29", "3000");
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(out, code, is(0));
    assertThat(out, containsString("exit 0, SUCCESS"));
    assertThat(out, containsString("the first, in a fresh JVM,"));
    assertThat(out, containsString("s goal set for 3,000,000 messages over 1,000 pages"));
  }

  /**
   * A date the run would refuse (here: in the future) is refused as the command would refuse it,
   * exit 2, before the bench writes any data.
   */
  @Test
  void aRunThatCannotStartIsRefusedBeforeAnyDataIsWritten() {
    UsageException e = assertThrows(UsageException.class, () -> bench("2099-01-01", "300"));
    assertThat(
        e.getMessage(),
        startsWith("--executionDate=2099-01-01: the run's --now=2099-01-01T11:05:00Z is more"));
    assertThat(e.getMessage(), containsString("a run cannot be for the future"));
    assertThat(buf.toString(StandardCharsets.UTF_8), not(containsString("data loaded")));
    assertThat(Files.exists(Path.of(file())), is(false));
  }
}
