package com.eros.pipelines.alerts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The rules file: one YAML file for everything about alerts. The built-in {@code
 * default-rules.yaml} (beside this class) defines everything; a file given with {@code --rules}
 * (local path or gs://, read through Beam {@link FileSystems}) overrides it part by part. This
 * class reads the top level and the alert settings every pipeline uses; the health monitor reads
 * the {@code rules:} list.
 *
 * <pre>
 * version: 1
 * routing:                        # the channels of each level, unless a rule or source says otherwise
 *   CRITICAL: all                 # every configured channel
 *   WARNING: [slack, google_chat]
 *   INFO: []
 * rules: [...]                    # the health monitor's rules (docs/health-and-alerts.md)
 * pipeline_alerts:                # alerts the pipelines raise themselves
 *   - source: lock_cleanup        # daily_automation | lock_cleanup
 *     cooldown: 12h               # no delivery while a delivered alert of the same source and kind is younger
 *     channels: {WARNING: [slack]}  # optional, as for a rule: a list (every level) or per level
 * </pre>
 *
 * Anything unknown or out of range is rejected with its line, before a pipeline is built.
 */
public final class AlertsFile {
  public static final String BUILT_IN_RESOURCE = "default-rules.yaml";
  public static final String BUILT_IN_SOURCE = "built-in default-rules.yaml";
  static final List<String> TOP_FIELDS = List.of("version", "routing", "rules", "pipeline_alerts");
  static final List<String> SOURCE_FIELDS = List.of("source", "cooldown", "channels");

  /**
   * A parsed file: its alert policy (merged over the base's) and, for the health monitor, its
   * {@code rules:} list (null when the file has none).
   */
  public record Document(AlertPolicy policy, SequenceNode rules, Node top, YamlNodes yaml) {}

  private AlertsFile() {}

  /** The text of the built-in file. */
  public static String builtInText() {
    try (InputStream in = AlertsFile.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + BUILT_IN_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read " + BUILT_IN_RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** The built-in alert policy. */
  public static AlertPolicy builtIn() {
    return parse(builtInText(), BUILT_IN_SOURCE, null).policy();
  }

  /**
   * The built-in policy overridden by the file at {@code path} (blank: the built-in one), for the
   * pipelines that raise alerts but do not evaluate the health rules (their {@code rules:} list is
   * the health monitor's to check).
   *
   * @throws RuleFileException when the file is missing, unreadable or invalid
   */
  public static AlertPolicy load(String path, PipelineOptions options) {
    AlertPolicy base = builtIn();
    if (path == null || path.isBlank()) {
      return base;
    }
    return parse(read(path.strip(), options), path.strip(), base).policy();
  }

  /** Reads a (small) text file through Beam's file systems. */
  public static String read(String path, PipelineOptions options) {
    FileSystems.setDefaultPipelineOptions(options);
    try {
      MatchResult.Metadata meta = FileSystems.matchSingleFileSpec(path);
      if (meta.sizeBytes() > 1_000_000) {
        throw new RuleFileException(
            path, 0, "the file has " + meta.sizeBytes() + " bytes; a rules file is at most 1 MB");
      }
      try (ReadableByteChannel ch = FileSystems.open(meta.resourceId());
          InputStream in = Channels.newInputStream(ch)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (java.io.FileNotFoundException e) {
      throw new RuleFileException(path, 0, "no such file");
    } catch (IOException | IllegalArgumentException e) {
      if (e instanceof RuleFileException r) {
        throw r;
      }
      throw new RuleFileException(path, 0, "cannot read it: " + e.getMessage());
    }
  }

  /**
   * Parses the file's top level and alert settings. With a {@code base}, the file overrides it
   * (routing level by level, pipeline sources field by field); without one (the built-in file) it
   * must set the routing of every level and the cooldown of every pipeline source.
   */
  public static Document parse(String text, String source, AlertPolicy base) {
    YamlNodes y = new YamlNodes(source);
    Node root = y.compose(text);
    if (root == null) {
      throw y.fail(
          1, "the file is empty; it needs a 'rules:' list, 'routing:' or 'pipeline_alerts:'");
    }
    MappingNode top = y.mapping(root, "the file");
    Set<String> seen = new HashSet<>();
    SequenceNode rules = null;
    Node routingNode = null;
    Node sourcesNode = null;
    for (NodeTuple t : top.getValue()) {
      String key = y.key(t, seen, "the top level");
      switch (key) {
        case "version" -> {
          ScalarNode v = y.scalar(t.getValueNode(), "version");
          if (!v.getTag().equals(Tag.INT) || !v.getValue().equals("1")) {
            throw y.fail(t.getValueNode(), "version must be 1, not '" + v.getValue() + "'");
          }
        }
        case "rules" -> {
          if (!(t.getValueNode() instanceof SequenceNode s)) {
            throw y.fail(
                t.getValueNode(),
                "'rules' must be a list of rules (lines starting with '- name: ...')");
          }
          rules = s;
        }
        case "routing" -> routingNode = t.getValueNode();
        case "pipeline_alerts" -> sourcesNode = t.getValueNode();
        default -> throw y.unknownField(t, key, " at the top level", TOP_FIELDS);
      }
    }
    if (rules == null && routingNode == null && sourcesNode == null) {
      throw y.fail(top, "no 'rules:' list, 'routing:' or 'pipeline_alerts:': nothing to configure");
    }

    Map<Level, List<Channel>> routing = new EnumMap<>(Level.class);
    if (base != null) {
      routing.putAll(base.routing());
    }
    if (routingNode != null) {
      MappingNode m =
          y.mapping(
              routingNode,
              "routing (levels and their channels, e.g. WARNING: [slack, google_chat])");
      Set<String> levels = new HashSet<>();
      for (NodeTuple t : m.getValue()) {
        y.key(t, levels, "routing");
        Level level = y.level(t.getKeyNode(), "routing");
        routing.put(level, y.channelList(t.getValueNode(), "the routing of " + level));
      }
    }
    for (Level l : Level.values()) {
      if (!routing.containsKey(l)) {
        throw y.fail(
            routingNode == null ? top : routingNode,
            "routing must give the channels of every level; "
                + l
                + " is missing (write "
                + l
                + ": [] for nowhere)");
      }
    }

    Map<String, Duration> cooldowns = new HashMap<>();
    Map<String, Map<Level, List<Channel>>> channels = new HashMap<>();
    if (base != null) {
      cooldowns.putAll(base.cooldowns());
      channels.putAll(base.sourceChannels());
    }
    Set<String> listed = new HashSet<>();
    if (sourcesNode != null) {
      if (!(sourcesNode instanceof SequenceNode list)) {
        throw y.fail(
            sourcesNode, "'pipeline_alerts' must be a list (lines starting with '- source: ...')");
      }
      for (Node n : list.getValue()) {
        pipelineSource(y, n, listed, base, cooldowns, channels);
      }
    }
    for (String s : AlertPolicy.PIPELINE_SOURCES) {
      if (!cooldowns.containsKey(s)) {
        throw y.fail(
            sourcesNode == null ? top : sourcesNode,
            "pipeline_alerts must give the cooldown of " + s);
      }
    }
    return new Document(new AlertPolicy(routing, channels, cooldowns), rules, top, y);
  }

  private static void pipelineSource(
      YamlNodes y,
      Node n,
      Set<String> listed,
      AlertPolicy base,
      Map<String, Duration> cooldowns,
      Map<String, Map<Level, List<Channel>>> channels) {
    MappingNode m = y.mapping(n, "a pipeline alert source");
    Map<String, NodeTuple> fields = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : m.getValue()) {
      String key = y.key(t, seen, "a pipeline alert source");
      if (!SOURCE_FIELDS.contains(key)) {
        throw y.unknownField(t, key, " in pipeline_alerts", SOURCE_FIELDS);
      }
      fields.put(key, t);
    }
    NodeTuple sourceT = fields.get("source");
    if (sourceT == null) {
      throw y.fail(
          m,
          "a pipeline_alerts entry without 'source' (one of: "
              + String.join(", ", AlertPolicy.PIPELINE_SOURCES)
              + ")");
    }
    String source = y.string(sourceT.getValueNode(), "source");
    if (!AlertPolicy.PIPELINE_SOURCES.contains(source)) {
      throw y.fail(
          sourceT.getValueNode(),
          "unknown pipeline alert source '"
              + source
              + "' (known: "
              + String.join(", ", AlertPolicy.PIPELINE_SOURCES)
              + "; the health monitor's rules go under 'rules:')");
    }
    if (!listed.add(source)) {
      throw y.fail(sourceT.getValueNode(), "pipeline alert source " + source + " is listed twice");
    }
    String where = "pipeline alerts of " + source;
    if (fields.containsKey("cooldown")) {
      cooldowns.put(
          source, y.duration(fields.get("cooldown").getValueNode(), "cooldown of " + where));
    } else if (base == null) {
      throw y.fail(m, where + " need a cooldown, e.g. cooldown: 12h (0s for none)");
    }
    if (fields.containsKey("channels")) {
      Map<Level, List<Channel>> c = new EnumMap<>(Level.class);
      Map<Level, List<Channel>> prior = channels.get(source);
      if (prior != null) {
        c.putAll(prior);
      }
      c.putAll(y.channelsByLevel(fields.get("channels").getValueNode(), where));
      channels.put(source, c);
    }
  }
}
