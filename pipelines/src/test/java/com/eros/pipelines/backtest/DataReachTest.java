package com.eros.pipelines.backtest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.eros.common.table.Timestamps;
import com.eros.pipelines.captionperformance.CaptionPerformanceConfig;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DataReachTest {
  static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
  static final Instant END = T.plus(Duration.ofDays(9));
  static final BacktestConfig CFG = new BacktestConfig(CaptionPerformanceConfig.defaults(T), 9, 10);

  @Test
  void theDayAfterTheHorizonMustHoldAQuarterOfTheFirstDaysSends() {
    assertThat(new DataReach(100, 25, false).refusal(END), nullValue());
    assertThat(
        new DataReach(100, 24, false).refusal(END),
        containsString(
            "the data ends before --asOf + --horizonDays = 2026-03-10T12:00:00Z or within a day after it"
                + " (24 sends in the day after it against 100 in the horizon's first day)"));
    // a few stray rows after the end of the data do not pass for data
    assertThat(
        new DataReach(1854, 2, false).refusal(END), containsString("2 sends in the day after"));
    assertThat(
        new DataReach(0, 50, false).refusal(END),
        containsString("no message was sent in the first day"));
  }

  @Test
  void whenTheDayAfterIsNotOverOneSendSuffices() {
    assertThat(new DataReach(100, 1, true).refusal(END), nullValue());
    assertThat(
        new DataReach(100, 0, true).refusal(END), containsString("0 sends in the day after"));
  }

  @Test
  void theProbeAfterTheHorizonStopsAtNowPlusOneHour() {
    long end = CFG.horizonEndMicros();
    long longAfter = end + 10 * DataReach.DAY_MICROS;
    assertThat(DataReach.dayAfterEndMicros(CFG, longAfter), is(end + DataReach.DAY_MICROS));
    assertThat(DataReach.partial(CFG, longAfter), is(false));
    long soon = end + Timestamps.HOUR_MICROS;
    assertThat(DataReach.dayAfterEndMicros(CFG, soon), is(soon + Timestamps.HOUR_MICROS + 1));
    assertThat(DataReach.partial(CFG, soon), is(true));
  }
}
