package com.eros.common.stats;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  @Test
  void trimsLowersAndCollapsesWhitespace() {
    assertThat(TextNormalizer.normalize("  Hello   WORLD  "), is("hello world"));
    assertThat(TextNormalizer.normalize("a\t\tb\nc\r\nd\fe\u000Bf"), is("a b c d e f"));
    assertThat(TextNormalizer.normalize("\n Hey \t You \r"), is("hey you"));
  }

  @Test
  void keepsNonAsciiSpace() {
    assertThat(TextNormalizer.normalize("A\u00A0B"), is("a\u00A0b"));
  }

  @Test
  void lowersWithRootLocaleWhateverTheDefault() {
    Locale saved = Locale.getDefault();
    try {
      // a Turkish default locale would lower 'I' to dotless 'ı'
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat(TextNormalizer.normalize("TITLE"), is("title"));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void nullAndBlank() {
    assertThat(TextNormalizer.normalize(null), is(nullValue()));
    assertThat(TextNormalizer.normalize(" \t\n "), is(""));
    assertThat(TextNormalizer.normalize("already normal"), is("already normal"));
  }

  @Test
  void theFastPathAgreesWithTheRegexOnEveryShortMixOfSpacesAndLetters() {
    char[] alphabet = {'a', 'B', ' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u0001', 'I'};
    java.util.regex.Pattern ws = java.util.regex.Pattern.compile("\\s+");
    int checked = 0;
    for (int len = 0; len <= 4; len++) {
      int combos = (int) Math.pow(alphabet.length, len);
      for (int n = 0; n < combos; n++) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0, x = n; i < len; i++, x /= alphabet.length) {
          sb.append(alphabet[x % alphabet.length]);
        }
        String text = "x" + sb + "y";
        String expected = ws.matcher(text.trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
        assertThat(text, TextNormalizer.normalize(text), is(expected));
        checked++;
      }
    }
    assertThat(checked > 10_000, is(true));
  }
}
