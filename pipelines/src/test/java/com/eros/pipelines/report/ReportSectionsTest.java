package com.eros.pipelines.report;

import static com.eros.pipelines.report.ReportFixture.NOW;
import static com.eros.pipelines.report.ReportFixture.TODAY;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.table.Tables;
import com.eros.common.time.LaTime;
import com.eros.pipelines.healthmonitor.Scorecard;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** The section models, from rows, without a warehouse. */
class ReportSectionsTest {
  private final ReportWindow window = new ReportWindow(NOW, 14);

  // ---- window and daily counts

  @Test
  void theWindowStartsAtALosAngelesMidnightAndCoversItsDaysAcrossADaylightSavingChange() {
    ReportWindow w = new ReportWindow(NOW, 3);
    assertThat(w.today(), equalTo(LocalDate.of(2026, 3, 8)));
    assertThat(
        w.dates(),
        contains(LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 8)));
    // 2026-03-06 00:00 in Los Angeles is still PST (UTC-8)
    assertThat(w.from(), equalTo(Instant.parse("2026-03-06T08:00:00Z")));
    assertThat(w.contains(w.from()), is(true));
    assertThat(w.contains(w.from().minusNanos(1000)), is(false));
    assertThat(w.contains(NOW), is(true));
    assertThat(w.contains(NOW.plusNanos(1000)), is(false));
    assertThrows(IllegalArgumentException.class, () -> new ReportWindow(NOW, 0));
    assertThrows(
        IllegalArgumentException.class, () -> new ReportWindow(NOW, ReportWindow.MAX_DAYS + 1));
  }

  @Test
  void dailyCountsKeepEveryDayPutPreferredKeysFirstAndIgnoreDaysOutsideTheWindow() {
    List<LocalDate> days = List.of(TODAY.minusDays(1), TODAY);
    DailyCounts.Builder b = DailyCounts.builder(days, List.of("CRITICAL", "WARNING"));
    b.add("WARNING", TODAY, 2);
    b.add("ZETA", TODAY.minusDays(1), 5);
    b.add("ALPHA", TODAY, 1);
    b.add("CRITICAL", TODAY, 1);
    assertThat(b.add("CRITICAL", TODAY.minusDays(2), 9), is(false));
    DailyCounts c = b.build();
    assertThat(c.keys(), contains("CRITICAL", "WARNING", "ZETA", "ALPHA"));
    assertThat(c.count("CRITICAL", TODAY), is(1L));
    assertThat(c.count("CRITICAL", TODAY.minusDays(1)), is(0L));
    assertThat(c.total(), is(9L));
    assertThat(c.totals(), equalTo(Map.of("CRITICAL", 1L, "WARNING", 2L, "ZETA", 5L, "ALPHA", 1L)));
  }

  // ---- 1 health

  @Test
  void healthCountsAlertsPerDayAndLevelUnacknowledgedCriticalsAndFailedDeliveriesWithinTheWindow() {
    List<Scorecard.Check> checks =
        List.of(
            new Scorecard.Check("a", true, "1", "<= 2"),
            new Scorecard.Check("b", false, "3", "<= 2"));
    HealthSection h = HealthSection.from(checks, ReportFixture.alerts(), window);
    assertThat(h.alertCount(), is(5L)); // the 40-day-old alert is left out
    assertThat(
        h.alertsPerDay().totals(), equalTo(Map.of("CRITICAL", 2L, "WARNING", 2L, "INFO", 1L)));
    assertThat(h.alertsPerDay().keys(), contains("CRITICAL", "WARNING", "INFO"));
    assertThat(h.alertsPerDay().count("CRITICAL", TODAY.minusDays(3)), is(1L));
    assertThat(h.unacknowledgedCritical(), is(1L));
    assertThat(h.failedDeliveries(), is(2L)); // FAILED and PARTIAL
    assertThat(h.latestAlerts().get(0).source(), equalTo("daily_automation"));
    assertThat(h.latestAlerts().get(0).level(), equalTo("INFO"));
    assertThat(h.failedChecks(), is(1L));
    assertThat(h.allChecksPass(), is(false));
  }

  // ---- 2 runs

  @Test
  void runsAreTheWindowsRunsInTimeOrderWithPerPipelineFiguresAndTheFailuresNewestFirst() {
    RunsSection r = RunsSection.from(ReportFixture.jobRuns(), window);
    assertThat(
        r.runs().stream()
            .map(RunsSection.Run::jobId)
            .filter(id -> id.equals("old") || id.equals("future"))
            .toList(),
        hasSize(0));
    for (int i = 1; i < r.runs().size(); i++) {
      assertThat(r.runs().get(i - 1).start().isAfter(r.runs().get(i).start()), is(false));
    }
    assertThat(
        r.pipelines().stream().map(RunsSection.PipelineStats::jobName).toList(),
        contains("caption_performance", "daily_automation", "lock_sweep", "health_monitor"));
    RunsSection.PipelineStats daily = r.pipelines().get(1);
    assertThat(daily.runs(), is(4));
    assertThat(daily.failed(), is(1));
    assertThat(daily.withErrors(), is(2));
    assertThat(daily.last().jobId(), equalTo("daily-0"));
    assertThat(daily.last().durationSeconds(), closeTo(72.0, 1e-9));
    assertThat(r.pipelines().get(2).runs(), is((int) ReportFixture.SWEEPS));
    assertThat(r.failures(), hasSize(1));
    assertThat(r.failures().get(0).errorMessage(), equalTo(ReportFixture.FAILED_DAILY_ERROR));
  }

  @Test
  void
      aRunWithoutARecordedDurationTakesItFromItsStartAndEndAndAnUnknownPipelineIsListedAfterTheFour() {
    Instant s = NOW.minusSeconds(600);
    Row noDuration =
        Row.fromRow(
                ReportFixture.jobRow(
                    "x",
                    "backtest",
                    s,
                    s.plusSeconds(90),
                    "SUCCESS",
                    TODAY,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null))
            .withFieldValue("job_duration_seconds", null)
            .build();
    RunsSection r = RunsSection.from(List.of(noDuration), window);
    assertThat(r.runs().get(0).durationSeconds(), closeTo(90.0, 1e-9));
    assertThat(r.pipelines().get(4).jobName(), equalTo("backtest"));
    assertThat(r.pipelines().get(0).runs(), is(0));
    assertThat(RunsSection.median(List.of(3.0, 1.0, 2.0, 10.0)), closeTo(2.5, 1e-12));
  }

  // ---- 3 daily automation

  @Test
  void theDailySectionIsAboutTheLatestRunsDateWithEveryCreatorQueuedOrNotMostSaturatedFirst() {
    RunsSection runs = RunsSection.from(ReportFixture.jobRuns(), window);
    DailySection d =
        DailySection.from(
            runs,
            ReportFixture.profiles(),
            ReportFixture.queue(),
            ReportFixture.errors(),
            ReportFixture.queue(),
            window);
    assertThat(d.date(), equalTo(TODAY));
    assertThat(d.run().jobId(), equalTo("daily-0"));
    assertThat(d.creators(), hasSize(ReportFixture.CREATORS));
    assertThat(d.queuedCount(), is((long) ReportFixture.QUEUED));
    assertThat(d.belowThreshold(), is((long) ReportFixture.QUEUED));
    for (int i = 1; i < d.creators().size(); i++) {
      assertThat(
          d.creators().get(i - 1).saturationPct() >= d.creators().get(i).saturationPct(), is(true));
    }
    DailySection.Creator top = d.creators().get(0);
    assertThat(top.queued(), is(false));
    assertThat(
        top.saturationPct(), closeTo(ReportFixture.saturation(ReportFixture.CREATORS - 1), 1e-9));
    assertThat(d.creators().get(d.creators().size() - 1).queueStatus(), equalTo("PENDING"));
    // creators 0 and 5 have 0.70, creators 3, 6 and 9 have 0.85, the others 1.00
    assertThat(d.volumeFactors(), equalTo(Map.of("1.00", 5L, "0.85", 3L, "0.70", 2L)));
    assertThat(d.volumeFactors().keySet().iterator().next(), equalTo("1.00"));
    assertThat(d.errors(), hasSize(1));
    assertThat(d.errors().get(0).message(), equalTo("caption pool empty"));
    assertThat(
        d.queueByStatus().totals(),
        equalTo(Map.of("PENDING", 7L, "PROCESSING", 3L, "COMPLETED", 9L, "FAILED", 3L)));
    assertThat(d.queueByStatus().keys(), contains("PENDING", "PROCESSING", "COMPLETED", "FAILED"));
  }

  @Test
  void withoutADailyRunTheSectionHasNoDateButStillCountsTheQueue() {
    RunsSection runs = RunsSection.from(List.of(), window);
    DailySection d =
        DailySection.from(runs, List.of(), List.of(), List.of(), ReportFixture.queue(), window);
    assertThat(d.hasRun(), is(false));
    assertThat(d.date(), nullValue());
    assertThat(d.queueByStatus().total(), is(22L));
  }

  // ---- 4 locks

  @Test
  void locksSumTheReleasesPerRuleAndTakeTheActiveCountOfTheLastSweep() {
    LocksSection l = LocksSection.from(ReportFixture.sweeps(), window);
    assertThat(l.sweeps(), hasSize((int) ReportFixture.SWEEPS));
    long stale = 0;
    long past = 0;
    for (int i = 0; i < ReportFixture.SWEEPS; i++) {
      stale += i == 40 ? 200 : i % 3;
      past += i == 40 ? 1000 : i % 4 == 0 ? 30 : 5;
    }
    assertThat(l.releasedStale(), is(stale));
    assertThat(l.releasedPastDate(), is(past));
    assertThat(l.activeNow(), is(4000L + (ReportFixture.SWEEPS - 1) * 30));
    assertThat(l.maxActive(), is(l.activeNow()));
    assertThat(l.highVolumeSweeps(), is(1L));
    assertThat(
        LocksSection.from(
                ReportFixture.sweeps(), new ReportWindow(NOW.minus(Duration.ofDays(10)), 1))
            .isEmpty(),
        is(true));
  }

  // ---- 5 captions

  @Test
  void theLargestPagesAreShownInFullWithTheirBestCaptionsAndTheOthersAsRowsLargestFirst() {
    RunsSection runs = RunsSection.from(ReportFixture.jobRuns(), window);
    List<Row> stats = ReportFixture.stats(ReportFixture.STAT_PAGES, 16, NOW.minusSeconds(7200));
    CaptionSection c =
        CaptionSection.from(
            stats, Map.of(ReportFixture.NASTY_CAPTION, ReportFixture.NASTY_TEXT), runs);
    assertThat(
        c.largest().stream().map(CaptionSection.PageDetail::page).toList(),
        contains("page_01", "page_02", "page_03", "page_04", "page_05", "page_06"));
    assertThat(
        c.rest().stream().map(CaptionSection.PageRow::page).toList(),
        contains("page_07", "page_08"));
    CaptionSection.PageDetail first = c.largest().get(0);
    assertThat(first.best(), hasSize(CaptionSection.BEST_CAPTIONS));
    assertThat(first.best().get(0).captionId(), is(ReportFixture.NASTY_CAPTION));
    for (int i = 1; i < first.best().size(); i++) {
      assertThat(first.best().get(i - 1).lower() >= first.best().get(i).lower(), is(true));
    }
    assertThat(
        first.texts(), equalTo(Map.of(ReportFixture.NASTY_CAPTION, ReportFixture.NASTY_TEXT)));
    assertThat(first.avgEmvs(), hasSize(16));
    assertThat(c.captions(), is((long) ReportFixture.STAT_PAGES * 16));
    assertThat(c.posteriorMeans(), hasSize(ReportFixture.STAT_PAGES * 16));
    assertThat(c.statsAsOf(), equalTo(NOW.minusSeconds(7200)));
    assertThat(c.lastSuccess().jobName(), equalTo("caption_performance"));
    CaptionSection.CaptionStat s = first.best().get(0);
    assertThat(s.posteriorMean(), closeTo(s.alpha() / (s.alpha() + s.beta()), 1e-12));
    assertThat(s.rate(), closeTo(0.9, 1e-9));
    long obs =
        stats.stream()
            .filter(r -> r.getString("page_name").equals("page_07"))
            .mapToLong(r -> r.getInt64("total_observations"))
            .sum();
    assertThat(c.rest().get(0).observations(), is(obs));
  }

  @Test
  void noStatisticsMakeAnEmptySection() {
    CaptionSection c =
        CaptionSection.from(List.of(), Map.of(), RunsSection.from(List.of(), window));
    assertThat(c.isEmpty(), is(true));
    assertThat(c.largest(), hasSize(0));
    assertThat(c.statsAsOf(), nullValue());
  }

  // ---- 6 data quality

  @Test
  void rejectedRowsAreCountedPerRuleAndDayMostFrequentRuleFirst() {
    QualitySection q = QualitySection.from(ReportFixture.rejected(), window);
    assertThat(q.total(), is(11L));
    assertThat(
        q.perDay().keys(),
        contains("SENT_COUNT_NOT_POSITIVE", "SENDING_TIME_IN_FUTURE", "EARNINGS_INVALID"));
    assertThat(q.perDay().totals().get("SENT_COUNT_NOT_POSITIVE"), is(6L));
    long sources = q.bySource().values().stream().mapToLong(Long::longValue).sum();
    assertThat(sources, is(11L));
  }

  // ---- 7 backtest

  @Test
  void theLatestBacktestIsTheNewestComputedAndItsLiftIsTopOverBottom() {
    BacktestSection b = BacktestSection.from(ReportFixture.backtests(), window);
    assertThat(b.latest().id(), equalTo("bt-latest"));
    assertThat(b.latest().lift(), closeTo(3.0, 1e-9));
    assertThat(
        b.recent().stream().map(BacktestSection.Backtest::id).toList(),
        contains("bt-latest", "bt-old"));
    // a report as of before the latest backtest was computed shows the older one
    BacktestSection earlier =
        BacktestSection.from(
            ReportFixture.backtests(), new ReportWindow(NOW.minus(Duration.ofDays(3)), 14));
    assertThat(earlier.latest().id(), equalTo("bt-old"));
    assertThat(BacktestSection.from(List.of(), window).isEmpty(), is(true));
  }

  @Test
  void aBacktestTableWithFewerColumnsReadsTheMissingOnesAsUnknown() {
    Schema narrow =
        Schema.builder()
            .addStringField("backtest_id")
            .addLogicalTypeField(
                "computed_at", org.apache.beam.sdk.schemas.logicaltypes.SqlTypes.TIMESTAMP)
            .addNullableField("top_decile_success_rate", Schema.FieldType.DOUBLE)
            .build();
    Row r = Row.withSchema(narrow).addValues("b", NOW.minusSeconds(60), 0.5).build();
    BacktestSection b = BacktestSection.from(List.of(r), window);
    assertThat(b.latest().topDecile(), closeTo(0.5, 1e-12));
    assertThat(b.latest().bottomDecile(), nullValue());
    assertThat(b.latest().lift(), nullValue());
    assertThat(b.latest().asOf(), nullValue());
  }

  // ---- html helpers

  @Test
  void anchorsAreStableAndDistinctForNamesThatDifferOnlyInPunctuation() {
    assertThat(Html.anchor("page", "page_0001"), equalTo("page-page_0001"));
    List<String> ids = new ArrayList<>();
    for (String n : List.of("a b", "a.b", "a/b", "a_b", "añb")) {
      ids.add(Html.anchor("page", n));
    }
    assertThat(ids.stream().distinct().count(), is(5L));
    for (String id : ids) {
      assertThat(id, id.matches("[A-Za-z0-9_.-]+"), is(true));
    }
  }

  @Test
  void theLosAngelesDateOfARunIsItsExecutionDateOrItsStartDate() {
    RunsSection.Run r =
        RunsSection.run(
            ReportFixture.jobRow(
                "x", "lock_sweep", NOW, NOW, "SUCCESS", null, null, null, null, null, null, null));
    assertThat(RunsSection.dateOf(r), equalTo(LaTime.dateOf(NOW)));
    assertThat(Tables.ETL_JOB_RUNS.schema().hasField("execution_date"), is(true));
  }

  @Test
  void aCaptionsOrderUsesTheLowerBoundThenTheSends() {
    List<CaptionSection.CaptionStat> l =
        new ArrayList<>(
            List.of(
                new CaptionSection.CaptionStat("p", 1, 10, 1, 1, 0.2, 0.8, 2, 2, 1, 1),
                new CaptionSection.CaptionStat("p", 2, 50, 1, 1, 0.3, 0.8, 2, 2, 1, 1),
                new CaptionSection.CaptionStat("p", 3, 90, 1, 1, 0.2, 0.8, 2, 2, 1, 1)));
    l.sort(CaptionSection.BEST_FIRST);
    assertThat(
        l.stream().map(CaptionSection.CaptionStat::captionId).toList(),
        containsInAnyOrder(2L, 3L, 1L));
    assertThat(
        l.stream().map(CaptionSection.CaptionStat::captionId).toList(), contains(2L, 3L, 1L));
  }
}
