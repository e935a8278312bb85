package com.eros.tools.cli.deploy;

import com.eros.pipelines.support.UsageException;
import com.eros.tools.cli.template.TemplateParam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code templates/schedules.yaml} with SnakeYAML into {@link ScheduledJob}s. The file has
 * {@code defaults:} and {@code jobs:} (one per pipeline); a job's setting falls back to the same
 * key under {@code defaults:}. {@code ${PROJECT}}, {@code ${REGION}}, {@code ${BUCKET}} and {@code
 * ${DATASET}} are filled in from the deploy settings. Every mistake is one {@link UsageException}
 * that names the file and the key, and says what is allowed.
 */
public final class ScheduleFile {
  private ScheduleFile() {}

  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
  private static final Set<String> TOP = keys("defaults", "jobs");
  private static final Set<String> JOB =
      keys(
          "description",
          "jobName",
          "cron",
          "region",
          "scheduler",
          "retry",
          "environment",
          "parameters");
  private static final Set<String> SCHEDULER =
      keys("serviceAccount", "timeZone", "attemptDeadline");
  private static final Set<String> RETRY =
      keys("maxRetryAttempts", "maxRetryDuration", "minBackoff", "maxBackoff", "maxDoublings");
  private static final Set<String> ENVIRONMENT =
      keys(
          "serviceAccountEmail",
          "tempLocation",
          "stagingLocation",
          "numWorkers",
          "maxWorkers",
          "machineType");
  private static final Map<String, Set<String>> SECTIONS = new LinkedHashMap<>();

  static {
    SECTIONS.put("scheduler", SCHEDULER);
    SECTIONS.put("retry", RETRY);
    SECTIONS.put("environment", ENVIRONMENT);
  }

  /**
   * The jobs of a schedules file, in file order.
   *
   * @param source the file's name, for messages
   * @param placeholders the value of each {@code ${NAME}}
   * @param templates each pipeline's template parameters, by pipeline name: the jobs allowed, and
   *     the parameters each may pass
   */
  public static List<ScheduledJob> parse(
      String yaml,
      String source,
      Map<String, String> placeholders,
      Map<String, List<TemplateParam>> templates) {
    Object tree;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(10);
      tree = new Yaml(new SafeConstructor(options)).load(yaml);
    } catch (MarkedYAMLException e) {
      String where =
          e.getProblemMark() == null ? "" : " line " + (e.getProblemMark().getLine() + 1);
      throw new UsageException(source + where + ": not valid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      throw new UsageException(source + ": not valid YAML: " + firstLine(e.getMessage()));
    }
    Reader r = new Reader(source, placeholders);
    Map<String, Object> top = r.map(tree, "");
    r.only(top, TOP, "");
    Map<String, Object> defaults =
        top.containsKey("defaults") ? r.map(top.get("defaults"), "defaults") : Map.of();
    r.section(defaults, "defaults");
    Map<String, Object> jobs = r.map(top.get("jobs"), "jobs");
    if (jobs.isEmpty()) {
      throw new UsageException(
          source
              + ": jobs: lists no pipeline (pipelines: "
              + String.join(", ", templates.keySet())
              + ")");
    }
    List<ScheduledJob> out = new ArrayList<>();
    Set<String> jobNames = new TreeSet<>();
    for (Map.Entry<String, Object> e : jobs.entrySet()) {
      String pipeline = e.getKey();
      String at = "jobs." + pipeline;
      if (!templates.containsKey(pipeline)) {
        throw new UsageException(
            source
                + ": jobs: "
                + Values.show(pipeline)
                + " is not a pipeline (pipelines: "
                + String.join(", ", templates.keySet())
                + ")");
      }
      Map<String, Object> job = r.map(e.getValue(), at);
      r.section(job, at);
      ScheduledJob j = r.job(pipeline, job, defaults, templates.get(pipeline));
      if (!jobNames.add(j.jobName())) {
        throw new UsageException(
            source
                + ": "
                + at
                + ".jobName: "
                + Values.show(j.jobName())
                + " is the jobName of another job; "
                + "each pipeline needs its own");
      }
      out.add(j);
    }
    return out;
  }

  /** Walks the tree, naming the key of every mistake. */
  private static final class Reader {
    private final String source;
    private final Map<String, String> placeholders;

    Reader(String source, Map<String, String> placeholders) {
      this.source = source;
      this.placeholders = placeholders;
    }

