package com.eros.pipelines.healthmonitor;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The snapshot accumulator: merging partial accumulators (as Beam's Combine does) gives the same
 * snapshot.
 */
class HealthMeasuresTest {
  static final Instant NOW = Instant.parse("2026-11-29T20:00:00Z");
  static final HealthMeasures.Config CONFIG = HealthMeasures.Config.of(RulesFile.builtIn(), NOW);

  static Instant ago(long minutes) {
    return NOW.minus(Duration.ofMinutes(minutes));
  }

  /** Feeds fact number {@code i} of a fixed list into {@code m}. */
  static void fact(HealthMeasures m, int i) {
    switch (i) {
      case 0 -> m.addJobRun("daily_automation", ago(300), "COMPLETED_WITH_ERRORS", 40L, 6L, 700.0);
      case 1 -> m.addJobRun("daily_automation", ago(1700), "FAILED", 0L, 5L, 30.0);
      case 2 -> m.addJobRun("caption_performance", ago(100), "SUCCESS", null, null, 60.0);
      case 3 -> m.addJobRun("caption_performance", ago(30), "FAILED", null, null, 60.0);
      case 4 -> m.addJobRun("lock_sweep", ago(200), "SUCCESS", null, null, 2.0);
      case 5 -> m.addSweep(ago(90), 120L);
      case 6 -> m.addSweep(ago(500), 7L);
      case 7 -> m.addActiveLocks(5200);
      case 8 -> m.addPending(ago(2000));
      case 9 -> m.addPending(ago(60));
      case 10 -> m.addJobRun("health_monitor", ago(10), "SUCCESS", null, null, 5.0);
      case 11 -> m.addJobRun("daily_automation", NOW.plusSeconds(5), "FAILED", 0L, 99L, 1.0);
      case 12 ->
          m.addJobRun("daily_automation", NOW.minus(Duration.ofDays(9)), "FAILED", 0L, 99L, 1.0);
      default -> throw new IllegalArgumentException();
    }
  }

  @Test
  void mergingPartsEqualsMeasuringEverythingAtOnce() {
    HealthMeasures all = new HealthMeasures(CONFIG);
    for (int i = 0; i <= 12; i++) {
      fact(all, i);
    }
    for (int split = 0; split <= 13; split++) {
      HealthMeasures a = new HealthMeasures(CONFIG);
      HealthMeasures b = new HealthMeasures(CONFIG);
      for (int i = 0; i <= 12; i++) {
        fact(i < split ? a : b, i);
      }
      assertThat(
          "split at " + split,
          new HealthMeasures(CONFIG).merge(b).merge(a).snapshot(),
          equalTo(all.snapshot()));
    }
    HealthSnapshot s = all.snapshot();
    assertThat(s.lastDailyStart(), equalTo(ago(300)));
    assertThat(
        "runs after now and before the lookback are ignored", s.failedDailyRuns(), equalTo(0L));
    assertThat(s.creatorsFailed(), equalTo(6L));
    assertThat(
        "the 28 h old FAILED run is outside the 24 h window", s.creatorsProcessed(), equalTo(40L));
    assertThat(s.lastPerformanceSuccess(), equalTo(ago(100)));
    assertThat("the sweep log is newer than the sweep job row", s.lastSweep(), equalTo(ago(90)));
    assertThat(s.sweepsInWindow(), equalTo(1L));
    assertThat(s.activeLocks(), equalTo(5200L));
    assertThat(s.pendingQueueRows(), equalTo(2L));
    assertThat(s.stuckQueueRows(), equalTo(1L));
    assertThat(s.oldestPending(), equalTo(ago(2000)));
    assertThat(s.meanDailySeconds(), equalTo(700.0));
    assertThat(s.rowsRead(), equalTo(5200L + 12));
    assertThat(
        RulesEngine.evaluate(RulesFile.builtIn(), s).stream().map(Firing::ruleName).toList(),
        equalTo(
            java.util.List.of(
                "lock_table_bloat",
                "high_creator_failure_rate",
                "lock_cleanup_high_volume",
                "slow_automation_execution",
                "queue_stuck")));
    assertThat(new HealthMeasures(CONFIG), not(equalTo(all)));
  }
}
