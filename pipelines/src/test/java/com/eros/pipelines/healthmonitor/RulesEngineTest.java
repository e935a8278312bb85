package com.eros.pipelines.healthmonitor;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.eros.pipelines.alerts.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every rule of docs/health-and-alerts.md just below, at and above its threshold (built-in rules).
 */
class RulesEngineTest {
  static final Instant NOW = Instant.parse("2026-11-29T20:00:00Z");
  static final RuleSet RULES = RulesFile.builtIn();

  static HealthMeasures measures() {
    return new HealthMeasures(HealthMeasures.Config.of(RULES, NOW));
  }

  static Instant ago(Duration d) {
    return NOW.minus(d);
  }

  static Duration h(double hours) {
    return Duration.ofMillis(Math.round(hours * 3_600_000));
  }

  /** The level the rule fires at on this snapshot, or null. */
  static Level level(RuleKind kind, HealthMeasures m) {
    Firing f = RulesEngine.evaluate(RULES.rule(kind), m.snapshot());
    return f == null ? null : f.level();
  }

  static Firing firing(RuleKind kind, HealthMeasures m) {
    return RulesEngine.evaluate(RULES.rule(kind), m.snapshot());
  }

  /** A healthy system: every job ran recently, nothing failed. */
  static HealthMeasures healthy() {
    HealthMeasures m = measures();
    m.addJobRun("daily_automation", ago(h(5)), "SUCCESS", 50L, 0L, 120.0);
    m.addJobRun("caption_performance", ago(h(1)), "SUCCESS", null, null, 30.0);
    m.addJobRun("lock_sweep", ago(h(0.5)), "SUCCESS", null, null, 2.0);
    m.addSweep(ago(h(0.5)), 3L);
    m.addActiveLocks(1200);
    m.addPending(ago(h(2)));
    return m;
  }

  @Test
  void aHealthySystemFiresNothing() {
    assertThat(RulesEngine.evaluate(RULES, healthy().snapshot()), equalTo(List.of()));
  }

  @Test
  void dailyAutomationFailureFiresOnAnyFailedRunInTheWindow() {
    HealthMeasures at = healthy(); // threshold 0: zero failed runs is "at" the threshold
    assertThat(level(RuleKind.DAILY_AUTOMATION_FAILURE, at), nullValue());
    HealthMeasures outside =
        healthy().addJobRun("daily_automation", ago(h(24).plusSeconds(1)), "FAILED", 0L, 0L, 1.0);
    assertThat(level(RuleKind.DAILY_AUTOMATION_FAILURE, outside), nullValue());
    HealthMeasures edge =
        healthy().addJobRun("daily_automation", ago(h(24)), "FAILED", 0L, 0L, 1.0);
    assertThat(
        "the window is closed at both ends",
        level(RuleKind.DAILY_AUTOMATION_FAILURE, edge),
        equalTo(Level.CRITICAL));
    HealthMeasures other =
        healthy().addJobRun("caption_performance", ago(h(1)), "FAILED", null, null, 1.0);
    assertThat(
        "other jobs' failures are not daily failures",
        level(RuleKind.DAILY_AUTOMATION_FAILURE, other),
        nullValue());
    Firing f = firing(RuleKind.DAILY_AUTOMATION_FAILURE, edge);
    assertThat(
        f.message(), equalTo("1 FAILED daily_automation run in the last 24 h; threshold > 0"));
  }

  @Test
  void dailyAutomationNotRunAt28HoursAndWhenItNeverRan() {
    assertThat(
        level(
            RuleKind.DAILY_AUTOMATION_NOT_RUN,
            measures().addJobRun("daily_automation", ago(h(27.99)), "SUCCESS", 1L, 0L, 1.0)),
        nullValue());
    assertThat(
        level(
            RuleKind.DAILY_AUTOMATION_NOT_RUN,
            measures().addJobRun("daily_automation", ago(h(28)), "SUCCESS", 1L, 0L, 1.0)),
        nullValue());
    HealthMeasures above =
        measures().addJobRun("daily_automation", ago(h(28.01)), "FAILED", 1L, 0L, 1.0);
    assertThat(
        "any status counts as a run",
        level(RuleKind.DAILY_AUTOMATION_NOT_RUN, above),
        equalTo(Level.CRITICAL));
    assertThat(
        firing(RuleKind.DAILY_AUTOMATION_NOT_RUN, above).message(),
        equalTo("last daily_automation run started 28 h ago; threshold > 28 h"));

    HealthMeasures never = measures();
    Firing f = firing(RuleKind.DAILY_AUTOMATION_NOT_RUN, never);
    assertThat(f.level(), equalTo(Level.CRITICAL));
    assertThat(f.measured(), equalTo(Double.POSITIVE_INFINITY));
    assertThat(
        f.message(), containsString("no daily_automation run started: none in the last 192 h"));
    HealthMeasures future =
        measures().addJobRun("daily_automation", NOW.plusSeconds(60), "SUCCESS", 1L, 0L, 1.0);
    assertThat(
        "a run after --now is not seen",
        level(RuleKind.DAILY_AUTOMATION_NOT_RUN, future),
        equalTo(Level.CRITICAL));
  }