    private UsageException error(String path, String problem) {
      return new UsageException(source + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(Object node, String path) {
      if (node == null) {
        throw error(path.isEmpty() ? "the file" : path, "is empty; expected a map of settings");
      }
      if (!(node instanceof Map<?, ?> m)) {
        throw error(
            path.isEmpty() ? "the file" : path, "expected a map of settings, found " + kind(node));
      }
      for (Object k : m.keySet()) {
        if (!(k instanceof String name) || !KEY.matcher(name).matches()) {
          throw error(
              path.isEmpty() ? "the file" : path,
              "key "
                  + Values.show(String.valueOf(k))
                  + " is not a name (letters, digits, '_' and '-', starting with a letter)");
        }
      }
      return (Map<String, Object>) m;
    }

    void only(Map<String, Object> m, Set<String> allowed, String path) {
      for (String k : m.keySet()) {
        if (!allowed.contains(k)) {
          throw error(
              join(path, k), "unknown key (allowed here: " + String.join(", ", allowed) + ")");
        }
      }
    }

    /** A job's or the defaults' keys, and the keys of their sections. */
    void section(Map<String, Object> m, String path) {
      only(m, JOB, path);
      for (Map.Entry<String, Set<String>> s : SECTIONS.entrySet()) {
        if (m.containsKey(s.getKey())) {
          only(
              map(m.get(s.getKey()), join(path, s.getKey())), s.getValue(), join(path, s.getKey()));
        }
      }
      if (m.containsKey("parameters")) {
        map(m.get("parameters"), join(path, "parameters"));
      }
    }

    ScheduledJob job(
        String pipeline,
        Map<String, Object> job,
        Map<String, Object> defaults,
        List<TemplateParam> params) {
      Setting s = new Setting(pipeline, job, defaults);
      String description =
          Values.require(s.where("description"), text(s, "description"), Values.DESCRIPTION);
      String jobName = Values.require(s.where("jobName"), text(s, "jobName"), Values.JOB_NAME);
      String cron = Values.require(s.where("cron"), text(s, "cron"), Values.CRON);
      String region = Values.require(s.where("region"), text(s, "region"), Values.REGION);
      ScheduledJob.Scheduler scheduler =
          new ScheduledJob.Scheduler(
              Values.require(
                  s.where("scheduler.serviceAccount"),
                  text(s, "scheduler.serviceAccount"),
                  Values.SERVICE_ACCOUNT),
              Values.requireZone(s.where("scheduler.timeZone"), text(s, "scheduler.timeZone")),
              Values.require(
                  s.where("scheduler.attemptDeadline"),
                  text(s, "scheduler.attemptDeadline"),
                  Values.DURATION));
      ScheduledJob.Retry retry =
          new ScheduledJob.Retry(
              Values.requireInt(
                  s.where("retry.maxRetryAttempts"), s.get("retry.maxRetryAttempts"), 0, 5),
              Values.require(
                  s.where("retry.maxRetryDuration"),
                  text(s, "retry.maxRetryDuration"),
                  Values.DURATION),
              Values.require(
                  s.where("retry.minBackoff"), text(s, "retry.minBackoff"), Values.DURATION),
              Values.require(
                  s.where("retry.maxBackoff"), text(s, "retry.maxBackoff"), Values.DURATION),
              Values.requireInt(s.where("retry.maxDoublings"), s.get("retry.maxDoublings"), 0, 16));
      int numWorkers =
          Values.requireInt(
              s.where("environment.numWorkers"), s.get("environment.numWorkers"), 1, 1000);
      int maxWorkers =
          Values.requireInt(
              s.where("environment.maxWorkers"), s.get("environment.maxWorkers"), 1, 1000);
      if (maxWorkers < numWorkers) {
        throw error(
            s.where("environment.maxWorkers"),
            maxWorkers + " is less than environment.numWorkers " + numWorkers);
      }
      ScheduledJob.Environment environment =
          new ScheduledJob.Environment(
              Values.require(
                  s.where("environment.serviceAccountEmail"),
                  text(s, "environment.serviceAccountEmail"),
                  Values.SERVICE_ACCOUNT),
              Values.require(
                  s.where("environment.tempLocation"),
                  text(s, "environment.tempLocation"),
                  Values.GCS_PATH),
              Values.require(
                  s.where("environment.stagingLocation"),
                  text(s, "environment.stagingLocation"),
                  Values.GCS_PATH),
              numWorkers,
              maxWorkers,
              Values.require(
                  s.where("environment.machineType"),
                  text(s, "environment.machineType"),
                  Values.MACHINE_TYPE));
      return new ScheduledJob(
          pipeline,
          description,
          jobName,
          cron,
          region,
          scheduler,
          retry,
          environment,
          parameters(pipeline, job, defaults, params));
    }

    /**
     * Defaults' parameters, then the job's own over them; each a parameter of the template with a
     * value it accepts.
     */
    private Map<String, String> parameters(
        String pipeline,
        Map<String, Object> job,
        Map<String, Object> defaults,
        List<TemplateParam> params) {
      Map<String, TemplateParam> byName = new LinkedHashMap<>();
      params.forEach(p -> byName.put(p.name(), p));
      Map<String, String> out = new LinkedHashMap<>();
      for (String scope : List.of("defaults", "jobs." + pipeline)) {
        Map<String, Object> m = scope.equals("defaults") ? defaults : job;
        if (!m.containsKey("parameters")) {
          continue;
        }
        for (Map.Entry<String, Object> e :
            map(m.get("parameters"), scope + ".parameters").entrySet()) {
          String where = scope + ".parameters." + e.getKey();
          TemplateParam p = byName.get(e.getKey());
          if (p == null) {
            throw error(
                where,
                "not a parameter of the "
                    + pipeline
                    + " template (parameters: "
                    + String.join(", ", byName.keySet())
                    + ")");
          }
          String value = scalar(e.getValue(), where);
          if (!p.accepts(value)) {
            throw error(
                where,
                Values.show(value)
                    + " does not match the parameter's regexes "
                    + p.regexes()
                    + " ("
                    + p.label()
                    + ")");
          }
          out.put(e.getKey(), value);
        }
      }
      for (TemplateParam p : params) {
        if (!p.optional() && !out.containsKey(p.name())) {
          throw new UsageException(
              source
                  + ": jobs."
                  + pipeline
                  + ".parameters."
                  + p.name()
                  + " is not set (nor defaults.parameters."
                  + p.name()
                  + "); the template requires it ("
                  + p.label()
                  + ")");
        }
      }
      return out;
    }

    private String text(Setting s, String path) {
      return scalar(s.get(path), s.where(path));
    }

    /** A scalar as text, placeholders filled in; maps, lists, dates and nulls are refused. */
    private String scalar(Object v, String where) {
      if (v instanceof String str) {
        return fill(str, where);
      }
      if (v instanceof Integer
          || v instanceof Long
          || v instanceof Boolean
          || v instanceof java.math.BigInteger) {
        return String.valueOf(v);
      }
      if (v instanceof Double d && !d.isNaN() && !d.isInfinite()) {
        return String.valueOf(v);
      }
      throw error(
          where,
          "expected a single value, found "
              + kind(v)
              + (v instanceof java.util.Date ? " (quote it)" : ""));
    }

    private String fill(String v, String where) {
      String out = v;
      for (Map.Entry<String, String> p : placeholders.entrySet()) {
        out = out.replace("${" + p.getKey() + "}", p.getValue());
      }
      if (out.contains("${")) {
        throw error(
            where,
            Values.show(v)
                + " has an unknown placeholder (known: "
                + String.join(" ", placeholders.keySet().stream().map(k -> "${" + k + "}").toList())
                + ")");
      }
      return out;
    }

    private static String kind(Object v) {
      if (v == null) {
        return "nothing";
      }
      if (v instanceof Map) {
        return "a map";
      }
      if (v instanceof List) {
        return "a list";
      }
      if (v instanceof java.util.Date) {
        return "a date";
      }
      return "a " + v.getClass().getSimpleName();
    }

    /** A job's setting at a dotted path, else the defaults' one. */
    private final class Setting {
      private final String pipeline;
      private final Map<String, Object> job;
      private final Map<String, Object> defaults;

      Setting(String pipeline, Map<String, Object> job, Map<String, Object> defaults) {
        this.pipeline = pipeline;
        this.job = job;
        this.defaults = defaults;
      }

      Object get(String path) {
        Object v = at(job, path);
        if (v == null) {
          v = at(defaults, path);
        }
        if (v == null) {
          throw new UsageException(
              source
                  + ": jobs."
                  + pipeline
                  + "."
                  + path
                  + " is not set (nor defaults."
                  + path
                  + ")");
        }
        return v;
      }

      /** Where a value came from: the job's key when it has it, else the defaults'. */
      String where(String path) {
        return at(job, path) != null || at(defaults, path) == null
            ? "jobs." + pipeline + "." + path
            : "defaults." + path;
      }

      private static Object at(Map<String, Object> m, String path) {
        Object cur = m;
        for (String part : path.split("\\.")) {
          if (!(cur instanceof Map<?, ?> map)) {
            return null;
          }
          cur = map.get(part);
        }
        return cur;
      }
    }
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static Set<String> keys(String... names) {
    return new LinkedHashSet<>(List.of(names));
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
