package com.eros.common.stats;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Caption text normalisation used for attribution: trim ({@link String#trim()}), lower case ({@link
 * Locale#ROOT}), and every run of white space (regex {@code \s+}: space, \t, \n, \x0B, \f, \r)
 * replaced by one space. Other characters, such as the no-break space U+00A0, are kept.
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
    // the common case, a text already in single-spaced form, without the regex (a bank of a million
    // captions is normalised once per run)
    return singleSpaced(lowered) ? lowered : WHITESPACE_RUN.matcher(lowered).replaceAll(" ");
  }

  /**
   * True when {@code s} has no white space (as the regex {@code \s} means it) other than lone ' '
   * characters.
   */
  static boolean singleSpaced(String s) {
    boolean previousSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == ' ') {
        if (previousSpace) {
          return false;
        }
        previousSpace = true;
      } else if (ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r') {
        return false;
      } else {
        previousSpace = false;
      }
    }
    return true;
  }
}
