package com.eros.pipelines.templates;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Compares a Flex Template metadata file with the options interface of its pipeline and returns
 * every disagreement (empty when they agree). The rules:
 * <ul>
 *   <li>the file has a name and a description; every parameter has a name, label, helpText,
 *       an explicit isOptional, at least one regex (anchored ^...$) and, when given, a paramType
 *       of the Dataflow API; no field the API does not know;
 *   <li>every parameter is an option of the interface, under Beam's name for it;
 *   <li>every option is a parameter, unless the pipeline lists it as local-only;
 *   <li>an option marked {@code @Validation.Required} is a parameter that is not optional;
 *   <li>the regexes accept a good sample of the parameter's kind and reject an obviously bad one;
 *   <li>an optional parameter's regexes accept the option's {@code @Default} (Dataflow uses it
 *       when the parameter is left out). A parameter the template makes required (e.g. warehouse,
 *       whose local default means nothing on Dataflow) may reject the local default.
 * </ul>
 */
final class MetadataCheck {
  /** ParameterMetadata.ParamType values of the Dataflow v1b3 API. */
  static final Set<String> PARAM_TYPES = Set.of(
      "DEFAULT", "TEXT", "GCS_READ_BUCKET", "GCS_WRITE_BUCKET", "GCS_READ_FILE", "GCS_WRITE_FILE", "GCS_READ_FOLDER",
      "GCS_WRITE_FOLDER", "PUBSUB_TOPIC", "PUBSUB_SUBSCRIPTION", "BIGQUERY_TABLE", "JAVASCRIPT_UDF_FILE", "SERVICE_ACCOUNT",
      "MACHINE_TYPE", "KMS_KEY_NAME", "WORKER_REGION", "WORKER_ZONE", "BOOLEAN", "ENUM", "NUMBER", "KAFKA_TOPIC",
      "KAFKA_READ_TOPIC", "KAFKA_WRITE_TOPIC");
  /** Fields of ParameterMetadata and TemplateMetadata in the Dataflow v1b3 API. */
  static final Set<String> PARAMETER_FIELDS = Set.of(
      "name", "label", "helpText", "isOptional", "regexes", "paramType", "defaultValue", "groupName", "hiddenUi",
      "parentName", "parentTriggerValues", "enumOptions", "customMetadata");
  static final Set<String> TEMPLATE_FIELDS = Set.of(
      "name", "description", "parameters", "streaming", "supportsAtLeastOnce", "supportsExactlyOnce", "defaultStreamingMode",
      "yamlDefinition");
  /** Regex features that Dataflow's RE2 does not have (look-around, back-references, possessive quantifiers). */
  private static final Pattern NOT_RE2 = Pattern.compile("\\(\\?[=!<]|\\\\[1-9]|[*+?}]\\+");

  private MetadataCheck() {}

  static List<String> problems(
      Class<? extends PipelineOptions> optionsClass, JsonNode metadata, Map<String, SampleKind> stringKinds, Set<String> localOnly) {
    List<String> p = new ArrayList<>();
    Map<String, OptionSpec> options = OptionSpec.of(optionsClass);
    String iface = optionsClass.getSimpleName();
    if (metadata == null || !metadata.isObject()) {
      p.add("metadata is not a JSON object");
      return p;
    }
    unknownFields(metadata, TEMPLATE_FIELDS, "metadata", p);
    text(metadata, "name", "metadata", p);
    text(metadata, "description", "metadata", p);
    JsonNode params = metadata.get("parameters");
    if (params == null || !params.isArray() || params.isEmpty()) {
      p.add("metadata has no parameters");
      return p;
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode param : params) {
      String name = param.path("name").asText("");
      String where = "parameter '" + name + "'";
      if (name.isEmpty()) {
        p.add("a parameter has no name");
        continue;
      }
      if (!seen.add(name)) {
        p.add(where + " is listed twice");
      }
      unknownFields(param, PARAMETER_FIELDS, where, p);
      text(param, "label", where, p);
      text(param, "helpText", where, p);
      JsonNode optional = param.get("isOptional");
      if (optional == null || !optional.isBoolean()) {
        p.add(where + " has no boolean isOptional");
      }
      boolean isOptional = optional != null && optional.asBoolean();
      JsonNode type = param.get("paramType");
      if (type != null && !PARAM_TYPES.contains(type.asText())) {
        p.add(where + " has paramType " + type + ", not one of the Dataflow API's");
      }
      List<Pattern> regexes = regexes(param, where, p);
      OptionSpec option = options.get(name);
      if (option == null) {
        p.add(where + " is not an option of " + iface + " (options: " + options.keySet() + ")");
        continue;
      }
      if (localOnly.contains(name)) {
        p.add(where + " is listed as local-only but is a template parameter");
      }
      if (option.required() && isOptional) {
        p.add(where + ": the option is @Validation.Required but the parameter is marked optional");
      }
      SampleKind kind = SampleKind.ofType(option.type());
      if (kind == null) {
        kind = stringKinds.get(name);
      }
      if (kind == null) {
        p.add(where + ": no sample kind for this " + option.type().getSimpleName() + " option (list it in TemplatePipelines)");
      } else if (!regexes.isEmpty()) {
        if (!matchesAll(regexes, kind.good)) {
          p.add(where + ": regexes reject the good " + kind + " sample '" + kind.good + "'");
        }
        if (matchesAll(regexes, kind.bad)) {
          p.add(where + ": regexes accept the obviously bad " + kind + " value '" + kind.bad + "'");
        }
      }
      if (isOptional && option.defaultValue() != null && !regexes.isEmpty() && !matchesAll(regexes, option.defaultValue())) {
        p.add(where + ": regexes reject the option's default '" + option.defaultValue() + "' of an optional parameter");
      }
    }
    for (OptionSpec o : options.values()) {
      boolean listed = seen.contains(o.name());
      if (o.required() && !listed) {
        p.add("required option '" + o.name() + "' of " + iface + " is not a parameter");
      } else if (!listed && !localOnly.contains(o.name())) {
        p.add("option '" + o.name() + "' of " + iface + " is not a parameter (add it, or list it as local-only)");
      }
    }
    return p;
  }

  static boolean matchesAll(List<Pattern> regexes, String value) {
    return regexes.stream().allMatch(r -> r.matcher(value).matches());
  }

  static List<Pattern> regexes(JsonNode param, String where, List<String> p) {
    List<Pattern> out = new ArrayList<>();
    JsonNode rs = param.get("regexes");
    if (rs == null || !rs.isArray() || rs.isEmpty()) {
      p.add(where + " has no regexes");
      return out;
    }
    for (JsonNode r : rs) {
      String s = r.asText("");
      if (!s.startsWith("^") || !s.endsWith("$")) {
        p.add(where + ": regex " + s + " is not anchored ^...$");
      }
      if (NOT_RE2.matcher(s).find()) {
        p.add(where + ": regex " + s + " uses a feature RE2 (Dataflow) does not have");
      }
      try {
        out.add(Pattern.compile(s));
      } catch (PatternSyntaxException e) {
        p.add(where + ": regex " + s + " does not compile: " + e.getDescription());
      }
    }
    return out;
  }

  private static void text(JsonNode node, String field, String where, List<String> p) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      p.add(where + " has no " + field);
    }
  }

  private static void unknownFields(JsonNode node, Set<String> known, String where, List<String> p) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        p.add(where + " has field '" + f + "' that the Dataflow API does not know");
      }
    }
  }
}
