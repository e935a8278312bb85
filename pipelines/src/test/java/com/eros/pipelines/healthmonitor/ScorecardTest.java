package com.eros.pipelines.healthmonitor;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quick scorecard's six checks, each passing and failing. */
class ScorecardTest {
  static final Instant NOW = Instant.parse("2026-11-29T20:00:00Z");

  static HealthMeasures healthy() {
    HealthMeasures m = new HealthMeasures(Scorecard.config(NOW));
    m.addJobRun("daily_automation", NOW.minus(Duration.ofHours(28)), "SUCCESS", 10L, 0L, 100.0);
    m.addJobRun("caption_performance", NOW.minus(Duration.ofHours(8)), "SUCCESS", null, null, 10.0);
    m.addJobRun("lock_sweep", NOW.minus(Duration.ofHours(2)), "SUCCESS", null, null, 1.0);
    m.addActiveLocks(10_000);
    return m;
  }

  static List<Boolean> oks(List<Scorecard.Check> checks) {
    return checks.stream().map(Scorecard.Check::ok).toList();
  }

  @Test
  void everyCheckPassesAtItsLimit() {
    List<Scorecard.Check> checks = Scorecard.evaluate(healthy().snapshot(), 0);
    assertThat(oks(checks), equalTo(List.of(true, true, true, true, true, true)));
    assertThat(Scorecard.allOk(checks), equalTo(true));
    assertThat(checks.get(0).measured(), equalTo("last run started 28 h ago"));
    assertThat(checks.get(3).measured(), equalTo("10000 active"));
  }

  @Test
  void eachCheckFailsJustPastItsLimit() {
    HealthMeasures m = new HealthMeasures(Scorecard.config(NOW));
    m.addJobRun(
        "daily_automation", NOW.minus(Duration.ofMinutes(28 * 60 + 6)), "SUCCESS", 10L, 0L, 100.0);
    m.addJobRun("daily_automation", NOW.minus(Duration.ofDays(6)), "FAILED", 0L, 10L, 100.0);
    m.addJobRun(
        "caption_performance",
        NOW.minus(Duration.ofMinutes(8 * 60 + 6)),
        "SUCCESS",
        null,
        null,
        10.0);
    m.addSweep(NOW.minus(Duration.ofMinutes(126)), 0L);
    m.addActiveLocks(10_001);
    List<Scorecard.Check> checks = Scorecard.evaluate(m.snapshot(), 1);
    assertThat(oks(checks), equalTo(List.of(false, false, false, false, false, false)));
    assertThat(checks.get(0).measured(), equalTo("last run started 28.1 h ago"));
    assertThat(checks.get(4).measured(), equalTo("1 FAILED in 7 d"));
    assertThat(Scorecard.allOk(checks), equalTo(false));
  }

  @Test
  void nothingEverRanFailsTheFreshnessChecks() {
    List<Scorecard.Check> checks =
        Scorecard.evaluate(new HealthMeasures(Scorecard.config(NOW)).snapshot(), 0);
    assertThat(oks(checks), equalTo(List.of(false, false, false, true, true, true)));
    assertThat(checks.get(1).measured(), equalTo("none in 192 h"));
  }

  @Test
  void aFailedRunOlderThanSevenDaysNoLongerCounts() {
    HealthMeasures m = healthy();
    m.addJobRun(
        "daily_automation", NOW.minus(Duration.ofDays(7)).minusSeconds(1), "FAILED", 0L, 1L, 1.0);
    assertThat(Scorecard.evaluate(m.snapshot(), 0).get(4).ok(), equalTo(true));
  }
}
