package com.eros.pipelines.locksweep;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.pipelines.support.OptionsParser;
import com.eros.pipelines.support.UsageException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockSweepOptionsTest {
  private static SweepConfig config(String... args) {
    return LockSweepPipeline.config(
        OptionsParser.parse(LockSweepOptions.class, args), Instant.now());
  }

  private static String error(String... args) {
    return assertThrows(UsageException.class, () -> config(args)).getMessage();
  }

  @Test
  void defaultsAreTheReferenceThresholds() {
    Instant before = Instant.now();
    SweepConfig c = config();
    assertThat(c.staleLockDays(), is(7));
    assertThat(c.highVolumeThreshold(), is(1000L));
    assertThat(c.bloatWarning(), is(5000L));
    assertThat(c.bloatCritical(), is(10000L));
    assertThat(!c.now().isBefore(before) && !c.now().isAfter(Instant.now()), is(true));
  }

  @Test
  void parsesEveryOption() {
    SweepConfig c =
        config(
            "--now=2026-03-08T10:00:00Z",
            "--staleLockDays=3",
            "--highVolumeThreshold=10",
            "--bloatWarning=20",
            "--bloatCritical=20");
    assertThat(c, equalTo(new SweepConfig(Instant.parse("2026-03-08T10:00:00Z"), 3, 10, 20, 20)));
  }

  @Test
  void badValuesAreUsageErrorsNamingTheOption() {
    assertThat(
        error("--now=yesterday"), containsString("--now=yesterday is not an ISO-8601 instant"));
    assertThat(error("--staleLockDays=-1"), containsString("--staleLockDays must be 0 or more"));
    assertThat(
        error("--highVolumeThreshold=-5"),
        containsString("--highVolumeThreshold must be 0 or more"));
    assertThat(error("--bloatWarning=-1"), containsString("--bloatWarning must be 0 or more"));
    assertThat(
        error("--bloatWarning=20000"),
        containsString("--bloatWarning (20000) must not exceed --bloatCritical (10000)"));
    assertThat(
        error("--staleLockDays=seven"),
        containsString("--staleLockDays=seven is not a whole number"));
  }

  @Test
  void anAbsurdClockIsRefused() {
    // a sweep at 2999 would release every lock and stamp them 2999
    assertThat(
        error("--now=2999-01-01T00:00:00Z"),
        containsString("--now=2999-01-01T00:00:00Z is more than a day after"));
    assertThat(error("--now=1970-01-01T00:00:00Z"), containsString("before 2000-01-01"));
    assertThat(error("--now="), containsString("--now is empty"));
  }
}
