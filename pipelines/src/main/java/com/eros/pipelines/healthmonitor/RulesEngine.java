package com.eros.pipelines.healthmonitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Evaluates every enabled rule against a snapshot. Pure: no clock, no IO. */
public final class RulesEngine {
  private RulesEngine() {}

  /**
   * The firing rules, in rule order; at most one firing per rule (its most severe exceeded level).
   */
  public static List<Firing> evaluate(RuleSet rules, HealthSnapshot s) {
    List<Firing> out = new ArrayList<>();
    for (Rule rule : rules.enabled()) {
      Firing f = evaluate(rule, s);
      if (f != null) {
        out.add(f);
      }
    }
    return out;
  }

  /** The rule's firing, or null when healthy or when nothing was measured. */
  public static Firing evaluate(Rule rule, HealthSnapshot s) {
    Double measured = measure(rule.kind(), s);
    Rule.Threshold t = rule.exceeded(measured);
    if (t == null) {
      return null;
    }
    return new Firing(rule.kind(), t.level(), measured, t.value(), message(rule, t, measured, s));
  }

  /**
   * The rule's metric; null when there is nothing to measure (no creators, no sweeps, no timed
   * runs, no PENDING row); positive infinity for a freshness metric with no run in the lookback.
   */
  public static Double measure(RuleKind kind, HealthSnapshot s) {
    return switch (kind) {
      case DAILY_AUTOMATION_FAILURE -> (double) s.failedDailyRuns();
      case DAILY_AUTOMATION_NOT_RUN -> orInfinity(s.hoursSince(s.lastDailyStart()));
      case PERFORMANCE_FEEDBACK_STALE -> orInfinity(s.hoursSince(s.lastPerformanceSuccess()));
      case LOCK_SWEEP_NOT_RUN -> orInfinity(s.hoursSince(s.lastSweep()));
      case LOCK_TABLE_BLOAT -> (double) s.activeLocks();
      case HIGH_CREATOR_FAILURE_RATE -> s.creatorFailurePct();
      case LOCK_CLEANUP_HIGH_VOLUME -> s.meanLocksSwept();
      case SLOW_AUTOMATION_EXECUTION -> s.meanDailySeconds();
      case QUEUE_STUCK -> s.hoursSince(s.oldestPending());
    };
  }

  private static Double orInfinity(Double hours) {
    return hours == null ? Double.POSITIVE_INFINITY : hours;
  }

  static String message(Rule rule, Rule.Threshold t, double measured, HealthSnapshot s) {
    Unit u = rule.kind().unit();
    String limit =
        "threshold "
            + (rule.thresholds().size() > 1 ? t.level() + " " : "")
            + "> "
            + u.format(t.value());
    String never = "none in the last " + hours(s.lookback()) + " (never, or before that)";
    String what =
        switch (rule.kind()) {
          case DAILY_AUTOMATION_FAILURE ->
              (long) measured
                  + " FAILED daily_automation run"
                  + (measured == 1 ? "" : "s")
                  + " in the last "
                  + hours(rule.window());
          case DAILY_AUTOMATION_NOT_RUN ->
              Double.isInfinite(measured)
                  ? "no daily_automation run started: " + never
                  : "last daily_automation run started " + u.format(measured) + " ago";
          case PERFORMANCE_FEEDBACK_STALE ->
              Double.isInfinite(measured)
                  ? "no successful caption_performance run: " + never
                  : "last successful caption_performance run started "
                      + u.format(measured)
                      + " ago";
          case LOCK_SWEEP_NOT_RUN ->
              Double.isInfinite(measured)
                  ? "no lock sweep: " + never
                  : "last lock sweep " + u.format(measured) + " ago";
          case LOCK_TABLE_BLOAT -> u.format(measured) + " active locks";
          case HIGH_CREATOR_FAILURE_RATE ->
              "creator failure rate "
                  + u.format(measured)
                  + " in the last "
                  + hours(rule.window())
                  + " ("
                  + s.creatorsFailed()
                  + " failed, "
                  + s.creatorsProcessed()
                  + " processed)";
          case LOCK_CLEANUP_HIGH_VOLUME ->
              "mean "
                  + u.format(measured)
                  + " locks swept per sweep in the last "
                  + hours(rule.window())
                  + " ("
                  + s.locksSweptInWindow()
                  + " locks in "
                  + s.sweepsInWindow()
                  + " sweeps)";
          case SLOW_AUTOMATION_EXECUTION ->
              "mean daily_automation duration "
                  + u.format(measured)
                  + " in the last "
                  + hours(rule.window())
                  + " ("
                  + s.dailyRunsTimed()
                  + " run"
                  + (s.dailyRunsTimed() == 1 ? "" : "s")
                  + ")";
          case QUEUE_STUCK ->
              "oldest PENDING schedule_generation_queue row queued "
                  + u.format(measured)
                  + " ago ("
                  + s.stuckQueueRows()
                  + " of "
                  + s.pendingQueueRows()
                  + " PENDING rows older than "
                  + u.format(rules(rule))
                  + ")";
        };
    return what + "; " + limit;
  }

  private static double rules(Rule rule) {
    List<Rule.Threshold> t = rule.thresholds();
    return t.get(t.size() - 1).value();
  }

  /** A duration for messages: "24 h", "90 min", "1.5 h". */
  static String hours(Duration d) {
    long minutes = d.toMinutes();
    if (minutes % 60 == 0) {
      return (minutes / 60) + " h";
    }
    if (minutes < 120) {
      return minutes + " min";
    }
    return Unit.trim(minutes / 60.0) + " h";
  }
}
