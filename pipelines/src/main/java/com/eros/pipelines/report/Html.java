package com.eros.pipelines.report;

import com.eros.common.time.LaTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Small HTML helpers: anchors and the number and time formats of the report. */
final class Html {
  private static final DateTimeFormatter LA_MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.US).withZone(LaTime.ZONE);

  private Html() {}

  /**
   * A stable anchor id for a name (e.g. a page): {@code prefix-} and the name with every character
   * outside [A-Za-z0-9_-] written as {@code .XX} (its code point in hex), so distinct names never
   * share an id.
   */
  static String anchor(String prefix, String name) {
    StringBuilder b = new StringBuilder(prefix).append('-');
    String n = name == null ? "" : name;
    n.codePoints()
        .forEach(
            cp -> {
              if ((cp >= 'a' && cp <= 'z')
                  || (cp >= 'A' && cp <= 'Z')
                  || (cp >= '0' && cp <= '9')
                  || cp == '_'
                  || cp == '-') {
                b.appendCodePoint(cp);
              } else {
                b.append('.').append(Integer.toHexString(cp));
              }
            });
    return b.toString();
  }

  /** Truncates to {@code max} characters with an ellipsis. */
  static String clip(String s, int max) {
    if (s == null) {
      return "";
    }
    String one = s.strip().replaceAll("\\s+", " ");
    return one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }

  static String count(long n) {
    return String.format(Locale.US, "%,d", n);
  }

  static String count(Long n) {
    return n == null ? "–" : count(n.longValue());
  }

  static String num(Double d, int decimals) {
    if (d == null || d.isNaN()) {
      return "–";
    }
    return String.format(Locale.US, "%,." + decimals + "f", d);
  }

  static String pct(Double d) {
    return d == null || d.isNaN() ? "–" : String.format(Locale.US, "%.1f %%", d);
  }

  static String seconds(Double s) {
    if (s == null) {
      return "–";
    }
    if (s < 60) {
      return String.format(Locale.US, "%.1f s", s);
    }
    if (s < 3600) {
      return String.format(Locale.US, "%.1f min", s / 60);
    }
    return String.format(Locale.US, "%.1f h", s / 3600);
  }

  /** Los Angeles local time to the minute. */
  static String time(Instant t) {
    return t == null ? "–" : LA_MINUTE.format(t);
  }

  /** Time with its age relative to now, e.g. "2026-11-29 21:24 (3.5 h ago)". */
  static String timeAgo(Instant t, Instant now) {
    if (t == null) {
      return "–";
    }
    return time(t) + " (" + ago(t, now) + ")";
  }

  static String ago(Instant t, Instant now) {
    long minutes = ChronoUnit.MINUTES.between(t, now);
    if (minutes < 0) {
      return "in the future";
    }
    if (minutes < 90) {
      return minutes + " min ago";
    }
    double hours = minutes / 60.0;
    if (hours < 48) {
      return String.format(Locale.US, "%.1f h ago", hours);
    }
    return String.format(Locale.US, "%.1f d ago", hours / 24);
  }

  static String date(LocalDate d) {
    return d == null ? "–" : d.toString();
  }
}
