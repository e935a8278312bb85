package com.eros.pipelines.alerts;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reading the rules YAML as SnakeYAML nodes, so that every complaint names its file and 1-based
 * line ({@link RuleFileException}). Shared by the alert settings ({@link AlertsFile}) and the
 * health monitor's rules.
 */
public final class YamlNodes {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(s|m|h|d)");
  private final String source;

  public YamlNodes(String source) {
    this.source = source;
  }

  public String source() {
    return source;
  }

  /** The document's root node (null for an empty document); invalid YAML fails with its line. */
  public Node compose(String text) {
    try (Reader r = new StringReader(text)) {
      LoaderOptions lo = new LoaderOptions();
      lo.setMaxAliasesForCollections(10);
      lo.setAllowRecursiveKeys(false);
      return new Yaml(new SafeConstructor(lo)).compose(r);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      throw fail(m == null ? 0 : m.getLine() + 1, "not valid YAML: " + problem);
    } catch (YAMLException | IOException e) {
      throw fail(0, "not valid YAML: " + e.getMessage());
    }
  }

  /** A mapping key, refused when it appears twice in the same mapping. */
  public String key(NodeTuple t, Set<String> seen, String where) {
    String k = string(t.getKeyNode(), "key");
    if (!seen.add(k)) {
      throw fail(t.getKeyNode(), "'" + k + "' appears twice in " + where);
    }
    return k;
  }

  public MappingNode mapping(Node n, String what) {
    if (n instanceof MappingNode m) {
      return m;
    }
    throw fail(n, what + " must be a mapping of fields (key: value)");
  }

  public ScalarNode scalar(Node n, String what) {
    if (n instanceof ScalarNode s) {
      return s;
    }
    throw fail(n, what + " must be a single value, not a list or mapping");
  }

  /** A non-empty scalar, stripped. */
  public String string(Node n, String what) {
    ScalarNode s = scalar(n, what);
    if (s.getTag().equals(Tag.NULL) || s.getValue().isBlank()) {
      throw fail(n, what + " is empty");
    }
    return s.getValue().strip();
  }

  /** A duration written with its unit (30m, 2h, 7d, 600s) or in ISO-8601 (PT2H); 0 to a year. */
  public Duration duration(Node n, String what) {
    ScalarNode s = scalar(n, what);
    String v = s.getValue().strip();
    if (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT)) {
      throw fail(
          n,
          "the "
              + what
              + " is a duration with its unit, like "
              + v
              + "h, "
              + v
              + "m or "
              + v
              + "s; not a bare "
              + v);
    }
    Matcher dm = DURATION.matcher(v.toLowerCase(Locale.ROOT));
    Duration d;
    if (dm.matches()) {
      double amount = Double.parseDouble(dm.group(1));
      long unitSeconds =
          switch (dm.group(2)) {
            case "s" -> 1;
            case "m" -> 60;
            case "h" -> 3600;
            default -> 86400;
          };
      double secs = amount * unitSeconds;
      if (secs > 366L * 86400) {
        throw fail(n, "the " + what + " is longer than a year: " + v);
      }
      d = Duration.ofMillis(Math.round(secs * 1000));
    } else {
      try {
        d = Duration.parse(v);
      } catch (DateTimeParseException e) {
        throw fail(
            n,
            "the " + what + " is not a duration: '" + v + "' (write it like 30m, 2h, 7d or 600s)");
      }
      if (d.isNegative() || d.compareTo(Duration.ofDays(366)) > 0) {
        throw fail(n, "the " + what + " must be between 0 and a year: " + v);
      }
    }
    return d;
  }

  /** A level name (CRITICAL, WARNING, INFO; any case). */
  public Level level(Node n, String where) {
    String lv = string(n, "level");
    Level level = Level.parse(lv);
    if (level == null) {
      throw fail(
          n, "unknown level '" + lv + "' in " + where + " (levels: CRITICAL, WARNING, INFO)");
    }
    return level;
  }

  /**
   * The channels of a rule or source: a list for every level ({@code [slack, pagerduty]}, {@code
   * []} for nowhere, or {@code all}), or a mapping of levels to such lists ({@code {CRITICAL: all,
   * WARNING: [slack]}}), which sets only the levels it names.
   */
  public Map<Level, List<Channel>> channelsByLevel(Node n, String where) {
    Map<Level, List<Channel>> out = new EnumMap<>(Level.class);
    if (n instanceof MappingNode m) {
      Set<String> seen = new java.util.HashSet<>();
      for (NodeTuple t : m.getValue()) {
        key(t, seen, "channels of " + where);
        Level level = level(t.getKeyNode(), "channels of " + where);
        out.put(level, channelList(t.getValueNode(), level + " channels of " + where));
      }
      return out;
    }
    List<Channel> all = channelList(n, "channels of " + where);
    for (Level l : Level.values()) {
      out.put(l, all);
    }
    return out;
  }

  /** A list of channel ids without repeats, or the word {@code all} (every channel). */
  public List<Channel> channelList(Node n, String what) {
    if (n instanceof ScalarNode s && s.getValue().strip().equalsIgnoreCase("all")) {
      return List.of(Channel.values());
    }
    if (!(n instanceof SequenceNode s)) {
      throw fail(n, what + " must be a list such as [slack, pagerduty] ([] for none, or all)");
    }
    List<Channel> out = new ArrayList<>();
    for (Node c : s.getValue()) {
      String id = string(c, "channel");
      Channel ch = Channel.parse(id);
      if (ch == null) {
        throw fail(
            c, "unknown channel '" + id + "' in " + what + " (channels: " + Channel.ids() + ")");
      }
      if (out.contains(ch)) {
        throw fail(c, "channel " + id + " is listed twice in " + what);
      }
      out.add(ch);
    }
    return List.copyOf(out);
  }

  /**
   * The error for field {@code key} of {@code t}, which is none of {@code known}; {@code where}
   * says where it stands (" at the top level", " in rule x", or "").
   */
  public RuleFileException unknownField(NodeTuple t, String key, String where, List<String> known) {
    return fail(
        t.getKeyNode(),
        "unknown field '" + key + "'" + where + " (known: " + String.join(", ", known) + ")");
  }

  public RuleFileException fail(Node n, String reason) {
    return fail(n == null || n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1, reason);
  }

  public RuleFileException fail(int line, String reason) {
    return new RuleFileException(source, line, reason);
  }
}
