package com.eros.pipelines.templates;

import com.eros.pipelines.healthmonitor.HealthMonitorOptions;
import com.eros.pipelines.healthmonitor.HealthMonitorPipeline;
import com.eros.pipelines.alerts.delivery.Environment;
import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.captionperformance.CaptionPerformanceOptions;
import com.eros.pipelines.captionperformance.CaptionPerformancePipeline;
import com.eros.pipelines.dailyautomation.DailyAutomationOptions;
import com.eros.pipelines.dailyautomation.DailyAutomationPipeline;
import com.eros.pipelines.locksweep.LockSweepOptions;
import com.eros.pipelines.locksweep.LockSweepPipeline;
import com.eros.pipelines.support.Lifecycle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The pipelines that ship as Flex Templates, listed once: name (as in schedules.yaml and
 * templates/NAME/metadata.json), options interface, main class, the sample kind of each String
 * option (for the regex checks), options that are deliberately not template parameters, and how to
 * build the pipeline's graph from parsed options (for the Dataflow translation test).
 */
final class TemplatePipelines {
  private TemplatePipelines() {}

  /** Builds a pipeline's graph from options parsed as its options interface, on a warehouse (no run). */
  interface GraphFactory {
    Pipeline build(PipelineOptions options, Warehouse warehouse) throws Exception;
  }

  record TemplatePipeline(
      String name,
      Class<? extends PipelineOptions> options,
      String mainClass,
      Map<String, SampleKind> stringKinds,
      Set<String> localOnly,
      GraphFactory graph) {

    Path metadataFile() {
      return Repo.root().resolve("templates").resolve(name).resolve("metadata.json");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** String options every pipeline has (from WarehouseOptions). */
  static Map<String, SampleKind> kinds(Object... more) {
    Map<String, SampleKind> m = new HashMap<>();
    m.put("warehouse", SampleKind.BIGQUERY_WAREHOUSE);
    m.put("jobId", SampleKind.RUN_ID);
    for (int i = 0; i < more.length; i += 2) {
      m.put((String) more[i], (SampleKind) more[i + 1]);
    }
    return m;
  }

  /** The String options of where alerts go ({@link com.eros.pipelines.alerts.AlertOptions}), for every pipeline. */
  static Object[] alertKinds(Object... more) {
    Object[] alerts = {"rules", SampleKind.GCS_FILE, "slackWebhookSecret", SampleKind.SECRET_NAME,
        "googleChatWebhookSecret", SampleKind.SECRET_NAME, "pagerDutyRoutingKeySecret", SampleKind.SECRET_NAME,
        "webhookUrlSecret", SampleKind.SECRET_NAME, "smtpPasswordSecret", SampleKind.SECRET_NAME,
        "pagerDutyEventsUrl", SampleKind.HTTPS_URL, "mailTo", SampleKind.EMAIL_LIST, "mailFrom", SampleKind.EMAIL,
        "smtpHost", SampleKind.HOSTNAME, "smtpTls", SampleKind.SMTP_TLS, "smtpUser", SampleKind.SMTP_USER};
    Object[] all = new Object[alerts.length + more.length];
    System.arraycopy(alerts, 0, all, 0, alerts.length);
    System.arraycopy(more, 0, all, alerts.length, more.length);
    return all;
  }

  /** The "now" every graph built here is evaluated at (graph construction must not read the clock's network). */
  static final Instant NOW = Instant.parse("2026-03-08T11:05:00Z");

  static List<TemplatePipeline> all() {
    return List.of(
        new TemplatePipeline("caption-performance", CaptionPerformanceOptions.class,
            CaptionPerformancePipeline.class.getName(),
            kinds(alertKinds("asOf", SampleKind.INSTANT)),
            Set.of(),
            (o, warehouse) -> Lifecycle.graph(new CaptionPerformancePipeline(), o.as(CaptionPerformanceOptions.class),
                warehouse, NOW)),
        new TemplatePipeline("daily-automation", DailyAutomationOptions.class, DailyAutomationPipeline.class.getName(),
            kinds(alertKinds("executionDate", SampleKind.DATE, "now", SampleKind.INSTANT)),
            Set.of(),
            (o, warehouse) -> Lifecycle.graph(new DailyAutomationPipeline(), o.as(DailyAutomationOptions.class),
                warehouse, NOW)),
        new TemplatePipeline("lock-sweep", LockSweepOptions.class, LockSweepPipeline.class.getName(),
            kinds(alertKinds("now", SampleKind.INSTANT)),
            Set.of(),
            (o, warehouse) -> Lifecycle.graph(new LockSweepPipeline(), o.as(LockSweepOptions.class), warehouse, NOW)),
        new TemplatePipeline("health-monitor", HealthMonitorOptions.class, HealthMonitorPipeline.class.getName(),
            kinds(alertKinds("now", SampleKind.INSTANT, "reportLocation", SampleKind.GCS_OUTPUT_FILE)),
            Set.of(),
            (o, warehouse) -> Lifecycle.graph(new HealthMonitorPipeline(Environment.system()),
                o.as(HealthMonitorOptions.class), warehouse, NOW)));
  }
}
