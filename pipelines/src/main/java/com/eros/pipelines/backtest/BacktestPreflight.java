package com.eros.pipelines.backtest;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.support.UsageException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.values.Row;

/**
 * What a backtest checks before it runs; each refusal is a {@link UsageException} (exit 2) whose
 * message says what to change.
 *
 * <ul>
 *   <li>T is not before 2000-01-01 and T + H is not after now: the horizon must have happened.
 *   <li>The data reaches T + H, at its normal rate: the day after T + H ({@code [T + H,
 *       T + H + 1 d)}) holds at least a quarter as many sends as the horizon's first day ({@code
 *       [T, T + 1 d)}), which must not be empty. Whole days, so the daily send cycle does not
 *       matter; a ratio, not "any send", because a few stray rows dated after the real end (clock
 *       skew, or the generator's deliberately future-dated invalid rows) must not pass for data.
 *       When the day after T + H has not fully passed yet (now + 1 h, beyond which no send is
 *       valid, cuts it), one send in it suffices. Only those two days of sending times are read,
 *       so the check stays cheap however long the history is; the price is that a horizon ending
 *       less than a day before the end of the data is refused as well.
 *   <li>The backtest id has no row in bandit_backtests yet (a job id names one run).
 * </ul>
 */
public final class BacktestPreflight {
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  static final Duration PROBE = Duration.ofDays(1);

  private BacktestPreflight() {}

  public static void check(Warehouse wh, BacktestConfig cfg, String backtestId, Instant now) {
    Instant asOf = cfg.asOf();
    Instant end = cfg.horizonEnd();
    if (asOf.isBefore(EARLIEST)) {
      throw new UsageException("--asOf=" + asOf + " is before " + EARLIEST + "; choose a later instant");
    }
    if (end.isAfter(now)) {
      throw new UsageException("--asOf + --horizonDays = " + end + " is after now (" + Timestamps.truncate(now)
          + "): the horizon has not happened yet; choose an earlier --asOf or a shorter --horizonDays");
    }
    Instant validLimit = now.plus(Duration.ofHours(1)).plusNanos(1_000);
    Instant dayAfter = end.plus(PROBE);
    boolean partial = dayAfter.isAfter(validLimit);
    List<Instant> after = sendingTimes(wh, end, partial ? validLimit : dayAfter);
    List<Instant> first = sendingTimes(wh, asOf, asOf.plus(PROBE));
    String refusal = dataEndRefusal(first.size(), after.size(), partial);
    if (refusal != null) {
      throw new UsageException(refusal + " (" + wh.spec() + "; --asOf + --horizonDays = " + end
          + "): the horizon is not fully in the data; choose an earlier --asOf or a shorter --horizonDays");
    }
    Objects.requireNonNull(backtestId, "backtestId");
    List<Row> existing = wh.query(Tables.BANDIT_BACKTESTS,
        ReadSpec.columns("backtest_id").where(Filter.eq("backtest_id", backtestId)));
    if (!existing.isEmpty()) {
      throw new UsageException("backtest id " + backtestId + " already has a row in bandit_backtests: a job id names one"
          + " run; omit --jobId to get a new one");
    }
  }

  /**
   * Why the data does not reach T + H, or null when it does.
   *
   * @param firstDay sends in the horizon's first day
   * @param dayAfter sends in the day after T + H (or in the part of it that has passed)
   * @param partial whether the day after T + H has not fully passed yet
   */
  static String dataEndRefusal(long firstDay, long dayAfter, boolean partial) {
    if (firstDay == 0) {
      return "no message was sent in the first day of the horizon";
    }
    if (partial ? dayAfter == 0 : dayAfter * 4 < firstDay) {
      return "the data ends within the horizon or right after it: " + dayAfter + " sends in the day after it against "
          + firstDay + " in its first day";
    }
    return null;
  }

  private static List<Instant> sendingTimes(Warehouse wh, Instant from, Instant to) {
    return wh.query(Tables.MASS_MESSAGES, ReadSpec.columns("sending_time").where(Filter.between("sending_time", from, to)))
        .stream().map(r -> Timestamps.get(r, "sending_time")).filter(Objects::nonNull).toList();
  }

}
