package com.eros.pipelines.locksweep;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.eros.pipelines.locksweep.SweepAlerts.Alert;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepAlertsTest {
  private static List<String> fired(long swept, long activeAfter) {
    return SweepAlerts.evaluate(swept, activeAfter, 1000, 5000, 10000).stream()
        .map(a -> a.rule() + "/" + a.level())
        .toList();
  }

  @Test
  void highVolumeIsAWarningStrictlyAboveTheThreshold() {
    assertThat(fired(999, 0), empty());
    assertThat(fired(1000, 0), empty());
    assertThat(fired(1001, 0), contains("lock_cleanup_high_volume/WARNING"));
  }

  @Test
  void bloatWarningAndCriticalAreStrictAndExclusive() {
    assertThat(fired(0, 4999), empty());
    assertThat(fired(0, 5000), empty());
    assertThat(fired(0, 5001), contains("lock_table_bloat/WARNING"));
    assertThat(fired(0, 9999), contains("lock_table_bloat/WARNING"));
    assertThat(fired(0, 10000), contains("lock_table_bloat/WARNING"));
    assertThat(fired(0, 10001), contains("lock_table_bloat/CRITICAL")); // one bloat alert, not both
  }

  @Test
  void bothRulesCanFireAndMessagesCarryValueAndThreshold() {
    List<Alert> alerts = SweepAlerts.evaluate(1500, 12000, 1000, 5000, 10000);
    assertThat(
        alerts.stream().map(Alert::rule).toList(),
        contains("lock_cleanup_high_volume", "lock_table_bloat"));
    assertThat(alerts.get(0).message(), containsString("1500"));
    assertThat(alerts.get(0).message(), containsString("1000"));
    assertThat(alerts.get(1).message(), containsString("12000"));
    assertThat(alerts.get(1).message(), containsString("10000"));
  }

  @Test
  void customThresholdsAreHonoured() {
    assertThat(
        SweepAlerts.evaluate(3, 3, 2, 2, 3).stream().map(a -> a.rule() + "/" + a.level()).toList(),
        contains("lock_cleanup_high_volume/WARNING", "lock_table_bloat/WARNING"));
    assertThat(
        SweepAlerts.evaluate(2, 4, 2, 2, 3).stream().map(a -> a.rule() + "/" + a.level()).toList(),
        contains("lock_table_bloat/CRITICAL"));
  }

  @Test
  void alertIdsAreStablePerJobAndRule() {
    assertThat(
        SweepAlerts.alertId("job-1", SweepAlerts.BLOAT),
        equalTo(SweepAlerts.alertId("job-1", SweepAlerts.BLOAT)));
    assertThat(
        SweepAlerts.alertId("job-1", SweepAlerts.BLOAT),
        not(equalTo(SweepAlerts.alertId("job-2", SweepAlerts.BLOAT))));
    assertThat(
        SweepAlerts.alertId("job-1", SweepAlerts.BLOAT),
        not(equalTo(SweepAlerts.alertId("job-1", SweepAlerts.HIGH_VOLUME))));
  }

  @org.junit.jupiter.api.Test
  void theKindIsReadBackFromTheAlertId() {
    org.apache.beam.sdk.values.Row row =
        org.apache.beam.sdk.values.Row.withSchema(
                com.eros.common.table.Tables.AUTOMATION_ALERTS.schema())
            .withFieldValue("alert_id", SweepAlerts.alertId("job:1", SweepAlerts.BLOAT))
            .withFieldValue("alert_time", java.time.Instant.EPOCH)
            .withFieldValue("alert_level", "WARNING")
            .withFieldValue("alert_source", SweepAlerts.SOURCE)
            .build();
    assertThat(SweepAlerts.kindOf(row), org.hamcrest.Matchers.is("lock_table_bloat"));
    assertThat(
        SweepAlerts.kindOf(
            org.apache.beam.sdk.values.Row.fromRow(row).withFieldValue("alert_id", "x:y").build()),
        org.hamcrest.Matchers.is("x:y"));
    assertThat(
        SweepAlerts.SOURCE,
        org.hamcrest.Matchers.is(com.eros.pipelines.alerts.AlertPolicy.LOCK_CLEANUP));
  }
}
