package com.eros.pipelines.healthmonitor;

import com.eros.pipelines.alerts.AlertsFile;
import com.eros.pipelines.alerts.Channel;
import com.eros.pipelines.alerts.Level;
import com.eros.pipelines.alerts.RuleFileException;
import com.eros.pipelines.alerts.YamlNodes;
import java.time.Duration;
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
import org.apache.beam.sdk.options.PipelineOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the health monitor's rules from the rules file ({@link AlertsFile}, which also reads the
 * routing and the pipelines' alert settings). The built-in file ({@code default-rules.yaml})
 * defines every rule completely; a file given with {@code --rules} (local path or gs://, read
 * through Beam {@link FileSystems}) overrides it rule by rule and field by field. Anything unknown
 * or out of range is rejected with its line, before the pipeline is built.
 *
 * <pre>
 * version: 1
 * rules:
 *   - name: performance_feedback_stale      # one of the nine rules of docs/health-and-alerts.md
 *     metric: hours_since_performance_success   # optional; must be the rule's metric
 *     enabled: true
 *     thresholds: {CRITICAL: 12h, WARNING: 8h}  # or: level: WARNING + threshold: 8h
 *     cooldown: 6h
 *     channels: [slack, pagerduty]          # optional: every level; or {CRITICAL: all, WARNING: [slack]}
 *   - name: high_creator_failure_rate
 *     threshold: 10%
 *     window: 24h                           # windowed rules only
 * </pre>
 */
public final class RulesFile {
  public static final String BUILT_IN_SOURCE = AlertsFile.BUILT_IN_SOURCE;
  static final List<String> RULE_FIELDS =
      List.of(
          "name",
          "metric",
          "enabled",
          "level",
          "threshold",
          "thresholds",
          "window",
          "cooldown",
          "channels");
  private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");

  private RulesFile() {}

