package com.eros.pipelines.templates;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.eros.pipelines.templates.TemplatePipelines.TemplatePipeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** templates/NAME/metadata.json against each pipeline's options, and the checker itself. */
class TemplateMetadataTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<TemplatePipeline> pipelines() {
    return TemplatePipelines.all().stream();
  }

  // ---- each shipped template -------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("pipelines")
  void metadataAgreesWithTheOptionsInterface(TemplatePipeline p) throws Exception {
    JsonNode metadata = JSON.readTree(Files.readString(p.metadataFile()));
    List<String> problems = MetadataCheck.problems(p.options(), metadata, p.stringKinds(), p.localOnly());
    assertThat(p.metadataFile() + " disagrees with " + p.options().getSimpleName() + ":\n  " + String.join("\n  ", problems),
        problems, empty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pipelines")
  void theScheduledLaunchPassesEveryRequiredParameterAndOnlyValidValues(TemplatePipeline p) throws Exception {
    Schedules schedules = Schedules.load();
    assertThat(p.name() + " in schedules.yaml", schedules.jobs().containsKey(p.name()), is(true));
    assertThat(String.valueOf(schedules.setting(p.name(), "mainClass")), equalTo(p.mainClass()));
    JsonNode metadata = JSON.readTree(Files.readString(p.metadataFile()));
    Map<String, Object> launched = schedules.merged(p.name(), "parameters");
    for (JsonNode param : metadata.get("parameters")) {
      String name = param.get("name").asText();
      Object raw = launched.get(name);
      if (raw == null) {
        assertThat(name + " is required by the template, so the schedule must pass it", param.get("isOptional").asBoolean(), is(true));
        continue;
      }
      String value = String.valueOf(raw).replace("${PROJECT}", DeployScriptTest.PROJECT).replace("${DATASET}", "eros_scheduling_brain");
      List<Pattern> regexes = MetadataCheck.regexes(param, name, new ArrayList<>());
      assertThat(name + "=" + value + " must satisfy the template's regexes", MetadataCheck.matchesAll(regexes, value), is(true));
    }
    Set<String> names = new TreeSet<>();
    metadata.get("parameters").forEach(n -> names.add(n.get("name").asText()));
    for (String k : launched.keySet()) {
      assertThat("schedules.yaml passes " + k + " to " + p.name(), names, hasItem(k));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pipelines")
  void theMainClassIsAPublicStaticMain(TemplatePipeline p) throws Exception {
    Method main = Class.forName(p.mainClass()).getMethod("main", String[].class);
    assertThat(Modifier.isStatic(main.getModifiers()) && Modifier.isPublic(main.getModifiers()), is(true));
  }

  @Test
  void everyScheduledJobIsAListedTemplate() {
    Set<String> listed = new TreeSet<>();
    TemplatePipelines.all().forEach(p -> listed.add(p.name()));
    assertThat(listed, equalTo(new TreeSet<>(Schedules.load().jobs().keySet())));
  }

  // ---- the checker catches each kind of disagreement -------------------------------------

  @Test
  void theCheckerAcceptsAFileThatAgrees() throws Exception {
    assertThat(check(NONE), empty());
  }

  @Test
  void aParameterThatIsNotAnOptionIsCaught() throws Exception {
    assertThat(check(m -> params(m).add(param("notAnOption", false, "^.+$"))),
        hasItem(containsString("parameter 'notAnOption' is not an option of FixtureOptions")));
    // Beam's name is the getter's without "get", first letter lower-cased: a capitalised one is not it.
    assertThat(check(m -> param(m, "saturationThreshold").put("name", "SaturationThreshold")),
        hasItem(containsString("parameter 'SaturationThreshold' is not an option")));
  }

  @Test
  void aRequiredOptionMissingOrMarkedOptionalIsCaught() throws Exception {
    assertThat(check(m -> remove(m, "executionDate")),
        hasItem(containsString("required option 'executionDate' of FixtureOptions is not a parameter")));
    assertThat(check(m -> param(m, "executionDate").put("isOptional", true)),
        hasItem(containsString("'executionDate': the option is @Validation.Required but the parameter is marked optional")));
  }

  @Test
  void anOptionLeftOutOfTheTemplateIsCaught() throws Exception {
    assertThat(check(m -> remove(m, "dryRun")), hasItem(containsString("option 'dryRun' of FixtureOptions is not a parameter")));
  }

  @Test
  void aRegexThatRejectsTheDefaultOrAcceptsABadValueIsCaught() throws Exception {
    assertThat(check(m -> regex(m, "saturationThreshold", "^[0-9]{3}$")),
        hasItem(containsString("regexes reject the option's default '80' of an optional parameter")));
    assertThat(check(m -> regex(m, "saturationThreshold", "^.*$")), hasItem(containsString("accept the obviously bad INTEGER value 'abc'")));
    assertThat(check(m -> regex(m, "executionDate", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
        hasItem(containsString("accept the obviously bad DATE value '2026-13-45'")));
    assertThat(check(m -> regex(m, "warehouse", "^[a-z-]+(:.+)?$")),
        hasItem(containsString("accept the obviously bad BIGQUERY_WAREHOUSE value")));
    assertThat(check(m -> regex(m, "dryRun", "^(true|false)")), hasItem(containsString("is not anchored")));
  }

  @Test
  void missingTextsUnknownFieldsAndWrongTypesAreCaught() throws Exception {
    assertThat(check(m -> param(m, "jobId").remove("label")), hasItem(containsString("parameter 'jobId' has no label")));
    assertThat(check(m -> param(m, "jobId").remove("helpText")), hasItem(containsString("parameter 'jobId' has no helpText")));
    assertThat(check(m -> param(m, "jobId").remove("isOptional")), hasItem(containsString("has no boolean isOptional")));
    assertThat(check(m -> param(m, "jobId").put("helptext", "x")), hasItem(containsString("field 'helptext' that the Dataflow API does not know")));
    assertThat(check(m -> param(m, "dryRun").put("paramType", "BOOL")), hasItem(containsString("paramType \"BOOL\"")));
    assertThat(check(m -> ((ObjectNode) m).remove("description")), hasItem(containsString("metadata has no description")));
  }

  @Test
  void aStringOptionWithoutASampleKindIsCaught() throws Exception {
    JsonNode m = fixture();
    List<String> problems = MetadataCheck.problems(FixtureOptions.class, m, TemplatePipelines.kinds(), Set.of());
    assertThat(problems, hasItem(containsString("'executionDate': no sample kind for this String option")));
  }

  private static List<String> check(Consumer<JsonNode> change) throws Exception {
    JsonNode m = fixture();
    change.accept(m);
    List<String> problems =
        MetadataCheck.problems(FixtureOptions.class, m, TemplatePipelines.kinds("executionDate", SampleKind.DATE), Set.of());
    assertThat("the unchanged fixture agrees, so any problem comes from the change", problems, change == NONE ? empty() : not(empty()));
    return problems;
  }

  private static final Consumer<JsonNode> NONE = m -> {};

  private static JsonNode fixture() throws Exception {
    try (InputStream in = TemplateMetadataTest.class.getResourceAsStream("fixture-metadata.json")) {
      return JSON.readTree(in);
    }
  }

  private static ArrayNode params(JsonNode m) {
    return (ArrayNode) m.get("parameters");
  }

  private static ObjectNode param(JsonNode m, String name) {
    for (JsonNode p : params(m)) {
      if (p.get("name").asText().equals(name)) {
        return (ObjectNode) p;
      }
    }
    throw new AssertionError("fixture has no parameter " + name);
  }

  private static ObjectNode param(String name, boolean optional, String regex) {
    ObjectNode p = JSON.createObjectNode();
    p.put("name", name).put("label", name).put("helpText", name).put("isOptional", optional);
    p.putArray("regexes").add(regex);
    return p;
  }

  private static void remove(JsonNode m, String name) {
    ArrayNode ps = params(m);
    for (int i = 0; i < ps.size(); i++) {
      if (ps.get(i).get("name").asText().equals(name)) {
        ps.remove(i);
        return;
      }
    }
  }

  private static void regex(JsonNode m, String name, String regex) {
    ObjectNode p = param(m, name);
    p.putArray("regexes").add(regex);
  }
}
