package com.eros.common.stats;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Caption text normalisation used for attribution: trim ({@link String#trim()}), lower case
 * ({@link Locale#ROOT}), and every run of white space (regex {@code \s+}: space, \t, \n, \x0B,
 * \f, \r) replaced by one space. Other characters, such as the no-break space U+00A0, are kept.
 */
public final class TextNormalizer {

  private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

  private TextNormalizer() {}

  /** Normalised text, or null when {@code text} is null. */
  public static String normalize(String text) {
    if (text == null) {
      return null;
    }
    String lowered = text.trim().toLowerCase(Locale.ROOT);
    return WHITESPACE_RUN.matcher(lowered).replaceAll(" ");
  }
}
