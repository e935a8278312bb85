package com.eros.pipelines.dailyautomation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.pipelines.support.OptionsParser;
import com.eros.pipelines.support.UsageException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DailyAutomationConfigTest {
  static final Instant WALL = Instant.parse("2026-11-30T05:00:00Z");

  static DailyAutomationConfig parse(String... args) {
    return DailyAutomationConfig.from(
        OptionsParser.parse(DailyAutomationOptions.class, args), WALL);
  }

  @Test
  void defaults() {
    DailyAutomationConfig c = parse("--now=2026-11-29T11:05:00Z");
    assertThat(c.executionDate(), is(LocalDate.of(2026, 11, 29)));
    assertThat(c.now(), is(Instant.parse("2026-11-29T11:05:00Z")));
    assertThat(c.saturationThreshold(), is(80.0));
    assertThat(c.circuitBreakerThreshold(), is(5));
    assertThat(c.cooldownDays(), is(7));
    assertThat(c.activeWindowDays(), is(30));
    assertThat(c.analysisWindowDays(), is(90));
    assertThat(c.staleLockDays(), is(7));
    assertThat(c.highVolumeThreshold(), is(1000L));
    assertThat(c.bloatWarning(), is(5000L));
    assertThat(c.bloatCritical(), is(10000L));
  }

  @Test
  void parsesInTheSameJvmAsTheLockSweepOptions() {
    // ./eros demo parses every pipeline's options in one JVM: Beam needs same-named options to
    // agree
    OptionsParser.parse(
        com.eros.pipelines.locksweep.LockSweepOptions.class, new String[] {"--staleLockDays=3"});
    assertThat(parse("--now=2026-11-29T11:05:00Z", "--staleLockDays=3").staleLockDays(), is(3));
    assertThat(
        parse("--now=2026-11-29T11:05:00Z", "--bloatCritical=20000").sweep().bloatCritical(),
        is(20000L));
  }

  @Test
  void theDefaultDateIsTodayInLosAngeles() {
    // 07:00 UTC on the 29th is 23:00 on the 28th in Los Angeles
    assertThat(parse("--now=2026-11-29T07:00:00Z").executionDate(), is(LocalDate.of(2026, 11, 28)));
    assertThat(parse("--now=2026-11-29T08:00:00Z").executionDate(), is(LocalDate.of(2026, 11, 29)));
    assertThat(
        parse("--now=2026-11-29T08:00:00Z", "--executionDate=2026-10-01").executionDate(),
        is(LocalDate.of(2026, 10, 1)));
  }

  @Test
  void badValuesAreUsageErrorsNamingTheOption() {
    assertThat(
        assertThrows(UsageException.class, () -> parse("--executionDate=29/11/2026")).getMessage(),
        containsString("--executionDate=29/11/2026 is not a date"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--now=yesterday")).getMessage(),
        containsString("--now=yesterday is not an ISO-8601 instant"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--saturationThreshold=120")).getMessage(),
        containsString("--saturationThreshold=120.0 must be a percentage"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--circuitBreakerThreshold=0")).getMessage(),
        containsString("--circuitBreakerThreshold=0 must be at least 1"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--cooldownDays=-1")).getMessage(),
        containsString("--cooldownDays=-1"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--analysisWindowDays=20")).getMessage(),
        containsString("must be at least 37"));
    assertThat(
        assertThrows(
                UsageException.class,
                () -> parse("--activeWindowDays=60", "--analysisWindowDays=50"))
            .getMessage(),
        containsString("must be at least 60"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--bloatWarning=20000")).getMessage(),
        containsString("--bloatWarning (20000) must not exceed --bloatCritical (10000)"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--staleLockDays=-1")).getMessage(),
        containsString("--staleLockDays must be 0 or more"));
    // a malformed number is refused by Beam's parser; OptionsParser rewrites its message to name
    // the option
    assertThat(
        assertThrows(UsageException.class, () -> parse("--saturationThreshold=abc")).getMessage(),
        containsString("--saturationThreshold=abc is not a number"));
  }

  @Test
  void clockOptionsAreBoundedBeforeAnythingRuns() {
    assertThat(
        assertThrows(UsageException.class, () -> parse("--now=")).getMessage(),
        containsString("--now is empty"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--executionDate=")).getMessage(),
        containsString("--executionDate is empty"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--now=2999-01-01T00:00:00Z")).getMessage(),
        containsString("more than a day after the current time"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--executionDate=2026-12-02")).getMessage(),
        containsString("--executionDate=2026-12-02 is more than a day after"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--executionDate=1999-12-31")).getMessage(),
        containsString("before 2000-01-01"));
    // tomorrow in Los Angeles starts within a day of the wall clock: allowed
    assertThat(parse("--executionDate=2026-11-30").executionDate(), is(LocalDate.of(2026, 11, 30)));
    assertThat(parse().now(), is(WALL)); // absent: the wall clock
  }
}
