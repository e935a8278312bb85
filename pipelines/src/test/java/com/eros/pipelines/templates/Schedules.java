package com.eros.pipelines.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** templates/schedules.yaml read with a real YAML parser (SnakeYAML), for cross-checks. */
record Schedules(Map<String, Object> tree) {
  static Path file() {
    return Repo.root().resolve("templates/schedules.yaml");
  }

  static Schedules load() {
    try {
      return of(Files.readString(file()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Schedules of(String yaml) {
    return new Schedules((Map<String, Object>) new Yaml().load(yaml));
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> jobs() {
    return (Map<String, Object>) tree.get("jobs");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> defaults() {
    return (Map<String, Object>) tree.get("defaults");
  }

  /** A job's setting at a dotted path, falling back to defaults; null when neither has it. */
  Object setting(String job, String path) {
    Object v = at(jobs().get(job), path);
    return v != null ? v : at(defaults(), path);
  }

  /** The map at a dotted path of a job, defaults first and the job's own entries over them. */
  Map<String, Object> merged(String job, String path) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (at(defaults(), path) instanceof Map<?, ?> d) {
      d.forEach((k, v) -> out.put(String.valueOf(k), v));
    }
    if (at(jobs().get(job), path) instanceof Map<?, ?> j) {
      j.forEach((k, v) -> out.put(String.valueOf(k), v));
    }
    return out;
  }

  /** Every scalar as "a.b.c=value", in document order: what deploy.sh --print-config should print. */
  Map<String, String> flattened() {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", tree, out);
    return out;
  }

  private static void flatten(String prefix, Object node, Map<String, String> out) {
    if (node instanceof Map<?, ?> m) {
      m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
    } else if (node != null) {
      out.put(prefix, String.valueOf(node));
    }
  }

  private static Object at(Object node, String path) {
    Object cur = node;
    for (String part : path.split("\\.")) {
      if (!(cur instanceof Map<?, ?> m)) {
        return null;
      }
      cur = m.get(part);
    }
    return cur;
  }
}
