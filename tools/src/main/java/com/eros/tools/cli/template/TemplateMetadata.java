package com.eros.tools.cli.template;

import com.eros.common.template.Template;
import com.eros.common.template.TemplateParameter;
import com.eros.pipelines.support.EtlPipeline;
import com.eros.tools.cli.Json;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.beans.Introspector;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/**
 * Generates a Flex Template's {@code metadata.json} from a pipeline: its {@link Template} and the
 * {@link TemplateParameter}s of its options interface. Every option of the interface (and of its
 * super-interfaces, except Beam's own) must be a template parameter or be marked {@link
 * TemplateParameter.LocalOnly}; a missing or malformed annotation is an {@link
 * IllegalStateException} naming the option.
 *
 * <p>Parameters are listed required first, then by the interface that declares them (the pipeline's
 * own, then its super-interfaces in declaration order), alphabetically within one.
 */
public final class TemplateMetadata {
  private TemplateMetadata() {}

  /**
   * Regex features that Dataflow's RE2 does not have: look-around, back-references, possessive
   * quantifiers.
   */
  private static final Pattern NOT_RE2 = Pattern.compile("\\(\\?[=!<]|\\\\[1-9]|[*+?}]\\+");

  /** The metadata of a pipeline, as a JSON tree. */
  public static ObjectNode of(EtlPipeline<?, ?> pipeline) {
    Template t = pipeline.getClass().getAnnotation(Template.class);
    if (t == null) {
      throw new IllegalStateException(
          pipeline.getClass().getName()
              + " has no @Template (name and description of its template)");
    }
    return of(t.name(), t.description(), pipeline.optionsClass());
  }

  /** The metadata of a template with this name, description and options interface. */
  public static ObjectNode of(
      String name, String description, Class<? extends PipelineOptions> options) {
    ObjectNode root = Json.object();
    root.put("name", name);
    root.put("description", description);
    ArrayNode params = root.putArray("parameters");
    for (TemplateParam p : parameters(options)) {
      ObjectNode n = params.addObject();
      n.put("name", p.name());
      n.put("label", p.label());
      n.put("helpText", helpText(p));
      n.put("isOptional", p.optional());
      ArrayNode rs = n.putArray("regexes");
      p.regexes().forEach(rs::add);
      n.put("paramType", p.paramType().name());
    }
    return root;
  }

  /** The text of {@code templates/<pipeline>/metadata.json}. */
  public static String render(EtlPipeline<?, ?> pipeline) {
    return Json.pretty(of(pipeline));
  }

  /**
   * The help text as written: the annotation's (or the description), then the default and an
   * example.
   */
  static String helpText(TemplateParam p) {
    StringBuilder sb = new StringBuilder(p.helpText());
    if (p.optional() && p.staticDefault() != null && !p.staticDefault().isEmpty()) {
      sb.append(" (Default: ").append(p.staticDefault()).append(')');
    }
    if (!p.example().isEmpty() && !p.helpText().contains(p.example())) {
      sb.append(" (Example: ").append(p.example()).append(')');
    }
    return sb.toString();
  }

  /**
   * Each templated pipeline's parameters, by its command name (what schedules.yaml is checked
   * with).
   */
  public static Map<String, List<TemplateParam>> parametersByCommand(
      List<EtlPipeline<?, ?>> pipelines) {
    Map<String, List<TemplateParam>> out = new LinkedHashMap<>();
    for (EtlPipeline<?, ?> p : pipelines) {
      out.put(p.command(), parameters(p.optionsClass()));
    }
    return out;
  }

  /** The template parameters of an options interface, in the order the metadata lists them. */
  public static List<TemplateParam> parameters(Class<? extends PipelineOptions> options) {
    List<Class<?>> order = interfaces(options);
    Map<String, TemplateParam> byName = new LinkedHashMap<>();
    for (Method m : options.getMethods()) {
      String prop = property(m);
      if (prop == null) {
        continue;
      }
      TemplateParam p = parameter(options, m, prop);
      if (p == null) {
        continue;
      }
      TemplateParam earlier = byName.putIfAbsent(prop, p);
      if (earlier != null && !earlier.equals(p)) {
        throw new IllegalStateException(
            where(options, m, prop) + " is declared twice with different annotations");
      }
    }
    List<TemplateParam> out = new ArrayList<>(byName.values());
    out.sort(
        Comparator.comparing((TemplateParam p) -> p.optional())
            .thenComparing(p -> order.indexOf(p.declaredIn()))
            .thenComparing(TemplateParam::name));
    return out;
  }

