package com.eros.pipelines.dailyautomation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.eros.pipelines.support.JobStatus;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunReportTest {
  static final LocalDate D = LocalDate.of(2026, 11, 29);

  static RunReport report(long processed, long failed, long skipped, String openedAt) {
    return new RunReport(
        D,
        processed + failed + skipped + 2,
        processed + failed + skipped,
        processed,
        failed,
        skipped,
        processed,
        0,
        100,
        1,
        5,
        openedAt,
        skipped > 0 ? "x1" : null,
        skipped > 0 ? "x9" : null);
  }

  static List<String> alertKinds(RunReport r) {
    return r.alerts().stream().map(a -> a.level() + " " + a.kind()).toList();
  }

  @Test
  void success() {
    RunReport r = report(10, 0, 0, null);
    assertThat(r.status(), is(JobStatus.SUCCESS));
    assertThat(r.errorMessage(), nullValue());
    assertThat(r.alerts(), empty());
  }

  @Test
  void noActiveCreatorIsNoWork() {
    RunReport r = report(0, 0, 0, null);
    assertThat(r.status(), is(JobStatus.COMPLETED_NO_WORK));
    assertThat(r.alerts(), empty());
    assertThat(r.failureRate(), is(0.0));
  }

  @Test
  void failuresAtTenPercentWarnOnlyForTheErrors() {
    RunReport r = report(9, 1, 0, null); // 1 / 10 = 10 %: not above
    assertThat(r.status(), is(JobStatus.COMPLETED_WITH_ERRORS));
    assertThat(r.errorMessage(), containsString("1 of 10 creators failed"));
    assertThat(alertKinds(r), contains("WARNING completed_with_errors"));
  }

  @Test
  void failuresAboveTenPercentAlsoWarnOnTheRate() {
    RunReport r = report(8, 1, 0, null); // 1 / 9 = 11.1 %
    assertThat(
        alertKinds(r), contains("WARNING completed_with_errors", "WARNING high_failure_rate"));
    assertThat(r.alerts().get(1).message(), containsString("11.1 %"));
  }

  @Test
  void everyCreatorFailedIsARateOfOneHundredPercent() {
    RunReport r = report(0, 3, 0, null);
    assertThat(r.failureRate(), is(1.0));
    assertThat(r.failureRateHigh(), is(true));
    assertThat(
        alertKinds(r), contains("WARNING completed_with_errors", "WARNING high_failure_rate"));
  }

  @Test
  void anOpenBreakerFailsTheRunWithACriticalAlert() {
    RunReport r = report(2, 5, 4, "p07");
    assertThat(r.status(), is(JobStatus.FAILED));
    assertThat(
        r.errorMessage(),
        containsString("circuit breaker opened after 5 consecutive creator failures (at p07)"));
    assertThat(r.errorMessage(), containsString("4 later creator(s) skipped"));
    assertThat(alertKinds(r), contains("CRITICAL job_failed", "WARNING high_failure_rate"));
    assertThat(r.alerts().get(0).message(), containsString("FAILED for 2026-11-29"));
  }

  @Test
  void alertIdsAreDeterministicPerRunAndKind() {
    assertThat(
        OutputRows.alertId("job-1", "job_failed"), is(OutputRows.alertId("job-1", "job_failed")));
    assertThat(
        OutputRows.alertId("job-1", "job_failed").equals(OutputRows.alertId("job-2", "job_failed")),
        is(false));
    assertThat(
        OutputRows.alertId("job-1", "job_failed")
            .equals(OutputRows.alertId("job-1", "high_failure_rate")),
        is(false));
  }
}
