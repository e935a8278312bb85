package com.eros.pipelines.healthmonitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptions;
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
 * Reads alert rules from YAML. The built-in file ({@code default-rules.yaml} beside this class)
 * defines every rule completely; a file given with {@code --rules} (local path or gs://, read
 * through Beam {@link FileSystems}) overrides it rule by rule and field by field. Anything unknown
 * or out of range is rejected with its line, before the pipeline is built.
 *
 * <pre>
 * version: 1
 * rules:
 *   - name: performance_feedback_stale      # one of the nine rules of REFERENCE §5
 *     metric: hours_since_performance_success   # optional; must be the rule's metric
 *     enabled: true
 *     thresholds: {CRITICAL: 12h, WARNING: 8h}  # or: level: WARNING + threshold: 8h
 *     cooldown: 6h
 *     channels: [slack, pagerduty]          # optional; default by level; [] = nowhere
 *   - name: high_creator_failure_rate
 *     threshold: 10%
 *     window: 24h                           # windowed rules only
 * </pre>
 */
public final class RulesFile {
  public static final String BUILT_IN_RESOURCE = "default-rules.yaml";
  public static final String BUILT_IN_SOURCE = "built-in default-rules.yaml";
  static final Set<String> TOP_FIELDS = Set.of("version", "rules");
  static final List<String> RULE_FIELDS =
      List.of("name", "metric", "enabled", "level", "threshold", "thresholds", "window", "cooldown", "channels");
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(s|m|h|d)");
  private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");

  private RulesFile() {}

