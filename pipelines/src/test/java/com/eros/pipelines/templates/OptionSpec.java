package com.eros.pipelines.templates;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.beans.Introspector;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Hidden;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/**
 * One option of a pipeline's options interface, as Beam sees it: the property name of its getter
 * (getFooBar -> fooBar), its type, its static default (from {@code @Default.*}, as text), whether
 * {@code @Validation.Required}, and its {@code @Description}. Options of Beam's own interfaces
 * (runner, project, tempLocation...) are not pipeline options here; ours (WarehouseOptions) are.
 */
record OptionSpec(String name, Class<?> type, String defaultValue, boolean computedDefault, boolean required, String description) {

  boolean hasDefault() {
    return defaultValue != null || computedDefault;
  }

  /** The pipeline options of an interface and of its non-Beam super-interfaces, by name. */
  static Map<String, OptionSpec> of(Class<? extends PipelineOptions> options) {
    Map<String, OptionSpec> out = new TreeMap<>();
    for (Method m : options.getMethods()) {
      Class<?> owner = m.getDeclaringClass();
      if (owner.getName().startsWith("org.apache.beam.") || m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())
          || m.isDefault() || m.isAnnotationPresent(JsonIgnore.class) || owner.isAnnotationPresent(Hidden.class)) {
        continue;
      }
      String n = m.getName();
      String prop;
      if (n.startsWith("get") && n.length() > 3) {
        prop = Introspector.decapitalize(n.substring(3));
      } else if (n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
        prop = Introspector.decapitalize(n.substring(2));
      } else {
        continue;
      }
      String def = null;
      boolean computed = false;
      for (Annotation a : m.getAnnotations()) {
        if (a.annotationType().getEnclosingClass() == Default.class) {
          if (a instanceof Default.InstanceFactory) {
            computed = true;
          } else {
            def = defaultText(a);
          }
        }
      }
      Description d = m.getAnnotation(Description.class);
      out.put(prop, new OptionSpec(prop, m.getReturnType(), def, computed, m.isAnnotationPresent(Validation.Required.class),
          d == null ? null : d.value()));
    }
    return out;
  }

  private static String defaultText(Annotation a) {
    try {
      Object v = a.annotationType().getMethod("value").invoke(a);
      if (v instanceof Class<?> c) {
        return c.getName();
      }
      if (v != null && v.getClass().isArray()) {
        return Arrays.toString((Object[]) v);
      }
      return String.valueOf(v);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + a, e);
    }
  }

  static List<String> names(Map<String, OptionSpec> specs) {
    return new ArrayList<>(specs.keySet());
  }
}