  /** The option's parameter; null for a local-only option. */
  private static TemplateParam parameter(Class<?> options, Method m, String prop) {
    TemplateParameter a = m.getAnnotation(TemplateParameter.class);
    TemplateParameter.LocalOnly local = m.getAnnotation(TemplateParameter.LocalOnly.class);
    String where = where(options, m, prop);
    if (a == null && local == null) {
      throw new IllegalStateException(
          where
              + " has neither @TemplateParameter nor @TemplateParameter.LocalOnly: "
              + "say how it appears on Dataflow, or that it does not");
    }
    if (a != null && local != null) {
      throw new IllegalStateException(
          where + " has both @TemplateParameter and @TemplateParameter.LocalOnly");
    }
    if (local != null) {
      if (local.value().isBlank()) {
        throw new IllegalStateException(where + ": @TemplateParameter.LocalOnly needs a reason");
      }
      if (m.isAnnotationPresent(Validation.Required.class)) {
        throw new IllegalStateException(
            where + " is @Validation.Required, so it cannot be local-only");
      }
      return null;
    }
    Description d = m.getAnnotation(Description.class);
    String help = !a.helpText().isBlank() ? a.helpText() : d == null ? "" : d.value();
    if (a.label().isBlank()) {
      throw new IllegalStateException(where + ": @TemplateParameter has no label");
    }
    if (help.isBlank()) {
      throw new IllegalStateException(
          where + ": no help text (@TemplateParameter.helpText or @Description)");
    }
    if (a.regexes().length == 0) {
      throw new IllegalStateException(where + ": @TemplateParameter has no regexes");
    }
    for (String r : a.regexes()) {
      if (!r.startsWith("^") || !r.endsWith("$")) {
        throw new IllegalStateException(where + ": regex " + r + " is not anchored ^...$");
      }
      if (NOT_RE2.matcher(r).find()) {
        throw new IllegalStateException(
            where + ": regex " + r + " uses a feature RE2 (Dataflow) does not have");
      }
      try {
        Pattern.compile(r);
      } catch (PatternSyntaxException e) {
        throw new IllegalStateException(
            where + ": regex " + r + " does not compile: " + e.getDescription(), e);
      }
    }
    if (a.optional() && m.isAnnotationPresent(Validation.Required.class)) {
      throw new IllegalStateException(
          where + " is @Validation.Required but its @TemplateParameter is optional");
    }
    return new TemplateParam(
        prop,
        a.label(),
        help,
        a.optional(),
        List.of(a.regexes()),
        a.paramType(),
        a.example(),
        staticDefault(m),
        m.getReturnType(),
        m.getDeclaringClass());
  }

  /** Beam's property name of a getter of a non-Beam options interface; null for anything else. */
  private static String property(Method m) {
    Class<?> owner = m.getDeclaringClass();
    if (owner.getName().startsWith("org.apache.beam.")
        || m.getParameterCount() != 0
        || Modifier.isStatic(m.getModifiers())
        || m.isDefault()
        || m.isAnnotationPresent(JsonIgnore.class)) {
      return null;
    }
    String n = m.getName();
    if (n.startsWith("get") && n.length() > 3) {
      return Introspector.decapitalize(n.substring(3));
    }
    if (n.startsWith("is")
        && n.length() > 2
        && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
      return Introspector.decapitalize(n.substring(2));
    }
    return null;
  }

  /**
   * The value of a static {@code @Default.*} as text; null when there is none (or it is computed).
   */
  private static String staticDefault(Method m) {
    for (Annotation a : m.getAnnotations()) {
      if (a.annotationType().getEnclosingClass() != Default.class
          || a instanceof Default.InstanceFactory) {
        continue;
      }
      try {
        Object v = a.annotationType().getMethod("value").invoke(a);
        return v instanceof Class<?> c ? c.getName() : String.valueOf(v);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + a, e);
      }
    }
    return null;
  }

  /**
   * The interface and its non-Beam super-interfaces: itself first, then depth-first in declaration
   * order.
   */
  private static List<Class<?>> interfaces(Class<?> options) {
    Set<Class<?>> out = new LinkedHashSet<>();
    collect(options, out);
    return new ArrayList<>(out);
  }

  private static void collect(Class<?> c, Set<Class<?>> out) {
    if (c.getName().startsWith("org.apache.beam.") || !out.add(c)) {
      return;
    }
    for (Class<?> s : c.getInterfaces()) {
      collect(s, out);
    }
  }

  private static String where(Class<?> options, Method m, String prop) {
    return "option '"
        + prop
        + "' of "
        + options.getSimpleName()
        + (m.getDeclaringClass() == options
            ? ""
            : " (declared in " + m.getDeclaringClass().getSimpleName() + ")");
  }
}
