package com.eros.pipelines.healthmonitor;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.pipelines.alerts.Channel;
import com.eros.pipelines.alerts.Level;
import com.eros.pipelines.alerts.RuleFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules YAML: the built-in file holds docs/health-and-alerts.md; other files override it or are
 * rejected with a line.
 */
class RulesFileTest {
  static final RuleSet BASE = RulesFile.builtIn();

  static RuleFileException reject(String yaml) {
    return assertThrows(RuleFileException.class, () -> RulesFile.parse(yaml, "t.yaml", BASE));
  }

  static void assertRejected(String yaml, int line, String reasonPart) {
    RuleFileException e = reject(yaml);
    assertThat(e.getMessage(), e.line(), equalTo(line));
    assertThat(e.reason(), containsString(reasonPart));
    assertThat(e.getMessage(), containsString("t.yaml, line " + line + ": "));
  }

  @Test
  void builtInRulesAreThoseOfTheReference() {
    assertThat(BASE.all().size(), equalTo(9));
    assertThat(BASE.enabled().size(), equalTo(9));
    assertThat(
        BASE.rule(RuleKind.DAILY_AUTOMATION_FAILURE).thresholds(),
        equalTo(List.of(new Rule.Threshold(Level.CRITICAL, 0))));
    assertThat(BASE.window(RuleKind.DAILY_AUTOMATION_FAILURE), equalTo(Duration.ofHours(24)));
    assertThat(
        BASE.rule(RuleKind.DAILY_AUTOMATION_NOT_RUN).thresholds(),
        equalTo(List.of(new Rule.Threshold(Level.CRITICAL, 28))));
    assertThat(
        BASE.rule(RuleKind.PERFORMANCE_FEEDBACK_STALE).thresholds(),
        equalTo(
            List.of(new Rule.Threshold(Level.CRITICAL, 12), new Rule.Threshold(Level.WARNING, 8))));
    assertThat(
        BASE.rule(RuleKind.LOCK_SWEEP_NOT_RUN).thresholds(),
        equalTo(List.of(new Rule.Threshold(Level.WARNING, 2))));
    assertThat(
        BASE.rule(RuleKind.LOCK_TABLE_BLOAT).thresholds(),
        equalTo(
            List.of(
                new Rule.Threshold(Level.CRITICAL, 10000),
                new Rule.Threshold(Level.WARNING, 5000))));
    assertThat(
        BASE.rule(RuleKind.HIGH_CREATOR_FAILURE_RATE).thresholds(),
        equalTo(List.of(new Rule.Threshold(Level.WARNING, 10))));
    assertThat(BASE.window(RuleKind.HIGH_CREATOR_FAILURE_RATE), equalTo(Duration.ofHours(24)));
    assertThat(
        BASE.rule(RuleKind.LOCK_CLEANUP_HIGH_VOLUME).thresholds(),
        equalTo(List.of(new Rule.Threshold(Level.WARNING, 100))));
    assertThat(BASE.window(RuleKind.LOCK_CLEANUP_HIGH_VOLUME), equalTo(Duration.ofHours(6)));
    assertThat(
        BASE.rule(RuleKind.SLOW_AUTOMATION_EXECUTION).thresholds(),
        equalTo(List.of(new Rule.Threshold(Level.WARNING, 600))));
    assertThat(BASE.window(RuleKind.SLOW_AUTOMATION_EXECUTION), equalTo(Duration.ofHours(24)));
    assertThat(
        BASE.rule(RuleKind.QUEUE_STUCK).thresholds(),
        equalTo(List.of(new Rule.Threshold(Level.WARNING, 24))));
    assertThat(BASE.jobLookback(), equalTo(Duration.ofDays(8)));
    assertThat(BASE.maxCooldown(), equalTo(Duration.ofHours(24)));
    assertThat(
        "routing by level when no channels are given",
        BASE.rule(RuleKind.LOCK_TABLE_BLOAT).channels(),
        nullValue());
    assertThat(
        BASE.policy().route("lock_table_bloat", Level.CRITICAL),
        equalTo(List.of(Channel.values())));
    assertThat(
        BASE.policy().route("lock_table_bloat", Level.WARNING),
        equalTo(List.of(Channel.SLACK, Channel.GOOGLE_CHAT)));
    assertThat(BASE.policy().route("lock_table_bloat", Level.INFO), equalTo(List.of()));
  }

