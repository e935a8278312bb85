package com.eros.pipelines.healthmonitor;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.eros.pipelines.alerts.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cooldown: fires, is suppressed within the cooldown, fires again after it and once acknowledged.
 */
class CooldownTest {
  static final RuleSet RULES = RulesFile.builtIn(); // lock_sweep_not_run: WARNING, cooldown 6 h
  static final Instant T0 = Instant.parse("2026-11-29T20:00:00Z");

  static Firing sweepFiring(Level level) {
    return new Firing(
        RuleKind.LOCK_SWEEP_NOT_RUN, level, 3, 2, "last lock sweep 3 h ago; threshold > 2 h");
  }

  /** Simulates successive runs: each alert that is raised is added to the table. */
  static boolean run(List<Cooldown.PriorAlert> table, Instant now, Level level) {
    Cooldown.Decision d = Cooldown.decide(List.of(sweepFiring(level)), table, RULES, now).get(0);
    if (!d.suppressed()) {
      table.add(new Cooldown.PriorAlert("lock_sweep_not_run", level, now, false, "DELIVERED"));
    }
    return !d.suppressed();
  }

  @Test
  void firesThenIsSuppressedWithinTheCooldownThenFiresAgainAfterIt() {
    List<Cooldown.PriorAlert> table = new ArrayList<>();
    assertThat("first run fires", run(table, T0, Level.WARNING), equalTo(true));
    assertThat("same now again: suppressed", run(table, T0, Level.WARNING), equalTo(false));
    assertThat(
        "4 h later: suppressed",
        run(table, T0.plus(Duration.ofHours(4)), Level.WARNING),
        equalTo(false));
    assertThat(
        "5 h 59 min later: suppressed",
        run(table, T0.plus(Duration.ofMinutes(359)), Level.WARNING),
        equalTo(false));
    assertThat(
        "6 h later: the cooldown is over",
        run(table, T0.plus(Duration.ofHours(6)), Level.WARNING),
        equalTo(true));
    assertThat(
        "and the new alert starts a new cooldown",
        run(table, T0.plus(Duration.ofHours(8)), Level.WARNING),
        equalTo(false));
    assertThat(table.size(), equalTo(2));
  }

  @Test
  void firesAgainOnceTheAlertIsAcknowledged() {
    List<Cooldown.PriorAlert> table = new ArrayList<>();
    assertThat(run(table, T0, Level.WARNING), equalTo(true));
    assertThat(run(table, T0.plus(Duration.ofHours(1)), Level.WARNING), equalTo(false));
    Cooldown.PriorAlert a = table.get(0);
    table.set(
        0, new Cooldown.PriorAlert(a.source(), a.level(), a.time(), true, a.deliveryStatus()));
    assertThat(
        "acknowledged alerts suppress nothing",
        run(table, T0.plus(Duration.ofHours(2)), Level.WARNING),
        equalTo(true));
    assertThat(
        "the new one is unacknowledged",
        run(table, T0.plus(Duration.ofHours(3)), Level.WARNING),
        equalTo(false));
  }

  @Test
  void anEscalationIsNotSuppressedButADeescalationIs() {
    List<Cooldown.PriorAlert> table = new ArrayList<>();
    table.add(
        new Cooldown.PriorAlert(
            "lock_sweep_not_run", Level.WARNING, T0, null, "DELIVERED")); // NULL = not acknowledged
    assertThat(run(table, T0.plus(Duration.ofHours(1)), Level.CRITICAL), equalTo(true));
    assertThat(run(table, T0.plus(Duration.ofHours(2)), Level.WARNING), equalTo(false));
  }

  @Test
  void otherRulesAlertsAndFutureAlertsDoNotSuppress() {
    List<Cooldown.PriorAlert> table = new ArrayList<>();
    table.add(
        new Cooldown.PriorAlert(
            "lock_table_bloat", Level.CRITICAL, T0.minusSeconds(60), false, "DELIVERED"));
    table.add(
        new Cooldown.PriorAlert(
            "lock_cleanup", Level.CRITICAL, T0.minusSeconds(60), false, "DELIVERED"));
    table.add(
        new Cooldown.PriorAlert(
            "lock_sweep_not_run", Level.CRITICAL, T0.plusSeconds(60), false, "DELIVERED"));
    assertThat(run(table, T0, Level.WARNING), equalTo(true));
  }

  @Test
  void theReasonSaysWhichAlertSuppressed() {
    List<Cooldown.PriorAlert> table =
        List.of(
            new Cooldown.PriorAlert(
                "lock_sweep_not_run",
                Level.WARNING,
                T0.minus(Duration.ofMinutes(90)),
                false,
                "DELIVERED"));
    Cooldown.Decision d =
        Cooldown.decide(List.of(sweepFiring(Level.WARNING)), table, RULES, T0).get(0);
    assertThat(d.reason(), containsString("unacknowledged WARNING alert raised 90 min ago"));
    assertThat(d.reason(), containsString("within the 6 h cooldown"));
  }

  @Test
  void aZeroCooldownAlertsOnEveryRun() {
    RuleSet zero =
        RulesFile.parse("rules:\n  - name: lock_sweep_not_run\n    cooldown: 0s\n", "test", RULES);
    List<Cooldown.PriorAlert> table =
        List.of(
            new Cooldown.PriorAlert("lock_sweep_not_run", Level.WARNING, T0, false, "DELIVERED"));
    assertThat(
        Cooldown.decide(List.of(sweepFiring(Level.WARNING)), table, zero, T0).get(0).suppressed(),
        equalTo(false));
  }

  @Test
  void anAlertWhoseDeliveryFailedOrNeverFinishedStartsNoCooldown() {
    for (String status : new String[] {"FAILED", "PENDING"}) {
      List<Cooldown.PriorAlert> table =
          List.of(new Cooldown.PriorAlert("lock_sweep_not_run", Level.WARNING, T0, false, status));
      assertThat(
          status,
          Cooldown.decide(List.of(sweepFiring(Level.WARNING)), table, RULES, T0.plusSeconds(60))
              .get(0)
              .suppressed(),
          equalTo(false));
    }
    for (String status : new String[] {"DELIVERED", "PARTIAL", "NOT_ROUTED", null}) {
      List<Cooldown.PriorAlert> table =
          List.of(new Cooldown.PriorAlert("lock_sweep_not_run", Level.WARNING, T0, false, status));
      assertThat(
          status,
          Cooldown.decide(List.of(sweepFiring(Level.WARNING)), table, RULES, T0.plusSeconds(60))
              .get(0)
              .suppressed(),
          equalTo(true));
    }
  }
}
