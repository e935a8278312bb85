package com.eros.pipelines.backtest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.pipelines.support.TestRuns;
import com.eros.pipelines.support.UsageException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BacktestSettingsTest {
  static final Instant WALL = Instant.parse("2026-04-01T00:00:00Z");

  static BacktestSettings settings(String... args) {
    return new BacktestPipeline().settings(TestRuns.options(BacktestOptions.class, args), WALL);
  }

  static String refusal(String... args) {
    return assertThrows(UsageException.class, () -> settings(args)).getMessage();
  }

  @Test
  void resolvesTheSection2ParametersAsCaptionPerformanceDoes() {
    BacktestSettings s =
        settings("--asOf=2026-02-01T00:00:00Z", "--horizonDays=14", "--halfLifeDays=7", "--z=2.58");
    assertThat(s.config().asOf(), is(Instant.parse("2026-02-01T00:00:00Z")));
    assertThat(s.config().horizonEnd(), is(Instant.parse("2026-02-15T00:00:00Z")));
    assertThat(s.config().minSends(), is(10));
    assertThat(s.config().stats().halfLifeDays(), is(7.0));
    assertThat(s.config().stats().z(), is(2.58));
    assertThat(s.config().stats().statsWindowDays(), is(90));
    assertThat(s.now(), is(WALL));
    assertThat(s.executionDate(), is(LocalDate.parse("2026-01-31"))); // Los Angeles date of T
    assertThat(
        settings("--asOf=2026-02-01T00:00:00Z", "--horizonDays=14", "--now=2026-03-01T00:00:00Z")
            .now(),
        is(Instant.parse("2026-03-01T00:00:00Z")));
  }

  @Test
  void refusesWhatCannotBeBacktested() {
    assertThat(refusal("--horizonDays=7"), containsString("--asOf is required"));
    assertThat(refusal("--asOf=2026-02-01T00:00:00Z"), containsString("--horizonDays is required"));
    assertThat(
        refusal("--asOf=2026-02-01T00:00:00Z", "--horizonDays=0"),
        containsString("--horizonDays=0 must be a positive"));
    assertThat(
        refusal("--asOf=2026-02-01T00:00:00Z", "--horizonDays=3", "--minSends=0"),
        containsString("--minSends=0"));
    assertThat(
        refusal("--asOf=2026-02-01T00:00:00Z", "--horizonDays=3", "--halfLifeDays=0"),
        containsString("--halfLifeDays"));
    assertThat(
        refusal("--asOf=1999-02-01T00:00:00Z", "--horizonDays=3"),
        containsString("before 2000-01-01"));
    assertThat(
        refusal("--asOf=2026-03-25T00:00:00Z", "--horizonDays=14"),
        containsString(
            "--asOf + --horizonDays = 2026-04-08T00:00:00Z is after now (2026-04-01T00:00:00Z)"));
    assertThat(refusal("--asOf=", "--horizonDays=3"), containsString("--asOf is empty"));
  }
}
