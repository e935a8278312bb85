package com.eros.pipelines.dailyautomation;

import java.io.Serializable;

/**
 * The compact result of one page's parallel work, all the ordered decision needs: no messages, no
 * profile. Every page read yields one (inactive pages too, for the run's row counts).
 */
public record CreatorOutcome(
    String pageName,
    Kind kind,
    long rowsRead,
    long rowsRejected,
    double saturationPct,
    double volumeFactor,
    String error)
    implements Serializable {

  public enum Kind {
    /** No valid message in the active window: not a creator of this run. */
    INACTIVE,
    /** Analyzed, with a caption pool: saturation and volume factor are set. */
    ANALYZED,
    /** The analysis threw or the caption pool is empty: {@code error} says why. */
    FAILED
  }

  public static CreatorOutcome inactive(String page, long rowsRead, long rowsRejected) {
    return new CreatorOutcome(
        page, Kind.INACTIVE, rowsRead, rowsRejected, Double.NaN, Double.NaN, null);
  }

  public static CreatorOutcome analyzed(
      String page, long rowsRead, long rowsRejected, double saturationPct, double volumeFactor) {
    return new CreatorOutcome(
        page, Kind.ANALYZED, rowsRead, rowsRejected, saturationPct, volumeFactor, null);
  }

  public static CreatorOutcome failed(String page, long rowsRead, long rowsRejected, String error) {
    return new CreatorOutcome(
        page, Kind.FAILED, rowsRead, rowsRejected, Double.NaN, Double.NaN, error);
  }
}
