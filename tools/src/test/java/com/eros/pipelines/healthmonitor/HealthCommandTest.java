package com.eros.pipelines.healthmonitor;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.eros.duckdb.TempDuckDb;
import com.eros.tools.cli.Eros;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./eros health} through the launcher's dispatcher: the scorecard of {@link HealthFixture}
 * (the sweep stopped 3 h ago) fails one check and exits 1; a current sweep passes; a warehouse that
 * does not exist is refused with exit 2 and is not created.
 */
class HealthCommandTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result eros(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Eros.execute(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aStoppedSweepFailsOneCheckAndExitsOneACurrentOnePasses() throws Exception {
    String spec;
    try (TempDuckDb db = new TempDuckDb(dir)) {
      HealthFixture.seed(db.warehouse(), HealthFixture.base());
      spec = db.warehouse().spec();
    }
    Instant late = HealthFixture.LAST_SWEEP.plus(Duration.ofHours(3));
    Result stale = eros("health", "--warehouse=" + spec, "--now=" + late);
    assertThat(stale.err(), stale.code(), equalTo(1));
    assertThat(stale.out(), containsString("✗      lock sweep ran"));
    assertThat(stale.out(), containsString("health: 1 of 6 checks failed"));

    Instant soon = HealthFixture.LAST_SWEEP.plus(Duration.ofMinutes(30));
    Result fresh = eros("health", "--warehouse=" + spec, "--now=" + soon);
    assertThat(fresh.out(), containsString("health: all 6 checks passed"));
    assertThat(fresh.code(), equalTo(0));
  }

  @Test
  void aMissingWarehouseIsRefusedWithExitTwoAndNotCreated() {
    Path missing = dir.resolve("nowhere.duckdb");
    Result r = eros("health", "--warehouse=duckdb:" + missing, "--now=2026-11-29T12:00:00Z");
    assertThat(r.code(), equalTo(2));
    assertThat(r.err().lines().count(), equalTo(1L));
    assertThat(Files.exists(missing), equalTo(false));
    assertThat(r.out(), not(containsString("checks passed")));
  }
}
