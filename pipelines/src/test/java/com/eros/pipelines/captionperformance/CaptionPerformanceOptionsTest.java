package com.eros.pipelines.captionperformance;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.time.Clock;
import com.eros.pipelines.support.OptionsParser;
import com.eros.pipelines.support.UsageException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaptionPerformanceOptionsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-05T05:05:05Z"));

  private static CaptionPerformanceSettings settings(String... args) {
    return new CaptionPerformancePipeline()
        .settings(OptionsParser.parse(CaptionPerformanceOptions.class, args), CLOCK.now());
  }

  private static CaptionPerformanceConfig parse(String... args) {
    return settings(args).stats();
  }

  @Test
  void defaultsFollowTheReference() {
    CaptionPerformanceConfig c = parse();
    assertThat(c.asOf(), is(CLOCK.now()));
    assertThat(c.medianWindowDays(), is(30));
    assertThat(c.statsWindowDays(), is(90));
    assertThat(c.halfLifeDays(), is(14.0));
    assertThat(c.z(), is(1.96));
    assertThat(c.readFrom(), is(CLOCK.now().minusSeconds(90L * 86400)));
  }

  @Test
  void optionsAreParsed() {
    CaptionPerformanceConfig c =
        parse(
            "--asOf=2026-01-02T03:04:05Z",
            "--medianWindowDays=7",
            "--statsWindowDays=5",
            "--halfLifeDays=2.5",
            "--z=2.58");
    assertThat(c.asOf(), is(Instant.parse("2026-01-02T03:04:05Z")));
    assertThat(c.medianWindowDays(), is(7));
    assertThat(c.statsWindowDays(), is(5));
    assertThat(c.halfLifeDays(), is(2.5));
    assertThat(c.z(), is(2.58));
    // the read covers the longer window
    assertThat(c.readFrom(), is(Instant.parse("2026-01-02T03:04:05Z").minusSeconds(7L * 86400)));
  }

  @Test
  void badValuesAreUsageErrorsNamingTheOption() {
    assertThat(
        assertThrows(UsageException.class, () -> parse("--asOf=yesterday")).getMessage(),
        containsString("--asOf=yesterday is not an ISO-8601 instant"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--medianWindowDays=0")).getMessage(),
        containsString("--medianWindowDays=0 must be a positive"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--statsWindowDays=-3")).getMessage(),
        containsString("--statsWindowDays=-3"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--halfLifeDays=0")).getMessage(),
        containsString("--halfLifeDays=0.0 must be"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--z=0")).getMessage(),
        containsString("--z=0.0 must be"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--z=-1.96")).getMessage(),
        containsString("--z=-1.96"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--z=abc")).getMessage(),
        containsString("--z=abc is not a number"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--medianWindowDays=x")).getMessage(),
        containsString("--medianWindowDays=x is not a whole number"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--halfLifeDays=1.5.2")).getMessage(),
        containsString("--halfLifeDays=1.5.2 is not a number"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--maxPageLossPercent=101")).getMessage(),
        containsString("--maxPageLossPercent=101 must be between 0 and 100"));
  }

  @Test
  void theShrinkGuardDefaultsToHalfThePages() {
    ShrinkGuard g = settings().guard();
    assertThat(g.maxPageLossPercent(), is(50));
    assertThat(g.allowShrink(), is(false));
    assertThat(
        settings("--allowShrink=true", "--maxPageLossPercent=10").guard(),
        is(new ShrinkGuard(10, true)));
  }

  @Test
  void clockOptionsAreBoundedBeforeAnythingRuns() {
    // docs/operating-guarantees.md: empty, before 2000-01-01, or more than a day after the wall
    // clock: refused
    assertThat(
        assertThrows(UsageException.class, () -> parse("--asOf=")).getMessage(),
        containsString("--asOf is empty"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--asOf=1999-12-31T23:59:59Z")).getMessage(),
        containsString("before 2000-01-01"));
    assertThat(
        assertThrows(UsageException.class, () -> parse("--asOf=2026-05-06T05:05:06Z")).getMessage(),
        containsString("more than a day after the current time"));
    assertThat(
        parse("--asOf=2026-05-06T05:05:05Z").asOf(),
        is(Instant.parse("2026-05-06T05:05:05Z"))); // exactly a day: allowed
  }
}
