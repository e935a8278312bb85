package com.eros.pipelines.healthmonitor;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One configured rule: its levels with thresholds (most severe first), the window of windowed
 * metrics, the cooldown and the channels. It fires at the most severe level whose threshold the
 * measured value exceeds (strictly: a value equal to the threshold is healthy).
 *
 * @param channels the channels every firing goes to; null = by level (CRITICAL every channel,
 *     WARNING Slack, INFO none)
 */
public record Rule(
    RuleKind kind, boolean enabled, List<Threshold> thresholds, Duration window, Duration cooldown, List<Channel> channels)
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
      throw new IllegalArgumentException(kind.ruleName() + (kind.windowed() ? ": needs a window" : ": has no window"));
    }
    channels = channels == null ? null : List.copyOf(channels);
  }

  public String name() {
    return kind.ruleName();
  }

  /** The channels a firing at {@code level} goes to. */
  public List<Channel> channelsFor(Level level) {
    if (channels != null) {
      return channels;
    }
    return switch (level) {
      case CRITICAL -> List.of(Channel.values());
      case WARNING -> List.of(Channel.SLACK);
      case INFO -> List.of();
    };
  }

  /** The most severe threshold the value exceeds, or null (also for a null value: nothing measured). */
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