  @Test
  void performanceFeedbackStaleWarnsAbove8AndIsCriticalAbove12Hours() {
    Map<Double, Level> expected = new java.util.LinkedHashMap<>();
    expected.put(7.99, null);
    expected.put(8.0, null);
    expected.put(8.01, Level.WARNING);
    expected.put(11.99, Level.WARNING);
    expected.put(12.0, Level.WARNING);
    expected.put(12.01, Level.CRITICAL);
    for (Map.Entry<Double, Level> e : expected.entrySet()) {
      HealthMeasures m =
          measures()
              .addJobRun("caption_performance", ago(h(e.getKey())), "SUCCESS", null, null, 1.0);
      assertThat(
          e.getKey() + " h", level(RuleKind.PERFORMANCE_FEEDBACK_STALE, m), equalTo(e.getValue()));
    }
    HealthMeasures onlyFailed =
        measures()
            .addJobRun("caption_performance", ago(h(1)), "FAILED", null, null, 1.0)
            .addJobRun("caption_performance", ago(h(2)), "COMPLETED_WITH_ERRORS", null, null, 1.0)
            .addJobRun("caption_performance", ago(h(9)), "SUCCESS", null, null, 1.0);
    assertThat(
        "freshness counts SUCCESS runs only",
        level(RuleKind.PERFORMANCE_FEEDBACK_STALE, onlyFailed),
        equalTo(Level.WARNING));
    assertThat(
        firing(RuleKind.PERFORMANCE_FEEDBACK_STALE, onlyFailed).message(),
        equalTo(
            "last successful caption_performance run started 9 h ago; threshold WARNING > 8 h"));
    assertThat(
        "never ran: the most severe level",
        level(RuleKind.PERFORMANCE_FEEDBACK_STALE, measures()),
        equalTo(Level.CRITICAL));
  }

  @Test
  void lockSweepNotRunAfter2HoursFromJobRowsOrTheSweepLog() {
    assertThat(
        level(
            RuleKind.LOCK_SWEEP_NOT_RUN,
            measures().addJobRun("lock_sweep", ago(h(1.99)), "SUCCESS", null, null, 1.0)),
        nullValue());
    assertThat(
        level(
            RuleKind.LOCK_SWEEP_NOT_RUN,
            measures().addJobRun("lock_sweep", ago(h(2)), "COMPLETED_NO_WORK", null, null, 1.0)),
        nullValue());
    assertThat(
        level(
            RuleKind.LOCK_SWEEP_NOT_RUN,
            measures().addJobRun("lock_sweep", ago(h(2.01)), "SUCCESS", null, null, 1.0)),
        equalTo(Level.WARNING));
    assertThat(
        "a sweep logged by daily_automation counts",
        level(RuleKind.LOCK_SWEEP_NOT_RUN, measures().addSweep(ago(h(1)), 0L)),
        nullValue());
    assertThat(
        "a FAILED sweep did not sweep",
        level(
            RuleKind.LOCK_SWEEP_NOT_RUN,
            measures().addJobRun("lock_sweep", ago(h(0.5)), "FAILED", null, null, 1.0)),
        equalTo(Level.WARNING));
    Firing f = firing(RuleKind.LOCK_SWEEP_NOT_RUN, measures().addSweep(ago(h(3)), 0L));
    assertThat(f.message(), equalTo("last lock sweep 3 h ago; threshold > 2 h"));
    assertThat(f.measured(), equalTo(3.0));
    assertThat(f.threshold(), equalTo(2.0));
  }

