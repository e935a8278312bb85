package com.eros.pipelines.healthmonitor;

import com.eros.pipelines.alerts.Channel;
import com.eros.pipelines.alerts.Level;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One configured rule: its levels with thresholds (most severe first), the window of windowed
 * metrics, the cooldown and the channels. It fires at the most severe level whose threshold the
 * measured value exceeds (strictly: a value equal to the threshold is healthy).
 *
 * @param channels the rule's own channels per level (null or without a level: that level follows
 *     the file's routing, see {@link com.eros.pipelines.alerts.AlertPolicy#route})
 */
public record Rule(
    RuleKind kind,
    boolean enabled,
    List<Threshold> thresholds,
    Duration window,
    Duration cooldown,
    Map<Level, List<Channel>> channels)
    implements Serializable {

  /** A level and the value above which the rule fires at that level (in the rule's unit). */
  public record Threshold(Level level, double value) implements Serializable {}

  public Rule {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(cooldown);
    List<Threshold> sorted = new ArrayList<>(thresholds);
    sorted.sort(Comparator.comparing(Threshold::level));
    thresholds = List.copyOf(sorted);
    if (thresholds.isEmpty()) {
      throw new IllegalArgumentException(kind.ruleName() + ": no level");
    }
    if (kind.windowed() != (window != null)) {
      throw new IllegalArgumentException(
          kind.ruleName() + (kind.windowed() ? ": needs a window" : ": has no window"));
    }
    if (channels != null) {
      Map<Level, List<Channel>> c = new EnumMap<>(Level.class);
      channels.forEach((l, list) -> c.put(l, List.copyOf(list)));
      channels = c.isEmpty() ? null : Map.copyOf(c);
    }
  }

  public String name() {
    return kind.ruleName();
  }

  /**
   * The most severe threshold the value exceeds, or null (also for a null value: nothing measured).
   */
  public Threshold exceeded(Double measured) {
    if (measured == null || measured.isNaN()) {
      return null;
    }
    for (Threshold t : thresholds) {
      if (measured > t.value()) {
        return t;
      }
    }
    return null;
  }
}
