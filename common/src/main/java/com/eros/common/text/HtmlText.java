package com.eros.common.text;

/** Text for HTML (the operations report, the HTML part of an alert e-mail). */
public final class HtmlText {
  private HtmlText() {}

  /**
   * Text escaped for an HTML text node or a quoted attribute ({@code & < > " '}); control
   * characters other than newline and tab become spaces; null becomes the empty string.
   */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
      }
    }
    return b.toString();
  }
}
