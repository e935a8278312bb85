package com.eros.pipelines.dailyautomation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The only sequential step of the run (docs/daily-automation.md §4–§5): creators are decided in
 * page_name order. A failed creator increments the run of consecutive failures, any analyzed
 * creator (queued or not) resets it; when the run reaches the breaker threshold the breaker opens
 * and every later creator is skipped (not queued, whatever its own outcome). An analyzed creator is
 * queued when saturation_pct &lt; the saturation threshold (strict).
 */
public final class RunDecider {
  private RunDecider() {}

  public enum Verdict {
    QUEUED,
    /** Analyzed but saturation_pct ≥ threshold: no schedule today. */
    SATURATED,
    FAILED,
    /** After the breaker opened. */
    SKIPPED
  }

  public record Decision(CreatorOutcome outcome, Verdict verdict) {}

  /** The decisions (active creators in page order) and the run's report. */
  public record Decided(List<Decision> decisions, RunReport report) {}

  public static Decided decide(
      Collection<CreatorOutcome> outcomes,
      LocalDate executionDate,
      double saturationThreshold,
      int breakerThreshold) {
    if (breakerThreshold < 1) {
      throw new IllegalArgumentException("breakerThreshold must be >= 1");
    }
    List<CreatorOutcome> sorted = new ArrayList<>(outcomes);
    sorted.sort(Comparator.comparing(CreatorOutcome::pageName));
    List<Decision> decisions = new ArrayList<>();
    long rowsRead = 0;
    long rowsRejected = 0;
    long active = 0;
    long processed = 0;
    long failed = 0;
    long skipped = 0;
    long queued = 0;
    long saturated = 0;
    int consecutive = 0;
    String openedAt = null;
    String firstSkipped = null;
    String lastSkipped = null;
    for (CreatorOutcome o : sorted) {
      rowsRead += o.rowsRead();
      rowsRejected += o.rowsRejected();
      if (o.kind() == CreatorOutcome.Kind.INACTIVE) {
        continue;
      }
      active++;
      Verdict v;
      if (openedAt != null) {
        v = Verdict.SKIPPED;
        skipped++;
        if (firstSkipped == null) {
          firstSkipped = o.pageName();
        }
        lastSkipped = o.pageName();
      } else if (o.kind() == CreatorOutcome.Kind.FAILED) {
        v = Verdict.FAILED;
        failed++;
        consecutive++;
        if (consecutive >= breakerThreshold) {
          openedAt = o.pageName();
        }
      } else {
        consecutive = 0;
        processed++;
        if (o.saturationPct() < saturationThreshold) {
          v = Verdict.QUEUED;
          queued++;
        } else {
          v = Verdict.SATURATED;
          saturated++;
        }
      }
      decisions.add(new Decision(o, v));
    }
    RunReport report =
        new RunReport(
            executionDate,
            sorted.size(),
            active,
            processed,
            failed,
            skipped,
            queued,
            saturated,
            rowsRead,
            rowsRejected,
            breakerThreshold,
            openedAt,
            firstSkipped,
            lastSkipped);
    return new Decided(decisions, report);
  }
}
