package com.eros.pipelines.templates;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.eros.common.template.TemplateParameter.ParamType;
import com.eros.pipelines.templates.TemplatePipelines.TemplatePipeline;
import com.eros.tools.cli.template.TemplateMetadata;
import com.eros.tools.cli.template.TemplateParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The values of the {@code @TemplateParameter} annotations of every pipeline: the regexes accept
 * what a launch may pass (the default of an optional parameter, the example) and reject obviously
 * bad values; types and required-ness agree with the options.
 */
class TemplateParametersTest {

  /** Values no parameter accepts: they would split a line, run a command or end a quoted string. */
  private static final List<String> NEVER =
      List.of("x\ny", "a b;drop table x", "$(reboot)", "`id`", "' OR '1'='1", "\"", "x\u0000");

  /** Obviously bad values of particular options (every name must be an option of some pipeline). */
  private static final Map<String, List<String>> BAD =
      Map.ofEntries(
          Map.entry(
              "warehouse",
              List.of(
                  "duckdb:eros-local.duckdb",
                  "bigquery:p.d",
                  "not-a-warehouse",
                  "bigquery:my-project.")),
          Map.entry("jobId", List.of("-starts-with-a-dash", "x".repeat(129))),
          Map.entry(
              "now",
              List.of("2026-13-45T99:00:00Z", "2026-03-08 10:15", "2026-03-08T10:15:00+01:00", "")),
          Map.entry("asOf", List.of("2026-13-45T99:00:00Z", "yesterday", "")),
          Map.entry("executionDate", List.of("2026-13-45", "26-03-08", "")),
          Map.entry(
              "pagerDutyEventsUrl",
              List.of("http://events.pagerduty.com/v2/enqueue", "https://x.example/a b")),
          Map.entry(
              "slackWebhookSecret",
              List.of("eros-slack-webhook", "https://hooks.slack.com/services/T/B/X")),
          Map.entry("smtpPasswordSecret", List.of("hunter2")),
          Map.entry("mailTo", List.of("oncall at example dot com", "a@example.com;b@example.com")),
          Map.entry("mailFrom", List.of("eros-alerts@", "a@example.com, b@example.com")),
          Map.entry("smtpHost", List.of("smtp example com", "-smtp.example.com")),
          Map.entry("smtpTls", List.of("SSLv3", "NONE")),
          Map.entry("smtpPort", List.of("0", "", "smtp")),
          Map.entry("rules", List.of("/etc/eros/rules.yaml", "gs://")),
          Map.entry("saturationThreshold", List.of("101", "-1")),
          Map.entry("maxPageLossPercent", List.of("101")),
          Map.entry("deliveryAttempts", List.of("0", "11")),
          Map.entry("deliveryTimeoutSeconds", List.of("0", "121")),
          Map.entry("staleLockDays", List.of("0")),
          Map.entry("halfLifeDays", List.of("-14", "1e3")));

  static Stream<TemplatePipeline> pipelines() {
    return TemplatePipelines.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pipelines")
  void anOptionalParameterAcceptsItsDefaultAndEveryExampleFits(TemplatePipeline p) {
    List<String> problems = new ArrayList<>();
    for (TemplateParam t : TemplateMetadata.parameters(p.options())) {
      if (t.optional() && t.staticDefault() != null && !t.accepts(t.staticDefault())) {
        problems.add(
            t.name()
                + " rejects its default "
                + t.staticDefault()
                + ", which Dataflow uses when it is left out");
      }
      if (!t.example().isEmpty() && !t.accepts(t.example())) {
        problems.add(t.name() + " rejects its own example " + t.example());
      }
      boolean hasSample =
          !t.example().isEmpty() || (t.staticDefault() != null && !t.staticDefault().isEmpty());
      if (!hasSample) {
        problems.add(
            t.name() + " has neither an example nor a non-empty default to show what it accepts");
      }
    }
    assertThat(problems, empty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pipelines")
  void aRequiredParameterHasNoDefaultThatDataflowCouldUse(TemplatePipeline p) {
    for (TemplateParam t : TemplateMetadata.parameters(p.options())) {
      if (!t.optional() && t.staticDefault() != null) {
        assertThat(
            t.name()
                + "'s local default "
                + t.staticDefault()
                + " must not be a valid launch value",
            t.accepts(t.staticDefault()),
            is(false));
      }
    }
    TemplateParam warehouse =
        TemplateMetadata.parameters(p.options()).stream()
            .filter(t -> t.name().equals("warehouse"))
            .findFirst()
            .orElseThrow();
    assertThat("on Dataflow the warehouse must be given", warehouse.optional(), is(false));
    assertThat(warehouse.accepts("bigquery:my-project.eros_scheduling_brain"), is(true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pipelines")
  void theRegexesRejectObviouslyBadValues(TemplatePipeline p) {
    List<String> problems = new ArrayList<>();
    for (TemplateParam t : TemplateMetadata.parameters(p.options())) {
      List<String> bad = new ArrayList<>(NEVER);
      bad.addAll(BAD.getOrDefault(t.name(), List.of()));
      if (t.paramType() == ParamType.NUMBER) {
        bad.addAll(List.of("abc", "1,5", "NaN"));
      }
      if (t.paramType() == ParamType.BOOLEAN) {
        bad.addAll(List.of("maybe", "yes", "1"));
      }
      for (String b : bad) {
        if (t.accepts(b)) {
          problems.add(t.name() + " accepts " + b.replace("\n", "\\n"));
        }
      }
    }
    assertThat(problems, empty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pipelines")
  void theParamTypeFollowsTheJavaType(TemplatePipeline p) {
    for (TemplateParam t : TemplateMetadata.parameters(p.options())) {
      Class<?> c = t.type();
      ParamType expected =
          c == boolean.class || c == Boolean.class
              ? ParamType.BOOLEAN
              : c.isPrimitive() || Number.class.isAssignableFrom(c) ? ParamType.NUMBER : null;
      if (expected != null) {
        assertThat(t.name(), t.paramType(), equalTo(expected));
      } else {
        assertThat(t.name() + " is a String option", c, equalTo(String.class));
        assertThat(t.name(), t.paramType(), not(equalTo(ParamType.NUMBER)));
      }
    }
  }

  @Test
  void everyListedBadValueBelongsToAnOption() {
    Set<String> options = new TreeSet<>();
    TemplatePipelines.all()
        .forEach(p -> TemplateMetadata.parameters(p.options()).forEach(t -> options.add(t.name())));
    assertThat(
        new TreeSet<>(BAD.keySet()).stream().filter(k -> !options.contains(k)).toList(), empty());
  }
}
