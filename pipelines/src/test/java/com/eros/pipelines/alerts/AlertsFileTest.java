package com.eros.pipelines.alerts;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.pipelines.healthmonitor.RuleSet;
import com.eros.pipelines.healthmonitor.RulesFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing per level and the pipelines' alert settings in the rules file: defaults, overrides,
 * line-numbered errors.
 */
class AlertsFileTest {
  static final AlertPolicy BASE = AlertsFile.builtIn();
  static final List<Channel> CHAT = List.of(Channel.SLACK, Channel.GOOGLE_CHAT);

  static void assertRejected(String yaml, int line, String reasonPart) {
    RuleFileException e =
        assertThrows(RuleFileException.class, () -> AlertsFile.parse(yaml, "a.yaml", BASE));
    assertThat(e.getMessage(), e.line(), equalTo(line));
    assertThat(e.getMessage(), e.reason(), containsString(reasonPart));
    assertThat(e.getMessage(), containsString("a.yaml, line " + line + ": "));
  }

  @Test
  void builtInCriticalGoesEverywhereWarningToTheChatChannelsInfoNowhere() {
    for (String source :
        List.of("lock_table_bloat", "daily_automation", "lock_cleanup", "anything")) {
      assertThat(source, BASE.route(source, Level.CRITICAL), equalTo(List.of(Channel.values())));
      assertThat(source, BASE.route(source, Level.WARNING), equalTo(CHAT));
      assertThat(source, BASE.route(source, Level.INFO), equalTo(List.of()));
    }
    assertThat(BASE.cooldown(AlertPolicy.DAILY_AUTOMATION), equalTo(Duration.ofHours(12)));
    assertThat(BASE.cooldown(AlertPolicy.LOCK_CLEANUP), equalTo(Duration.ofHours(12)));
    assertThat(
        "the health monitor reads the same file", RulesFile.builtIn().policy(), equalTo(BASE));
  }

  @Test
  void aFileRoutesPerLevelPerRuleAndPerSourceAndKeepsWhatItDoesNotSay() {
    RuleSet r =
        RulesFile.parse(
            """
        routing:
          WARNING: [slack]
          INFO: [webhook]
        rules:
          - name: queue_stuck
            channels: {WARNING: [email, google_chat]}
          - name: lock_sweep_not_run
            channels: [pagerduty]
        pipeline_alerts:
          - source: lock_cleanup
            cooldown: 2h
            channels:
              CRITICAL: [pagerduty, email]
          - source: daily_automation
            channels: all
        """,
            "override.yaml",
            RulesFile.builtIn());
    AlertPolicy p = r.policy();
    assertThat(
        "routing overrides level by level",
        p.route("lock_table_bloat", Level.WARNING),
        equalTo(List.of(Channel.SLACK)));
    assertThat(p.route("lock_table_bloat", Level.INFO), equalTo(List.of(Channel.WEBHOOK)));
    assertThat(
        "unset levels keep the built-in routing",
        p.route("lock_table_bloat", Level.CRITICAL),
        equalTo(List.of(Channel.values())));
    assertThat(
        p.route("queue_stuck", Level.WARNING),
        equalTo(List.of(Channel.EMAIL, Channel.GOOGLE_CHAT)));
    assertThat(
        "a rule's map sets only its levels",
        p.route("queue_stuck", Level.CRITICAL),
        equalTo(List.of(Channel.values())));
    assertThat(
        "a rule's list sets every level",
        p.route("lock_sweep_not_run", Level.INFO),
        equalTo(List.of(Channel.PAGERDUTY)));
    assertThat(
        p.route("lock_cleanup", Level.CRITICAL),
        equalTo(List.of(Channel.PAGERDUTY, Channel.EMAIL)));
    assertThat(p.route("lock_cleanup", Level.WARNING), equalTo(List.of(Channel.SLACK)));
    assertThat(p.route("daily_automation", Level.INFO), equalTo(List.of(Channel.values())));
    assertThat(p.cooldown("lock_cleanup"), equalTo(Duration.ofHours(2)));
    assertThat(
        "unset fields keep the base",
        p.cooldown("daily_automation"),
        equalTo(Duration.ofHours(12)));

    // the pipelines read the same file, without evaluating its rules
    AlertPolicy pipelines =
        AlertsFile.parse(
                "pipeline_alerts:\n  - source: daily_automation\n    cooldown: 0s\n",
                "p.yaml",
                BASE)
            .policy();
    assertThat(pipelines.cooldown("daily_automation"), equalTo(Duration.ZERO));
    assertThat(pipelines.route("daily_automation", Level.WARNING), equalTo(CHAT));
  }

