package com.eros.tools.cli.template;

import com.eros.common.template.TemplateParameter.ParamType;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One parameter of a Flex Template, as generated from an option's {@code @TemplateParameter}.
 *
 * @param name Beam's option name (the getter's property name)
 * @param type the option's Java type
 * @param staticDefault the option's {@code @Default.*} value as text; null when it has none
 * @param declaredIn the options interface that declares the option
 */
public record TemplateParam(
    String name,
    String label,
    String helpText,
    boolean optional,
    List<String> regexes,
    ParamType paramType,
    String example,
    String staticDefault,
    Class<?> type,
    Class<?> declaredIn) {

  /** Whether Dataflow would accept {@code value}: it matches every regex. */
  public boolean accepts(String value) {
    return regexes.stream().allMatch(r -> Pattern.compile(r).matcher(value).matches());
  }
}