  @Test
  void lockTableBloatWarnsAbove5000AndIsCriticalAbove10000() {
    long[] counts = {4999, 5000, 5001, 10000, 10001};
    Level[] levels = {null, null, Level.WARNING, Level.WARNING, Level.CRITICAL};
    for (int i = 0; i < counts.length; i++) {
      assertThat(
          counts[i] + " locks",
          level(RuleKind.LOCK_TABLE_BLOAT, measures().addActiveLocks(counts[i])),
          equalTo(levels[i]));
    }
    assertThat(
        firing(RuleKind.LOCK_TABLE_BLOAT, measures().addActiveLocks(10001)).message(),
        equalTo("10001 active locks; threshold CRITICAL > 10000"));
  }

  @Test
  void highCreatorFailureRateIsOverProcessedPlusFailed() {
    assertThat(
        level(
            RuleKind.HIGH_CREATOR_FAILURE_RATE,
            measures()
                .addJobRun("daily_automation", ago(h(3)), "COMPLETED_WITH_ERRORS", 91L, 9L, 1.0)),
        nullValue());
    assertThat(
        level(
            RuleKind.HIGH_CREATOR_FAILURE_RATE,
            measures()
                .addJobRun("daily_automation", ago(h(3)), "COMPLETED_WITH_ERRORS", 90L, 10L, 1.0)),
        nullValue());
    assertThat(
        level(
            RuleKind.HIGH_CREATOR_FAILURE_RATE,
            measures()
                .addJobRun("daily_automation", ago(h(3)), "COMPLETED_WITH_ERRORS", 89L, 11L, 1.0)),
        equalTo(Level.WARNING));
    // summed over the window's runs: 5/(45+5) + 6/(44+6) = 11 of 100
    HealthMeasures two =
        measures()
            .addJobRun("daily_automation", ago(h(3)), "COMPLETED_WITH_ERRORS", 45L, 5L, 1.0)
            .addJobRun("daily_automation", ago(h(20)), "COMPLETED_WITH_ERRORS", 44L, 6L, 1.0)
            .addJobRun("daily_automation", ago(h(25)), "FAILED", 0L, 50L, 1.0);
    assertThat(firing(RuleKind.HIGH_CREATOR_FAILURE_RATE, two).measured(), equalTo(11.0));
  }

  @Test
  void everyCreatorFailedIsAHundredPercentNotNull() {
    HealthMeasures all =
        measures().addJobRun("daily_automation", ago(h(3)), "FAILED", 0L, 12L, 1.0);
    Firing f = firing(RuleKind.HIGH_CREATOR_FAILURE_RATE, all);
    assertThat(f.level(), equalTo(Level.WARNING));
    assertThat(f.measured(), equalTo(100.0));
    assertThat(
        f.message(),
        equalTo(
            "creator failure rate 100 % in the last 24 h (12 failed, 0 processed); threshold > 10 %"));
    HealthMeasures none =
        measures().addJobRun("daily_automation", ago(h(3)), "COMPLETED_NO_WORK", 0L, 0L, 1.0);
    assertThat(
        "no creators: nothing to rate",
        level(RuleKind.HIGH_CREATOR_FAILURE_RATE, none),
        nullValue());
    HealthMeasures nulls =
        measures().addJobRun("daily_automation", ago(h(3)), "FAILED", null, null, 1.0);
    assertThat(level(RuleKind.HIGH_CREATOR_FAILURE_RATE, nulls), nullValue());
  }

  @Test
  void lockCleanupHighVolumeIsTheMeanPerSweepOverSixHours() {
    assertThat(
        level(RuleKind.LOCK_CLEANUP_HIGH_VOLUME, measures().addSweep(ago(h(1)), 99L)), nullValue());
    assertThat(
        level(RuleKind.LOCK_CLEANUP_HIGH_VOLUME, measures().addSweep(ago(h(1)), 100L)),
        nullValue());
    assertThat(
        level(RuleKind.LOCK_CLEANUP_HIGH_VOLUME, measures().addSweep(ago(h(1)), 101L)),
        equalTo(Level.WARNING));
    HealthMeasures mean =
        measures()
            .addSweep(ago(h(1)), 250L)
            .addSweep(ago(h(2)), 0L)
            .addSweep(ago(h(3)), 50L)
            .addSweep(ago(h(6.5)), 5000L);
    assertThat(
        "(250 + 0 + 50) / 3 = 100, the 6.5 h old sweep is outside",
        level(RuleKind.LOCK_CLEANUP_HIGH_VOLUME, mean),
        nullValue());
    mean.addSweep(ago(h(4)), 4L);
    assertThat("304 / 4 = 76", level(RuleKind.LOCK_CLEANUP_HIGH_VOLUME, mean), nullValue());
    HealthMeasures high = measures().addSweep(ago(h(1)), 150L).addSweep(ago(h(2)), 150L);
    assertThat(
        firing(RuleKind.LOCK_CLEANUP_HIGH_VOLUME, high).message(),
        equalTo(
            "mean 150 locks swept per sweep in the last 6 h (300 locks in 2 sweeps); threshold > 100"));
    assertThat(
        "no sweep: nothing measured",
        level(RuleKind.LOCK_CLEANUP_HIGH_VOLUME, measures()),
        nullValue());
  }