  /** The rules shipped in the jar. */
  public static RuleSet builtIn() {
    return parse(AlertsFile.builtInText(), BUILT_IN_SOURCE, null);
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
    return parse(AlertsFile.read(path.strip(), options), path.strip(), base);
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
    private YamlNodes y;

    Parser(String source, RuleSet base) {
      this.source = source;
      this.base = base;
    }

    RuleSet parse(String text) {
      AlertsFile.Document doc = AlertsFile.parse(text, source, base == null ? null : base.policy());
      y = doc.yaml();
      EnumMap<RuleKind, Rule> rules = new EnumMap<>(RuleKind.class);
      if (base != null) {
        for (Rule r : base.all()) {
          rules.put(r.kind(), r);
        }
      }
      Set<RuleKind> listed = new HashSet<>();
      if (doc.rules() != null) {
        for (Node n : doc.rules().getValue()) {
          Rule r = rule(n, listed);
          rules.put(r.kind(), r);
        }
      }
      if (base == null && listed.size() < RuleKind.values().length) {
        List<String> missing = new ArrayList<>();
        for (RuleKind k : RuleKind.values()) {
          if (!listed.contains(k)) {
            missing.add(k.ruleName());
          }
        }
        throw fail(
            doc.rules() == null ? doc.top() : doc.rules(),
            "rules missing from a complete rules file: " + String.join(", ", missing));
      }
      return new RuleSet(rules, source, doc.policy());
    }

    private Rule rule(Node n, Set<RuleKind> listed) {
      MappingNode m = mapping(n, "a rule");
      Map<String, NodeTuple> fields = new LinkedHashMap<>();
      Set<String> seen = new HashSet<>();
      for (NodeTuple t : m.getValue()) {
        String key = key(t, seen, "a rule");
        if (!RULE_FIELDS.contains(key)) {
          String name =
              fields.containsKey("name") ? " in rule " + scalarValue(fields.get("name")) : "";
          throw y.unknownField(t, key, name, RULE_FIELDS);
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
        throw fail(
            nameT.getValueNode(), "unknown rule '" + name + "' (known: " + RuleKind.names() + ")");
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
          throw fail(
              v,
              "unknown metric '"
                  + metric
                  + "' for "
                  + where
                  + ": it measures "
                  + kind.metric()
                  + " ("
                  + kind.measures()
                  + ")");
        }
      }
      boolean enabled = prior == null || prior.enabled();
      if (fields.containsKey("enabled")) {
        Node v = fields.get("enabled").getValueNode();
        ScalarNode s = scalar(v, "enabled");
        String b = s.getValue().strip().toLowerCase(Locale.ROOT);
        if (!s.getTag().equals(Tag.BOOL) || !(b.equals("true") || b.equals("false"))) {
          throw fail(
              v, "enabled must be true or false in " + where + ", not '" + s.getValue() + "'");
        }
        enabled = b.equals("true");
      }

      List<Rule.Threshold> thresholds = thresholds(kind, fields, prior, m, where);

      Duration window = prior == null ? null : prior.window();
      if (fields.containsKey("window")) {
        Node v = fields.get("window").getValueNode();
        if (!kind.windowed()) {
          throw fail(
              fields.get("window").getKeyNode(),
              where + " has no window (only " + windowedNames() + " aggregate over one)");
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

      Map<Level, List<Channel>> channels = prior == null ? null : prior.channels();
      if (fields.containsKey("channels")) {
        Map<Level, List<Channel>> c = new EnumMap<>(Level.class);
        if (channels != null) {
          c.putAll(channels);
        }
        c.putAll(y.channelsByLevel(fields.get("channels").getValueNode(), where));
        channels = c;
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
          throw fail(
              thresholdsT.getKeyNode(),
              where + ": give either 'thresholds' or 'level' with 'threshold', not both");
        }
        MappingNode tm = mapping(thresholdsT.getValueNode(), "thresholds of " + where);
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : tm.getValue()) {
          String lv = key(t, seen, "thresholds of " + where);
          Level level = Level.parse(lv);
          if (level == null) {
            throw fail(
                t.getKeyNode(),
                "unknown level '" + lv + "' in " + where + " (levels: CRITICAL, WARNING, INFO)");
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
            throw fail(
                levelT.getValueNode(),
                "unknown level '" + lv + "' in " + where + " (levels: CRITICAL, WARNING, INFO)");
          }
        } else if (prior != null && prior.thresholds().size() == 1) {
          level = prior.thresholds().get(0).level();
        } else {
          throw fail(
              thresholdT.getKeyNode(),
              where
                  + (prior == null ? " needs a level" : " has several levels")
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
        throw fail(
            m, where + " needs level and threshold, or thresholds: {CRITICAL: ..., WARNING: ...}");
      }
      out.sort((a, b) -> a.level().compareTo(b.level()));
      for (int i = 1; i < out.size(); i++) {
        Rule.Threshold more = out.get(i - 1);
        Rule.Threshold less = out.get(i);
        if (!(more.value() > less.value())) {
          Node at = thresholdsT != null ? thresholdsT.getValueNode() : m;
          throw fail(
              at,
              where
                  + ": the "
                  + more.level()
                  + " threshold ("
                  + kind.unit().format(more.value())
                  + ") must be above the "
                  + less.level()
                  + " threshold ("
                  + kind.unit().format(less.value())
                  + ")");
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
            throw fail(
                n,
                "the threshold of "
                    + where
                    + " is a number ("
                    + kind.measures()
                    + "), not '"
                    + v
                    + "'");
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
            throw fail(
                n, "the threshold of " + where + " is a percentage like 10%, not '" + v + "'");
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
      return y.duration(n, what);
    }

    private String key(NodeTuple t, Set<String> seen, String where) {
      return y.key(t, seen, where);
    }

    private MappingNode mapping(Node n, String what) {
      return y.mapping(n, what);
    }

    private ScalarNode scalar(Node n, String what) {
      return y.scalar(n, what);
    }

    private String string(Node n, String what) {
      return y.string(n, what);
    }

    private String scalarValue(NodeTuple t) {
      return t.getValueNode() instanceof ScalarNode s ? s.getValue() : "?";
    }

    private RuleFileException fail(Node n, String reason) {
      return y.fail(n, reason);
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