  /** The rules shipped in the jar. */
  public static RuleSet builtIn() {
    try (InputStream in = RulesFile.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + BUILT_IN_RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN_SOURCE, null);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + BUILT_IN_RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /**
   * The built-in rules overridden by the file at {@code path} (local or any scheme Beam knows, such
   * as gs://), or the built-in rules alone when {@code path} is blank.
   *
   * @throws RuleFileException when the file is missing, unreadable or invalid
   */
  public static RuleSet load(String path, PipelineOptions options) {
    RuleSet base = builtIn();
    if (path == null || path.isBlank()) {
      return base;
    }
    return parse(read(path.strip(), options), path.strip(), base);
  }

  /** Reads a (small) text file through Beam's file systems. */
  static String read(String path, PipelineOptions options) {
    FileSystems.setDefaultPipelineOptions(options);
    try {
      MatchResult.Metadata meta = FileSystems.matchSingleFileSpec(path);
      if (meta.sizeBytes() > 1_000_000) {
        throw new RuleFileException(path, 0, "the file has " + meta.sizeBytes() + " bytes; a rules file is at most 1 MB");
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
   * Parses rules YAML. With a {@code base}, the file overrides it rule by rule (unlisted rules and
   * unset fields keep the base); without one, the file must define every rule completely.
   */
  public static RuleSet parse(String text, String source, RuleSet base) {
    return new Parser(source, base).parse(text);
  }

  private static final class Parser {
    private final String source;
    private final RuleSet base;

    Parser(String source, RuleSet base) {
      this.source = source;
      this.base = base;
    }

    RuleSet parse(String text) {
      Node root;
      try (Reader r = new StringReader(text)) {
        LoaderOptions lo = new LoaderOptions();
        lo.setMaxAliasesForCollections(10);
        lo.setAllowRecursiveKeys(false);
        root = new Yaml(new SafeConstructor(lo)).compose(r);
      } catch (MarkedYAMLException e) {
        Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        throw new RuleFileException(source, m == null ? 0 : m.getLine() + 1, "not valid YAML: " + problem);
      } catch (YAMLException | IOException e) {
        throw new RuleFileException(source, 0, "not valid YAML: " + e.getMessage());
      }
      if (root == null) {
        throw fail(1, "the file is empty; it needs a 'rules:' list");
      }
      MappingNode top = mapping(root, "the file");
      SequenceNode rulesNode = null;
      Set<String> seenTop = new HashSet<>();
      for (NodeTuple t : top.getValue()) {
        String key = key(t, seenTop, "the top level");
        switch (key) {
          case "version" -> {
            ScalarNode v = scalar(t.getValueNode(), "version");
            if (!v.getTag().equals(Tag.INT) || !v.getValue().equals("1")) {
              throw fail(t.getValueNode(), "version must be 1, not '" + v.getValue() + "'");
            }
          }
          case "rules" -> {
            if (!(t.getValueNode() instanceof SequenceNode s)) {
              throw fail(t.getValueNode(), "'rules' must be a list of rules (lines starting with '- name: ...')");
            }
            rulesNode = s;
          }
          default -> throw fail(t.getKeyNode(), "unknown field '" + key + "' at the top level (known: version, rules)");
        }
      }
      if (rulesNode == null) {
        throw fail(top, "no 'rules:' list");
      }
      EnumMap<RuleKind, Rule> rules = new EnumMap<>(RuleKind.class);
      if (base != null) {
        for (Rule r : base.all()) {
          rules.put(r.kind(), r);
        }
      }
      Set<RuleKind> listed = new HashSet<>();
      for (Node n : rulesNode.getValue()) {
        Rule r = rule(n, listed);
        rules.put(r.kind(), r);
      }
      if (base == null && listed.size() < RuleKind.values().length) {
        List<String> missing = new ArrayList<>();
        for (RuleKind k : RuleKind.values()) {
          if (!listed.contains(k)) {
            missing.add(k.ruleName());
          }
        }
        throw fail(rulesNode, "rules missing from a complete rules file: " + String.join(", ", missing));
      }
      return new RuleSet(rules, source);
    }

    private Rule rule(Node n, Set<RuleKind> listed) {
      MappingNode m = mapping(n, "a rule");
      Map<String, NodeTuple> fields = new LinkedHashMap<>();
      Set<String> seen = new HashSet<>();
      for (NodeTuple t : m.getValue()) {
        String key = key(t, seen, "a rule");
        if (!RULE_FIELDS.contains(key)) {
          String name = fields.containsKey("name") ? " in rule " + scalarValue(fields.get("name")) : "";
          throw fail(t.getKeyNode(), "unknown field '" + key + "'" + name + " (known: " + String.join(", ", RULE_FIELDS) + ")");
        }
        fields.put(key, t);
      }
      NodeTuple nameT = fields.get("name");
      if (nameT == null) {
        throw fail(m, "a rule without 'name' (one of: " + RuleKind.names() + ")");
      }
      String name = string(nameT.getValueNode(), "name");
      RuleKind kind = RuleKind.byName(name);
      if (kind == null) {
        throw fail(nameT.getValueNode(), "unknown rule '" + name + "' (known: " + RuleKind.names() + ")");
      }
      if (!listed.add(kind)) {
        throw fail(nameT.getValueNode(), "rule " + name + " is listed twice");
      }
      Rule prior = base == null ? null : base.rule(kind);
      String where = "rule " + name;

      if (fields.containsKey("metric")) {
        Node v = fields.get("metric").getValueNode();
        String metric = string(v, "metric");
        if (!metric.equals(kind.metric())) {
          throw fail(v, "unknown metric '" + metric + "' for " + where + ": it measures " + kind.metric()
              + " (" + kind.measures() + ")");
        }
      }
      boolean enabled = prior == null || prior.enabled();
      if (fields.containsKey("enabled")) {
        Node v = fields.get("enabled").getValueNode();
        ScalarNode s = scalar(v, "enabled");
        String b = s.getValue().strip().toLowerCase(Locale.ROOT);
        if (!s.getTag().equals(Tag.BOOL) || !(b.equals("true") || b.equals("false"))) {
          throw fail(v, "enabled must be true or false in " + where + ", not '" + s.getValue() + "'");
        }
        enabled = b.equals("true");
      }

      List<Rule.Threshold> thresholds = thresholds(kind, fields, prior, m, where);

      Duration window = prior == null ? null : prior.window();
      if (fields.containsKey("window")) {
        Node v = fields.get("window").getValueNode();
        if (!kind.windowed()) {
          throw fail(fields.get("window").getKeyNode(), where + " has no window (only "
              + windowedNames() + " aggregate over one)");
        }
        window = duration(v, "window of " + where);
        if (window.isZero()) {
          throw fail(v, "the window of " + where + " must be longer than 0");
        }
      } else if (kind.windowed() && window == null) {
        throw fail(m, where + " needs a window, e.g. window: 24h");
      }

      Duration cooldown = prior == null ? null : prior.cooldown();
      if (fields.containsKey("cooldown")) {
        cooldown = duration(fields.get("cooldown").getValueNode(), "cooldown of " + where);
      } else if (cooldown == null) {
        throw fail(m, where + " needs a cooldown, e.g. cooldown: 6h (0s for none)");
      }

      List<Channel> channels = prior == null ? null : prior.channels();
      if (fields.containsKey("channels")) {
        channels = channels(fields.get("channels").getValueNode(), where);
      }
      return new Rule(kind, enabled, thresholds, window, cooldown, channels);
    }

    private List<Rule.Threshold> thresholds(
        RuleKind kind, Map<String, NodeTuple> fields, Rule prior, MappingNode m, String where) {
      NodeTuple levelT = fields.get("level");
      NodeTuple thresholdT = fields.get("threshold");
      NodeTuple thresholdsT = fields.get("thresholds");
      List<Rule.Threshold> out = new ArrayList<>();
      if (thresholdsT != null) {
        if (levelT != null || thresholdT != null) {
          throw fail(thresholdsT.getKeyNode(), where + ": give either 'thresholds' or 'level' with 'threshold', not both");
        }
        MappingNode tm = mapping(thresholdsT.getValueNode(), "thresholds of " + where);
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : tm.getValue()) {
          String lv = key(t, seen, "thresholds of " + where);
          Level level = Level.parse(lv);
          if (level == null) {
            throw fail(t.getKeyNode(), "unknown level '" + lv + "' in " + where + " (levels: CRITICAL, WARNING, INFO)");
          }
          out.add(new Rule.Threshold(level, value(kind, t.getValueNode(), where)));
        }
        if (out.isEmpty()) {
          throw fail(thresholdsT.getValueNode(), where + ": thresholds is empty");
        }
      } else if (levelT != null || thresholdT != null) {
        Level level;
        if (levelT != null) {
          String lv = string(levelT.getValueNode(), "level");
          level = Level.parse(lv);
          if (level == null) {
            throw fail(levelT.getValueNode(), "unknown level '" + lv + "' in " + where + " (levels: CRITICAL, WARNING, INFO)");
          }
        } else if (prior != null && prior.thresholds().size() == 1) {
          level = prior.thresholds().get(0).level();
        } else {
          throw fail(thresholdT.getKeyNode(), where + (prior == null ? " needs a level" : " has several levels")
              + "; write level: WARNING with the threshold, or thresholds: {CRITICAL: ..., WARNING: ...}");
        }
        double value;
        if (thresholdT != null) {
          value = value(kind, thresholdT.getValueNode(), where);
        } else if (prior != null && prior.thresholds().size() == 1) {
          value = prior.thresholds().get(0).value();
        } else {
          throw fail(levelT.getKeyNode(), where + ": a level needs its threshold (threshold: ...)");
        }
        out.add(new Rule.Threshold(level, value));
      } else if (prior != null) {
        return prior.thresholds();
      } else {
        throw fail(m, where + " needs level and threshold, or thresholds: {CRITICAL: ..., WARNING: ...}");
      }
      out.sort((a, b) -> a.level().compareTo(b.level()));
      for (int i = 1; i < out.size(); i++) {
        Rule.Threshold more = out.get(i - 1);
        Rule.Threshold less = out.get(i);
        if (!(more.value() > less.value())) {
          Node at = thresholdsT != null ? thresholdsT.getValueNode() : m;
          throw fail(at, where + ": the " + more.level() + " threshold (" + kind.unit().format(more.value())
              + ") must be above the " + less.level() + " threshold (" + kind.unit().format(less.value()) + ")");
        }
      }
      return out;
    }

    /** A threshold in the rule's unit. */
    private double value(RuleKind kind, Node n, String where) {
      ScalarNode s = scalar(n, "threshold of " + where);
      String v = s.getValue().strip();
      boolean number = s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT);
      double out;
      switch (kind.unit()) {
        case HOURS, SECONDS -> {
          Duration d = duration(n, "threshold of " + where);
          double secs = d.getSeconds() + d.getNano() / 1e9;
          out = kind.unit() == Unit.HOURS ? secs / 3600.0 : secs;
        }
        case COUNT -> {
          if (!number) {
            throw fail(n, "the threshold of " + where + " is a number (" + kind.measures() + "), not '" + v + "'");
          }
          out = parseNumber(n, v, where);
        }
        case PERCENT -> {
          Matcher pm = PERCENT.matcher(v);
          if (pm.matches()) {
            out = Double.parseDouble(pm.group(1));
          } else if (number) {
            out = parseNumber(n, v, where);
          } else {
            throw fail(n, "the threshold of " + where + " is a percentage like 10%, not '" + v + "'");
          }
          if (out > 100) {
            throw fail(n, "the threshold of " + where + " is a percentage (0-100), not " + v);
          }
        }
        default -> throw new IllegalStateException();
      }
      return out;
    }

    private double parseNumber(Node n, String v, String where) {
      double d;
      try {
        d = Double.parseDouble(v.replace("_", ""));
      } catch (NumberFormatException e) {
        throw fail(n, "the threshold of " + where + " is not a number: '" + v + "'");
      }
      if (!Double.isFinite(d) || d < 0) {
        throw fail(n, "the threshold of " + where + " must be a finite number >= 0, not " + v);
      }
      return d;
    }

    private Duration duration(Node n, String what) {
      ScalarNode s = scalar(n, what);
      String v = s.getValue().strip();
      if (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT)) {
        throw fail(n, "the " + what + " is a duration with its unit, like " + v + "h, " + v + "m or " + v + "s; not a bare " + v);
      }
      Matcher dm = DURATION.matcher(v.toLowerCase(Locale.ROOT));
      Duration d;
      if (dm.matches()) {
        double amount = Double.parseDouble(dm.group(1));
        long unitSeconds = switch (dm.group(2)) {
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
          throw fail(n, "the " + what + " is not a duration: '" + v + "' (write it like 30m, 2h, 7d or 600s)");
        }
        if (d.isNegative() || d.compareTo(Duration.ofDays(366)) > 0) {
          throw fail(n, "the " + what + " must be between 0 and a year: " + v);
        }
      }
      return d;
    }

    private List<Channel> channels(Node n, String where) {
      if (!(n instanceof SequenceNode s)) {
        throw fail(n, "channels of " + where + " must be a list such as [slack, pagerduty] ([] for none)");
      }
      List<Channel> out = new ArrayList<>();
      for (Node c : s.getValue()) {
        String id = string(c, "channel");
        Channel ch = Channel.parse(id);
        if (ch == null) {
          throw fail(c, "unknown channel '" + id + "' in " + where + " (channels: slack, pagerduty, webhook)");
        }
        if (out.contains(ch)) {
          throw fail(c, "channel " + id + " is listed twice in " + where);
        }
        out.add(ch);
      }
      return out;
    }

    private String key(NodeTuple t, Set<String> seen, String where) {
      String k = string(t.getKeyNode(), "key");
      if (!seen.add(k)) {
        throw fail(t.getKeyNode(), "'" + k + "' appears twice in " + where);
      }
      return k;
    }

    private MappingNode mapping(Node n, String what) {
      if (n instanceof MappingNode m) {
        return m;
      }
      throw fail(n, what + " must be a mapping of fields (key: value)");
    }

    private ScalarNode scalar(Node n, String what) {
      if (n instanceof ScalarNode s) {
        return s;
      }
      throw fail(n, what + " must be a single value, not a list or mapping");
    }

    private String string(Node n, String what) {
      ScalarNode s = scalar(n, what);
      if (s.getTag().equals(Tag.NULL) || s.getValue().isBlank()) {
        throw fail(n, what + " is empty");
      }
      return s.getValue().strip();
    }

    private String scalarValue(NodeTuple t) {
      return t.getValueNode() instanceof ScalarNode s ? s.getValue() : "?";
    }

    private RuleFileException fail(Node n, String reason) {
      return fail(n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1, reason);
    }

    private RuleFileException fail(int line, String reason) {
      return new RuleFileException(source, line, reason);
    }
  }

  static String windowedNames() {
    List<String> w = new ArrayList<>();
    for (RuleKind k : RuleKind.values()) {
      if (k.windowed()) {
        w.add(k.ruleName());
      }
    }
    return String.join(", ", w);
  }
}
