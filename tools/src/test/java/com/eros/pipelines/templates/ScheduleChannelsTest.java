package com.eros.pipelines.templates;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.eros.tools.cli.deploy.ScheduledJob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed templates/schedules.yaml gives every scheduled pipeline the health monitor's alert
 * channels: each of them raises alerts (a failed run; caption-performance's shrink guard), and a
 * Dataflow worker has no environment variable to find a channel in.
 */
class ScheduleChannelsTest {
  private static final List<String> CHANNEL_SECRETS =
      List.of("slackWebhookSecret", "pagerDutyRoutingKeySecret");

  @Test
  void everyScheduledPipelineDeliversToTheHealthMonitorsChannels() {
    Map<String, ScheduledJob> jobs = Schedules.load("eros-prod", "us-west1");
    Map<String, String> monitor = jobs.get("health-monitor").parameters();
    for (String secret : CHANNEL_SECRETS) {
      assertThat(secret, monitor.get(secret), notNullValue());
      for (ScheduledJob job : jobs.values()) {
        assertThat(
            job.pipeline() + " " + secret,
            job.parameters().get(secret),
            equalTo(monitor.get(secret)));
      }
    }
  }
}
