package com.eros.pipelines.alerts;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.eros.pipelines.PipelineCatalog;
import com.eros.pipelines.support.EtlPipeline;
import com.eros.pipelines.support.Lifecycle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The three pipelines that raise alerts share one set of channel options, and their --help lists
 * it.
 */
class AlertOptionsHelpTest {
  static final List<String> OPTIONS =
      List.of(
          "--rules",
          "--slackWebhookSecret",
          "--googleChatWebhookSecret",
          "--pagerDutyRoutingKeySecret",
          "--webhookUrlSecret",
          "--pagerDutyEventsUrl",
          "--mailTo",
          "--mailFrom",
          "--smtpHost",
          "--smtpPort",
          "--smtpTls",
          "--smtpUser",
          "--smtpPasswordSecret",
          "--deliveryAttempts",
          "--deliveryTimeoutSeconds");

  @Test
  void everyPipelineHasTheAlertOptions() {
    for (EtlPipeline<?, ?> pipeline : PipelineCatalog.all()) {
      assertThat(
          pipeline.command(),
          AlertOptions.class.isAssignableFrom(pipeline.optionsClass()),
          equalTo(true));
    }
  }

  @Test
  void helpListsTheAlertOptions() {
    for (EtlPipeline<?, ?> pipeline : PipelineCatalog.all()) {
      String command = pipeline.command();
      PrintStream stdout = System.out;
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      int code;
      try {
        PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        code = Lifecycle.execute(pipeline, new String[] {"--help"}, capture, capture);
      } finally {
        System.setOut(stdout);
      }
      String help = buf.toString(StandardCharsets.UTF_8);
      assertThat(command, code, equalTo(0));
      for (String option : OPTIONS) {
        assertThat(command + " --help lists " + option, help, containsString(option + "="));
      }
      assertThat(command, help, containsString("EROS_SMTP_PASSWORD"));
    }
  }
}