  @Test
  void aFileOverridesRulesFieldByField() {
    RuleSet r =
        RulesFile.parse(
            """
        version: 1
        rules:
          - name: lock_sweep_not_run
            threshold: 90m
            channels: [webhook, pagerduty]
          - name: performance_feedback_stale
            thresholds: {CRITICAL: 1d, WARNING: 6h}
          - name: high_creator_failure_rate
            threshold: 12.5 %
            window: 2d
          - name: queue_stuck
            enabled: false
          - name: slow_automation_execution
            level: INFO
            threshold: 15m
            cooldown: 0s
        """,
            "override.yaml", BASE);
    assertThat(
        r.rule(RuleKind.LOCK_SWEEP_NOT_RUN).thresholds(),
        equalTo(List.of(new Rule.Threshold(Level.WARNING, 1.5))));
    assertThat(
        r.policy().route("lock_sweep_not_run", Level.WARNING),
        equalTo(List.of(Channel.WEBHOOK, Channel.PAGERDUTY)));
    assertThat(
        "unset fields keep the base",
        r.rule(RuleKind.LOCK_SWEEP_NOT_RUN).cooldown(),
        equalTo(Duration.ofHours(6)));
    assertThat(
        r.rule(RuleKind.PERFORMANCE_FEEDBACK_STALE).thresholds(),
        equalTo(
            List.of(new Rule.Threshold(Level.CRITICAL, 24), new Rule.Threshold(Level.WARNING, 6))));
    assertThat(
        r.rule(RuleKind.HIGH_CREATOR_FAILURE_RATE).thresholds(),
        equalTo(List.of(new Rule.Threshold(Level.WARNING, 12.5))));
    assertThat(r.window(RuleKind.HIGH_CREATOR_FAILURE_RATE), equalTo(Duration.ofDays(2)));
    assertThat(r.rule(RuleKind.QUEUE_STUCK).enabled(), equalTo(false));
    assertThat(
        r.rule(RuleKind.SLOW_AUTOMATION_EXECUTION).thresholds(),
        equalTo(List.of(new Rule.Threshold(Level.INFO, 900))));
    assertThat(r.rule(RuleKind.SLOW_AUTOMATION_EXECUTION).cooldown(), equalTo(Duration.ZERO));
    assertThat(
        "unlisted rules keep the base",
        r.rule(RuleKind.LOCK_TABLE_BLOAT),
        equalTo(BASE.rule(RuleKind.LOCK_TABLE_BLOAT)));
    assertThat(
        "a 2-day window doubles into a 4-day lookback, still under 8 days",
        r.jobLookback(),
        equalTo(Duration.ofDays(8)));
    assertThat(r.source(), equalTo("override.yaml"));
  }

  @Test
  void invalidYamlIsRejectedWithItsLine() {
    RuleFileException e = reject("rules:\n  - name: lock_sweep_not_run\n    threshold: [2h\n");
    assertThat(e.getMessage(), e.line() >= 3, equalTo(true));
    assertThat(e.reason(), containsString("not valid YAML"));
    assertRejected("rules:\n  - name: a\n\tthreshold: 2h\n", 3, "not valid YAML");
    assertRejected("", 1, "empty");
    assertRejected("- just a list\n", 1, "must be a mapping");
  }

  @Test
  void unknownRulesMetricsAndFieldsAreRejectedWithTheirLine() {
    assertRejected(
        "rules:\n  - name: lock_sweep_not_run\n  - name: disk_full\n    threshold: 2h\n",
        3,
        "unknown rule 'disk_full'");
    assertRejected(
        "rules:\n  - name: lock_table_bloat\n    metric: hours_since_lock_sweep\n",
        3,
        "unknown metric 'hours_since_lock_sweep' for rule lock_table_bloat: it measures active_locks");
    assertRejected(
        "rules:\n  - name: lock_table_bloat\n    metric: active_locks\n    treshold: 7\n",
        4,
        "unknown field 'treshold' in rule lock_table_bloat");
    assertRejected(
        "version: 1\nalerts: []\nrules: []\n", 2, "unknown field 'alerts' at the top level");
    assertRejected("version: 2\nrules: []\n", 1, "version must be 1");
    assertRejected("rules:\n  - threshold: 2h\n", 2, "a rule without 'name'");
    assertRejected("rules:\n  - name: queue_stuck\n  - name: queue_stuck\n", 3, "listed twice");
    assertRejected(
        "rules:\n  - name: queue_stuck\n    cooldown: 1h\n    cooldown: 2h\n",
        4,
        "'cooldown' appears twice");
    assertRejected("rules: {name: queue_stuck}\n", 1, "'rules' must be a list");
    assertRejected("version: 1\n", 1, "no 'rules:' list, 'routing:' or 'pipeline_alerts:'");
  }

