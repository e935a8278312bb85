package com.eros.pipelines.alerts;

import java.io.Serializable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where alerts go and how often the pipelines' own alerts are delivered, as the rules file sets it
 * ({@link AlertsFile}).
 *
 * @param routing the channels of each level (every level present); the built-in file sends CRITICAL
 *     to every channel, WARNING to the chat channels (Slack, Google Chat), INFO nowhere
 * @param sourceChannels per alert source (a health rule's name, or a pipeline source): the levels
 *     whose channels differ from {@code routing}
 * @param cooldowns per pipeline alert source ({@link #PIPELINE_SOURCES}): how long after a
 *     delivered alert of the same source and kind a new one is recorded without being delivered
 */
public record AlertPolicy(
    Map<Level, List<Channel>> routing,
    Map<String, Map<Level, List<Channel>>> sourceChannels,
    Map<String, Duration> cooldowns)
    implements Serializable {

  /** alert_source of the daily run's own alerts (docs/daily-automation.md §7). */
  public static final String DAILY_AUTOMATION = "daily_automation";

  /** alert_source of the lock sweep's alerts (docs/lock-sweep.md). */
  public static final String LOCK_CLEANUP = "lock_cleanup";

  /**
   * Sources of alerts that pipelines raise themselves (the health monitor's sources are its rule
   * names).
   */
  public static final List<String> PIPELINE_SOURCES = List.of(DAILY_AUTOMATION, LOCK_CLEANUP);

  public AlertPolicy {
    for (Level l : Level.values()) {
      if (!routing.containsKey(l)) {
        throw new IllegalArgumentException("no routing for " + l);
      }
    }
    for (String s : PIPELINE_SOURCES) {
      if (!cooldowns.containsKey(s)) {
        throw new IllegalArgumentException("no cooldown for pipeline alerts of " + s);
      }
    }
    for (String s : cooldowns.keySet()) {
      if (!PIPELINE_SOURCES.contains(s)) {
        throw new IllegalArgumentException("unknown pipeline alert source " + s);
      }
    }
    routing = copy(routing);
    Map<String, Map<Level, List<Channel>>> bySource = new HashMap<>();
    sourceChannels.forEach((k, v) -> bySource.put(k, copy(v)));
    sourceChannels = Map.copyOf(bySource);
    cooldowns = Map.copyOf(cooldowns);
  }

  /** The channels an alert of {@code source} at {@code level} goes to. */
  public List<Channel> route(String source, Level level) {
    Map<Level, List<Channel>> s = sourceChannels.get(source);
    if (s != null && s.containsKey(level)) {
      return s.get(level);
    }
    return routing.get(level);
  }

  /** The cooldown of a pipeline alert source. */
  public Duration cooldown(String pipelineSource) {
    Duration d = cooldowns.get(pipelineSource);
    if (d == null) {
      throw new IllegalArgumentException(
          pipelineSource + " is not a pipeline alert source (" + PIPELINE_SOURCES + ")");
    }
    return d;
  }

  /**
   * This policy with {@code source}'s own channels replaced ({@code null} or empty: the level
   * routing).
   */
  public AlertPolicy withSourceChannels(String source, Map<Level, List<Channel>> channels) {
    Map<String, Map<Level, List<Channel>>> m = new HashMap<>(sourceChannels);
    if (channels == null || channels.isEmpty()) {
      m.remove(source);
    } else {
      m.put(source, channels);
    }
    return new AlertPolicy(routing, m, cooldowns);
  }

  private static Map<Level, List<Channel>> copy(Map<Level, List<Channel>> m) {
    Map<Level, List<Channel>> out = new EnumMap<>(Level.class);
    m.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Map.copyOf(out);
  }
}