  @Test
  void slowAutomationExecutionIsTheMeanDailyDurationOver24Hours() {
    assertThat(
        level(
            RuleKind.SLOW_AUTOMATION_EXECUTION,
            measures().addJobRun("daily_automation", ago(h(3)), "SUCCESS", 1L, 0L, 599.0)),
        nullValue());
    assertThat(
        level(
            RuleKind.SLOW_AUTOMATION_EXECUTION,
            measures().addJobRun("daily_automation", ago(h(3)), "SUCCESS", 1L, 0L, 600.0)),
        nullValue());
    assertThat(
        level(
            RuleKind.SLOW_AUTOMATION_EXECUTION,
            measures().addJobRun("daily_automation", ago(h(3)), "SUCCESS", 1L, 0L, 601.0)),
        equalTo(Level.WARNING));
    HealthMeasures m =
        measures()
            .addJobRun("daily_automation", ago(h(3)), "SUCCESS", 1L, 0L, 700.0)
            .addJobRun("daily_automation", ago(h(20)), "SUCCESS", 1L, 0L, 600.0)
            .addJobRun("daily_automation", ago(h(30)), "SUCCESS", 1L, 0L, 5000.0)
            .addJobRun("caption_performance", ago(h(2)), "SUCCESS", null, null, 9000.0);
    Firing f = firing(RuleKind.SLOW_AUTOMATION_EXECUTION, m);
    assertThat("(700 + 600) / 2; older runs and other jobs excluded", f.measured(), equalTo(650.0));
    assertThat(
        f.message(),
        equalTo(
            "mean daily_automation duration 650 s in the last 24 h (2 runs); threshold > 600 s"));
  }

  @Test
  void queueStuckWhenAPendingRowIsOlderThan24Hours() {
    assertThat(level(RuleKind.QUEUE_STUCK, measures().addPending(ago(h(23.99)))), nullValue());
    assertThat(level(RuleKind.QUEUE_STUCK, measures().addPending(ago(h(24)))), nullValue());
    HealthMeasures m =
        measures().addPending(ago(h(24.5))).addPending(ago(h(30))).addPending(ago(h(1)));
    Firing f = firing(RuleKind.QUEUE_STUCK, m);
    assertThat(f.level(), equalTo(Level.WARNING));
    assertThat(
        f.message(),
        equalTo(
            "oldest PENDING schedule_generation_queue row queued 30 h ago (2 of 3 PENDING rows older than 24 h); threshold > 24 h"));
    assertThat(
        "no PENDING row: nothing measured", level(RuleKind.QUEUE_STUCK, measures()), nullValue());
  }

  @Test
  void disabledRulesDoNotFireAndAllRulesAreEvaluatedInOrder() {
    RuleSet off =
        RulesFile.parse("rules:\n  - name: lock_table_bloat\n    enabled: false\n", "test", RULES);
    HealthMeasures m = measures().addActiveLocks(20000);
    List<String> fired = new ArrayList<>();
    for (Firing f : RulesEngine.evaluate(off, m.snapshot())) {
      fired.add(f.ruleName());
    }
    assertThat(
        "never ran: daily, performance and sweep fire; bloat is disabled",
        fired,
        equalTo(
            List.of(
                "daily_automation_not_run", "performance_feedback_stale", "lock_sweep_not_run")));
    List<String> all = new ArrayList<>();
    for (Firing f : RulesEngine.evaluate(RULES, m.snapshot())) {
      all.add(f.ruleName());
    }
    assertThat(
        all,
        equalTo(
            List.of(
                "daily_automation_not_run",
                "performance_feedback_stale",
                "lock_sweep_not_run",
                "lock_table_bloat")));
  }
}