  @Test
  void badAlertSettingsAreRejectedWithTheirLine() {
    assertRejected(
        "routing:\n  WARNING: [slack, sms]\n",
        2,
        "unknown channel 'sms' in the routing of WARNING");
    assertRejected("routing:\n  LOUD: [slack]\n", 2, "unknown level 'LOUD'");
    assertRejected("routing:\n  WARNING: slack\n", 2, "must be a list such as [slack, pagerduty]");
    assertRejected("routing: [slack]\n", 1, "routing (levels and their channels");
    assertRejected("routing:\n  WARNING: [slack, slack]\n", 2, "listed twice");
    assertRejected(
        "pipeline_alerts:\n  - source: health_monitor\n    cooldown: 1h\n",
        2,
        "unknown pipeline alert source 'health_monitor' (known: daily_automation, lock_cleanup");
    assertRejected(
        "pipeline_alerts:\n  - source: lock_cleanup\n    cooldwn: 1h\n",
        3,
        "unknown field 'cooldwn' in pipeline_alerts");
    assertRejected(
        "pipeline_alerts:\n  - source: lock_cleanup\n    cooldown: 6\n",
        3,
        "a duration with its unit");
    assertRejected("pipeline_alerts:\n  - cooldown: 6h\n", 2, "without 'source'");
    assertRejected(
        "pipeline_alerts:\n  - source: lock_cleanup\n  - source: lock_cleanup\n",
        3,
        "listed twice");
    assertRejected(
        "pipeline_alerts: {source: lock_cleanup}\n", 1, "'pipeline_alerts' must be a list");
    assertRejected(
        "pipeline_alerts:\n  - source: lock_cleanup\n    channels: {CRITICAL: [fax]}\n",
        3,
        "unknown channel 'fax' in CRITICAL channels of pipeline alerts of lock_cleanup");
    RuleFileException level =
        assertThrows(
            RuleFileException.class,
            () ->
                RulesFile.parse(
                    "rules:\n  - name: queue_stuck\n    channels: {WARNING: [slack], SEVERE: [slack]}\n",
                    "r.yaml",
                    RulesFile.builtIn()));
    assertThat(
        level.getMessage(),
        containsString("r.yaml, line 3: unknown level 'SEVERE' in channels of rule queue_stuck"));

    RuleFileException incomplete =
        assertThrows(
            RuleFileException.class,
            () ->
                AlertsFile.parse(
                    "routing: {CRITICAL: all, WARNING: []}\npipeline_alerts: []\n",
                    "c.yaml",
                    null));
    assertThat(incomplete.reason(), containsString("INFO is missing"));
    RuleFileException noCooldown =
        assertThrows(
            RuleFileException.class,
            () ->
                AlertsFile.parse(
                    "routing: {CRITICAL: all, WARNING: [], INFO: []}\n"
                        + "pipeline_alerts:\n  - source: lock_cleanup\n    cooldown: 1h\n",
                    "c.yaml",
                    null));
    assertThat(
        noCooldown.reason(),
        containsString("pipeline_alerts must give the cooldown of daily_automation"));
  }

  @Test
  void loadsAFileThroughBeamFileSystems(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("alerts.yaml");
    Files.writeString(
        f, "version: 1\npipeline_alerts:\n  - source: lock_cleanup\n    cooldown: 30m\n");
    assertThat(
        AlertsFile.load(f.toString(), PipelineOptionsFactory.create()).cooldown("lock_cleanup"),
        equalTo(Duration.ofMinutes(30)));
    assertThat(AlertsFile.load("", PipelineOptionsFactory.create()), equalTo(BASE));
    Files.writeString(
        f, "version: 1\npipeline_alerts:\n  - source: lock_cleanup\n    cooldown: soon\n");
    RuleFileException e =
        assertThrows(
            RuleFileException.class,
            () -> AlertsFile.load(f.toString(), PipelineOptionsFactory.create()));
    assertThat(
        e.getMessage(),
        containsString(
            f + ", line 4: the cooldown of pipeline alerts of lock_cleanup is not a duration"));
  }
}
