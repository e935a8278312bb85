package com.eros.pipelines.backtest;

import java.io.Serializable;

/**
 * What a backtest run found: its metrics, and why nothing is stored when it stores nothing.
 *
 * @param refusal null when the row is stored; otherwise why not (the data does not reach T + H, or
 *     nothing could be scored)
 * @param rowsRead mass_messages rows read for the statistics and the horizon
 */
public record BacktestOutcome(BacktestMetrics metrics, String refusal, long rowsRead)
    implements Serializable {

  /** The outcome of the scored pages given the data-reach probe. */
  static BacktestOutcome of(BacktestConfig cfg, BacktestMetrics m, DataReach reach, long rowsRead) {
    String refusal = reach.refusal(cfg.horizonEnd());
    if (refusal != null) {
      refusal += "; choose an earlier --asOf or a shorter --horizonDays";
    } else if (m.captionsScored() == 0) {
      refusal =
          String.format(
              "nothing could be scored: no caption had statistics at %s and >= %d valid sends in the"
                  + " %d-day horizon (%d horizon sends, %d of them on pages without a median at T, %d captions new in the"
                  + " horizon); try a longer --horizonDays or a lower --minSends",
              cfg.asOf(),
              cfg.minSends(),
              cfg.horizonDays(),
              m.allHorizonSends(),
              m.unjudgedSends(),
              m.captionsWithoutStats());
    }
    return new BacktestOutcome(m, refusal, rowsRead);
  }

  public boolean stored() {
    return refusal == null;
  }
}
