package com.eros.pipelines.healthmonitor;

import com.eros.pipelines.alerts.AlertPolicy;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every rule of docs/health-and-alerts.md, as configured (one per {@link RuleKind}). */
public final class RuleSet implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How far back job rows are read at least: the scorecard's 7 days plus one. */
  public static final Duration MIN_JOB_LOOKBACK = Duration.ofDays(8);

  private final EnumMap<RuleKind, Rule> rules;
  private final String source;
  private final AlertPolicy policy;

  /**
   * @param policy the file's routing and pipeline alert settings; each rule's own channels are
   *     added to it (see {@link #policy()})
   */
  public RuleSet(Map<RuleKind, Rule> rules, String source, AlertPolicy policy) {
    this.rules = new EnumMap<>(RuleKind.class);
    this.rules.putAll(rules);
    for (RuleKind k : RuleKind.values()) {
      if (!this.rules.containsKey(k)) {
        throw new IllegalArgumentException(
            "rule set from " + source + " lacks rule " + k.ruleName());
      }
    }
    this.source = source;
    AlertPolicy p = policy;
    for (Rule r : this.rules.values()) {
      p = p.withSourceChannels(r.name(), r.channels());
    }
    this.policy = p;
  }

  /**
   * Where alerts go (the file's routing with each rule's own channels) and the pipeline alert
   * settings.
   */
  public AlertPolicy policy() {
    return policy;
  }

  /** Where the rules came from (a path, or the built-in file), for messages. */
  public String source() {
    return source;
  }

  public Rule rule(RuleKind kind) {
    return rules.get(kind);
  }

  /** The rule named {@code ruleName}, or null. */
  public Rule rule(String ruleName) {
    RuleKind k = RuleKind.byName(ruleName);
    return k == null ? null : rules.get(k);
  }

  public List<Rule> all() {
    return Collections.unmodifiableList(new ArrayList<>(rules.values()));
  }

  public List<Rule> enabled() {
    List<Rule> out = new ArrayList<>();
    for (Rule r : rules.values()) {
      if (r.enabled()) {
        out.add(r);
      }
    }
    return out;
  }

  /** The window of a windowed rule. */
  public Duration window(RuleKind kind) {
    Duration w = rules.get(kind).window();
    if (w == null) {
      throw new IllegalArgumentException(kind.ruleName() + " has no window");
    }
    return w;
  }

  /**
   * The least severe threshold of a rule (e.g. the queue age above which a PENDING row is stuck).
   */
  public double lowestThreshold(RuleKind kind) {
    List<Rule.Threshold> t = rules.get(kind).thresholds();
    return t.get(t.size() - 1).value();
  }

  /** The longest cooldown: alerts older than that cannot suppress anything. */
  public Duration maxCooldown() {
    Duration max = Duration.ZERO;
    for (Rule r : rules.values()) {
      if (r.cooldown().compareTo(max) > 0) {
        max = r.cooldown();
      }
    }
    return max;
  }

  /**
   * How far back etl_job_runs is read: at least 8 days, and at least twice every window and every
   * time threshold, so that "none in the lookback" always means "older than every threshold".
   */
  public Duration jobLookback() {
    Duration d = MIN_JOB_LOOKBACK;
    for (Rule r : rules.values()) {
      d = max(d, r.window() == null ? Duration.ZERO : r.window().multipliedBy(2));
      if (r.kind().unit() == Unit.HOURS) {
        for (Rule.Threshold t : r.thresholds()) {
          d = max(d, Duration.ofSeconds((long) Math.ceil(t.value() * 3600 * 2)));
        }
      }
    }
    return d;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public String toString() {
    return "RuleSet" + rules.values() + " from " + source;
  }
}
