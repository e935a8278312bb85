package com.eros.tools.cli.deploy;

import com.eros.pipelines.support.UsageException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a deployment is for: project, region, bucket, image registry, dataset and tag, and which
 * pipelines; each value checked against its {@link Values shape} (normalised first: a bucket may be
 * given as {@code gs://NAME/}).
 *
 * @param only the pipelines to deploy; empty: every job of the schedules file
 */
public record DeploySettings(
    String project,
    String region,
    String bucket,
    String registry,
    String dataset,
    String tag,
    List<String> only) {

  public static final String DEFAULT_DATASET = "eros_scheduling_brain";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /**
   * Settings from flags by name ({@code project}, {@code region}, {@code bucket}, {@code registry},
   * {@code dataset}, {@code tag}, {@code only}), with the defaults: bucket {@code
   * PROJECT-eros-dataflow}, registry {@code REGION-docker.pkg.dev/PROJECT/eros}, dataset {@value
   * #DEFAULT_DATASET}, tag a UTC time stamp of {@code now}.
   */
  public static DeploySettings of(Map<String, String> flags, Instant now) {
    String project = Values.require("--project", required(flags, "project"), Values.PROJECT);
    String region = Values.require("--region", required(flags, "region"), Values.REGION);
    String bucket = flags.getOrDefault("bucket", project + "-eros-dataflow");
    if (bucket.startsWith("gs://")) {
      bucket = bucket.substring("gs://".length());
    }
    if (bucket.endsWith("/")) {
      bucket = bucket.substring(0, bucket.length() - 1);
    }
    Values.require("--bucket", bucket, Values.BUCKET);
    String registry =
        flags.getOrDefault("registry", region + "-docker.pkg.dev/" + project + "/eros");
    if (registry.endsWith("/")) {
      registry = registry.substring(0, registry.length() - 1);
    }
    Values.require("--registry", registry, Values.REGISTRY);
    String dataset =
        Values.require("--dataset", flags.getOrDefault("dataset", DEFAULT_DATASET), Values.DATASET);
    String tag = Values.require("--tag", flags.getOrDefault("tag", STAMP.format(now)), Values.TAG);
    List<String> only = new ArrayList<>();
    if (flags.containsKey("only")) {
      for (String p : flags.get("only").split(",", -1)) {
        only.add(Values.require("--only", p.trim(), Values.PIPELINE));
      }
    }
    return new DeploySettings(project, region, bucket, registry, dataset, tag, List.copyOf(only));
  }

  /** The values of schedules.yaml's placeholders. */
  public Map<String, String> placeholders() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("PROJECT", project);
    m.put("REGION", region);
    m.put("BUCKET", bucket);
    m.put("DATASET", dataset);
    return m;
  }

  private static String required(Map<String, String> flags, String name) {
    String v = flags.get(name);
    if (v == null) {
      throw new UsageException("no --" + name + " given");
    }
    return v;
  }
}