  @Test
  void badValuesAreRejectedWithTheirLine() {
    assertRejected(
        "rules:\n  - name: lock_sweep_not_run\n    threshold: 2\n",
        3,
        "a duration with its unit, like 2h");
    assertRejected(
        "rules:\n  - name: lock_sweep_not_run\n    threshold: two hours\n", 3, "not a duration");
    assertRejected(
        "rules:\n  - name: lock_table_bloat\n    thresholds: {CRITICAL: 10000, WARNING: many}\n",
        3,
        "is a number");
    assertRejected(
        "rules:\n  - name: lock_table_bloat\n    thresholds: {CRITICAL: -1}\n",
        3,
        "finite number >= 0");
    assertRejected(
        "rules:\n  - name: lock_table_bloat\n    thresholds:\n      CRITICAL: 5000\n      WARNING: 10000\n",
        4,
        "the CRITICAL threshold (5000) must be above the WARNING threshold (10000)");
    assertRejected(
        "rules:\n  - name: lock_table_bloat\n    thresholds: {SEVERE: 1}\n",
        3,
        "unknown level 'SEVERE'");
    assertRejected(
        "rules:\n  - name: lock_table_bloat\n    threshold: 6000\n", 3, "has several levels");
    assertRejected(
        "rules:\n  - name: lock_table_bloat\n    level: WARNING\n    thresholds: {WARNING: 1}\n",
        4,
        "not both");
    assertRejected(
        "rules:\n  - name: high_creator_failure_rate\n    threshold: 120%\n",
        3, "percentage (0-100)");
    assertRejected(
        "rules:\n  - name: high_creator_failure_rate\n    threshold: ten\n",
        3,
        "a percentage like 10%");
    assertRejected(
        "rules:\n  - name: lock_table_bloat\n    window: 6h\n",
        3,
        "rule lock_table_bloat has no window");
    assertRejected(
        "rules:\n  - name: lock_cleanup_high_volume\n    window: 0s\n", 3, "longer than 0");
    assertRejected("rules:\n  - name: queue_stuck\n    cooldown: -1h\n", 3, "not a duration");
    assertRejected("rules:\n  - name: queue_stuck\n    cooldown: 400d\n", 3, "longer than a year");
    assertRejected(
        "rules:\n  - name: queue_stuck\n    enabled: yes\n", 3, "enabled must be true or false");
    assertRejected(
        "rules:\n  - name: queue_stuck\n    channels: [slack, sms]\n", 3, "unknown channel 'sms'");
    assertRejected("rules:\n  - name: queue_stuck\n    channels: slack\n", 3, "must be a list");
    assertRejected("rules:\n  - name: queue_stuck\n    level: LOUD\n", 3, "unknown level 'LOUD'");
  }

  /** What a complete file needs besides its rules. */
  static final String ROUTING =
      "routing: {CRITICAL: all, WARNING: [slack], INFO: []}\n"
          + "pipeline_alerts:\n  - {source: daily_automation, cooldown: 1h}\n  - {source: lock_cleanup, cooldown: 1h}\n";

  @Test
  void aCompleteFileMustDefineEveryRule() {
    RuleFileException e =
        assertThrows(
            RuleFileException.class,
            () ->
                RulesFile.parse(
                    ROUTING
                        + "rules:\n  - name: queue_stuck\n    level: WARNING\n    threshold: 24h\n    cooldown: 1h\n",
                    "c.yaml",
                    null));
    assertThat(
        e.reason(),
        containsString("rules missing from a complete rules file: daily_automation_failure"));
    RuleFileException noCooldown =
        assertThrows(
            RuleFileException.class,
            () ->
                RulesFile.parse(
                    ROUTING
                        + "rules:\n  - name: queue_stuck\n    level: WARNING\n    threshold: 24h\n",
                    "c.yaml",
                    null));
    assertThat(noCooldown.reason(), containsString("needs a cooldown"));
    RuleFileException noWindow =
        assertThrows(
            RuleFileException.class,
            () ->
                RulesFile.parse(
                    ROUTING
                        + "rules:\n  - name: lock_cleanup_high_volume\n    level: WARNING\n    threshold: 1\n    cooldown: 1h\n",
                    "c.yaml",
                    null));
    assertThat(noWindow.reason(), containsString("needs a window"));
  }

  @Test
  void loadsLocalFilesThroughBeamFileSystems(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("rules.yaml");
    Files.writeString(
        f,
        "rules:\n  - name: lock_table_bloat\n    thresholds: {CRITICAL: 20000, WARNING: 15000}\n");
    RuleSet r = RulesFile.load(f.toString(), PipelineOptionsFactory.create());
    assertThat(r.rule(RuleKind.LOCK_TABLE_BLOAT).thresholds().get(0).value(), equalTo(20000.0));
    assertThat(r.source(), equalTo(f.toString()));
    assertThat(
        "blank: the built-in rules",
        RulesFile.load(" ", PipelineOptionsFactory.create()).source(),
        equalTo(RulesFile.BUILT_IN_SOURCE));
    RuleFileException missing =
        assertThrows(
            RuleFileException.class,
            () ->
                RulesFile.load(
                    dir.resolve("nope.yaml").toString(), PipelineOptionsFactory.create()));
    assertThat(missing.getMessage(), containsString("no such file"));
    Files.writeString(
        f,
        "rules:\n  - name: lock_table_bloat\n    thresholds: {CRITICAL: 20000, WARNING: 25000}\n");
    RuleFileException bad =
        assertThrows(
            RuleFileException.class,
            () -> RulesFile.load(f.toString(), PipelineOptionsFactory.create()));
    assertThat(bad.getMessage(), containsString(f + ", line 3: "));
  }
}
