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
}
