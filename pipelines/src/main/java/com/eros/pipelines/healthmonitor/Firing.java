package com.eros.pipelines.healthmonitor;

import com.eros.pipelines.alerts.Level;
import java.io.Serializable;

/**
 * A rule whose threshold the measured value exceeds.
 *
 * @param measured the measured value in the rule's unit; positive infinity for "nothing found in
 *     the lookback"
 * @param threshold the exceeded threshold of {@code level}
 * @param message what was measured and the threshold, for people
 */
public record Firing(RuleKind kind, Level level, double measured, double threshold, String message)
    implements Serializable {
  public String ruleName() {
    return kind.ruleName();
  }
}
