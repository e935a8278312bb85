package com.eros.pipelines.healthmonitor;

import com.eros.pipelines.alerts.Level;
import com.eros.pipelines.alerts.delivery.DeliveryReport;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which firings become alerts. A firing is suppressed while the same rule has an
 * unacknowledged alert at the same or a more severe level, raised less than the rule's cooldown
 * before now (an escalation, e.g. WARNING to CRITICAL, is alerted at once; an acknowledged alert
 * suppresses nothing). An alert whose delivery FAILED, or never finished (still PENDING: the run
 * died while delivering), starts no cooldown: the next run raises and delivers it again, as for the
 * pipelines' own alerts.
 */
public final class Cooldown {
  private Cooldown() {}

  /**
   * An alert already in automation_alerts. {@code acknowledged} null counts as not acknowledged;
   * {@code deliveryStatus} null (a row from before delivery was recorded) counts as delivered.
   */
  public record PriorAlert(
      String source, Level level, Instant time, Boolean acknowledged, String deliveryStatus)
      implements Serializable {
    /**
     * Whether the alert reached its channels, or was meant to reach none (it starts a cooldown).
     */
    boolean settled() {
      return !DeliveryReport.FAILED.equals(deliveryStatus)
          && !DeliveryReport.PENDING.equals(deliveryStatus);
    }
  }

  /** What happens to a firing: an alert, or suppressed (with the alert that suppressed it). */
  public record Decision(Firing firing, PriorAlert suppressedBy, String reason)
      implements Serializable {
    public boolean suppressed() {
      return suppressedBy != null;
    }
  }

  public static List<Decision> decide(
      List<Firing> firings, List<PriorAlert> prior, RuleSet rules, Instant now) {
    List<Decision> out = new ArrayList<>();
    for (Firing f : firings) {
      Duration cooldown = rules.rule(f.kind()).cooldown();
      PriorAlert by = null;
      for (PriorAlert p : prior) {
        if (suppresses(p, f, cooldown, now) && (by == null || p.time().isAfter(by.time()))) {
          by = p;
        }
      }
      String reason =
          by == null
              ? null
              : "unacknowledged "
                  + by.level()
                  + " alert raised "
                  + RulesEngine.hours(Duration.between(by.time(), now))
                  + " ago ("
                  + by.time()
                  + ") is within the "
                  + RulesEngine.hours(cooldown)
                  + " cooldown";
      out.add(new Decision(f, by, reason));
    }
    return out;
  }

  static boolean suppresses(PriorAlert p, Firing f, Duration cooldown, Instant now) {
    return f.ruleName().equals(p.source())
        && !Boolean.TRUE.equals(p.acknowledged())
        && p.settled()
        && p.level() != null
        && p.level().atLeast(f.level())
        && p.time() != null
        && !p.time().isAfter(now)
        && Duration.between(p.time(), now).compareTo(cooldown) < 0;
  }
}
