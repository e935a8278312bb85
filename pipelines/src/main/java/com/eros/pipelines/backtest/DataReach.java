package com.eros.pipelines.backtest;

import com.eros.common.table.Timestamps;
import com.eros.pipelines.captionperformance.CaptionPerformanceConfig;
import java.io.Serializable;
import java.time.Instant;

/**
 * Does the data reach T + H? A horizon that runs past the end of the data would judge the
 * statistics on a truncated horizon, so the backtest then stores nothing (exit 2).
 *
 * <p>The rule: the day after T + H ({@code [T + H, T + H + 1 d)}) holds at least a quarter as many
 * sends as the horizon's first day ({@code [T, T + 1 d)}), which must not be empty. Whole days, so
 * the daily send cycle does not matter; a ratio, not "any send", because a few stray rows dated
 * after the real end (clock skew, or the generator's deliberately future-dated invalid rows) must
 * not pass for data. When the day after T + H has not fully passed yet ({@code now + 1 h}, beyond
 * which no send is valid, cuts it) one send in it suffices. Only those two days of sending times
 * are read, so the check stays cheap however long the history is; the price is that a horizon
 * ending less than a day before the end of the data is refused as well.
 *
 * @param firstDay sends in the horizon's first day
 * @param dayAfter sends in the day after T + H (or in the part of it that has passed)
 * @param partial whether the day after T + H had not fully passed at the run's clock
 */
public record DataReach(long firstDay, long dayAfter, boolean partial) implements Serializable {
  static final long DAY_MICROS = CaptionPerformanceConfig.DAY_MICROS;

  /** Sends after {@code now + 1 h} are invalid, so they do not count. */
  static final long VALID_AHEAD_MICROS = Timestamps.HOUR_MICROS;

  /** Exclusive end of the window probed after T + H, at the run's clock (epoch µs). */
  static long dayAfterEndMicros(BacktestConfig cfg, long nowMicros) {
    return Math.min(cfg.horizonEndMicros() + DAY_MICROS, nowMicros + VALID_AHEAD_MICROS + 1);
  }

  static boolean partial(BacktestConfig cfg, long nowMicros) {
    return dayAfterEndMicros(cfg, nowMicros) < cfg.horizonEndMicros() + DAY_MICROS;
  }

  /** Why the data does not reach T + H (one clause), or null when it does. */
  public String refusal(Instant horizonEnd) {
    if (firstDay == 0) {
      return "no message was sent in the first day of the horizon: the data ends before --asOf";
    }
    if (partial ? dayAfter == 0 : dayAfter * 4 < firstDay) {
      return "the data ends before --asOf + --horizonDays = "
          + horizonEnd
          + " or within a day after it ("
          + dayAfter
          + " sends in the day after it against "
          + firstDay
          + " in the horizon's first day)";
    }
    return null;
  }
}
