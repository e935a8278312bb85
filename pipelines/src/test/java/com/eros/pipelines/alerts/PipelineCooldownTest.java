package com.eros.pipelines.alerts;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.eros.pipelines.alerts.PipelineCooldown.Prior;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which earlier alert suppresses the delivery of a pipeline alert. */
class PipelineCooldownTest {
  static final Instant T = Instant.parse("2026-11-29T12:00:00Z");
  static final Duration COOLDOWN = Duration.ofHours(12);

  static Prior prior(
      String id, String kind, Level level, Duration before, Boolean ack, String status) {
    return new Prior(id, kind, level, T.minus(before), ack, status);
  }

  static Prior suppressor(Level level, Prior... priors) {
    return PipelineCooldown.suppressor(
        "new", "lock_table_bloat", level, T, List.of(priors), COOLDOWN);
  }

  @Test
  void aDeliveredUnacknowledgedAlertOfTheSameKindWithinTheCooldownSuppresses() {
    Prior p =
        prior("p", "lock_table_bloat", Level.WARNING, Duration.ofHours(1), false, "DELIVERED");
    assertThat(suppressor(Level.WARNING, p), equalTo(p));
    assertThat(
        "acknowledged NULL counts as not acknowledged",
        suppressor(
                Level.WARNING,
                prior("q", "lock_table_bloat", Level.WARNING, Duration.ofHours(1), null, "PARTIAL"))
            .alertId(),
        equalTo("q"));
    assertThat(
        PipelineCooldown.reason(p, COOLDOWN, T),
        equalTo(
            "cooldown: WARNING alert p of the same kind was delivered "
                + "1 h before (2026-11-29T11:00:00Z), within the 12 h cooldown; not sent again"));
  }

  @Test
  void theLatestSuppressorIsNamed() {
    Prior older =
        prior("older", "lock_table_bloat", Level.WARNING, Duration.ofHours(5), false, "DELIVERED");
    Prior newer =
        prior("newer", "lock_table_bloat", Level.CRITICAL, Duration.ofHours(2), false, "DELIVERED");
    assertThat(suppressor(Level.WARNING, older, newer), equalTo(newer));
  }

  @Test
  void nothingElseSuppresses() {
    Duration hour = Duration.ofHours(1);
    assertThat(
        "another kind",
        suppressor(
            Level.WARNING,
            prior("p", "lock_cleanup_high_volume", Level.WARNING, hour, false, "DELIVERED")),
        nullValue());
    assertThat(
        "acknowledged",
        suppressor(
            Level.WARNING, prior("p", "lock_table_bloat", Level.WARNING, hour, true, "DELIVERED")),
        nullValue());
    assertThat(
        "an escalation is sent at once",
        suppressor(
            Level.CRITICAL,
            prior("p", "lock_table_bloat", Level.WARNING, hour, false, "DELIVERED")),
        nullValue());
    for (String status : new String[] {"FAILED", "NOT_ROUTED", "SUPPRESSED", "PENDING", null}) {
      assertThat(
          "a prior alert that reached nobody: " + status,
          suppressor(
              Level.WARNING, prior("p", "lock_table_bloat", Level.WARNING, hour, false, status)),
          nullValue());
    }
    assertThat(
        "the cooldown is over (exactly 12 h)",
        suppressor(
            Level.WARNING,
            prior("p", "lock_table_bloat", Level.WARNING, COOLDOWN, false, "DELIVERED")),
        nullValue());
    assertThat(
        "just inside it",
        suppressor(
                Level.WARNING,
                prior(
                    "p",
                    "lock_table_bloat",
                    Level.WARNING,
                    COOLDOWN.minusMillis(1),
                    false,
                    "DELIVERED"))
            .alertId(),
        equalTo("p"));
    assertThat(
        "raised after this one",
        suppressor(
            Level.WARNING,
            prior("p", "lock_table_bloat", Level.WARNING, hour.negated(), false, "DELIVERED")),
        nullValue());
    assertThat(
        "the alert itself (a retried run sees its own row)",
        suppressor(
            Level.WARNING,
            prior("new", "lock_table_bloat", Level.WARNING, Duration.ZERO, false, "DELIVERED")),
        nullValue());
    assertThat(
        "no cooldown",
        PipelineCooldown.suppressor(
            "new",
            "lock_table_bloat",
            Level.WARNING,
            T,
            List.of(
                prior(
                    "p",
                    "lock_table_bloat",
                    Level.WARNING,
                    Duration.ofSeconds(1),
                    false,
                    "DELIVERED")),
            Duration.ZERO),
        nullValue());
  }
}
