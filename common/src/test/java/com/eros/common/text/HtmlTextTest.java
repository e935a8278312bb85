package com.eros.common.text;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void escapesTheFiveMarkupCharacters() {
    assertThat(
        HtmlText.escape("<a href=\"x\">Tom & Jerry's</a>"),
        equalTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"));
  }

  @Test
  void keepsNewlinesAndTabsAndBlanksOtherControlCharacters() {
    assertThat(HtmlText.escape("a\nb\tc\u0000d\u001be"), equalTo("a\nb\tc d e"));
  }

  @Test
  void nullIsEmpty() {
    assertThat(HtmlText.escape(null), equalTo(""));
  }
}
