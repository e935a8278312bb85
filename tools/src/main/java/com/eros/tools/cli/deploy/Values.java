package com.eros.tools.cli.deploy;

import com.eros.pipelines.support.UsageException;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * The strict shapes of every value that lands in a generated file or a gcloud command. A value is
 * checked before it is used; a value that does not fit is refused with one line naming where it
 * came from and what is allowed (the value is shown escaped, so a newline cannot split the line).
 */
public final class Values {
  private Values() {}

  /** A shape: a whole-value pattern and how it is described to the operator. */
  public record Shape(Pattern pattern, String expected) {
    static Shape of(String regex, String expected) {
      return new Shape(Pattern.compile(regex), expected);
    }

    public boolean fits(String value) {
      return value != null && pattern.matcher(value).matches();
    }
  }

  public static final Shape PROJECT =
      Shape.of(
          "[a-z][a-z0-9-]{4,28}[a-z0-9]",
          "a Google Cloud project id (6-30 lower-case letters, digits and hyphens, starting with a letter)");
  public static final Shape REGION =
      Shape.of("[a-z]+-[a-z]+[0-9]+", "a region name such as us-west1");
  public static final Shape BUCKET =
      Shape.of(
          "[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]",
          "a bucket name (3-63 lower-case letters, digits, '.', '_' and '-')");

  /** A registry: HOST[:PORT]/PATH, Docker's reference grammar in lower case. */
  public static final Shape REGISTRY =
      Shape.of(
          "(?=.{1,200}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?"
              + "(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)+",
          "an image registry HOST[:PORT]/PATH in lower case, e.g. us-west1-docker.pkg.dev/my-project/eros");

  public static final Shape DATASET =
      Shape.of("[A-Za-z0-9_]{1,1024}", "a BigQuery dataset name (letters, digits, '_')");
  public static final Shape TAG =
      Shape.of(
          "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}",
          "an image tag (letters, digits, '_', '.', '-'; up to 128 characters)");
  public static final Shape JOB_NAME =
      Shape.of(
          "[a-z]([-a-z0-9]{0,61}[a-z0-9])?",
          "a Dataflow job name (lower-case letters, digits and hyphens, starting with a letter, up to 63 characters)");
  public static final Shape DESCRIPTION =
      Shape.of(
          "[A-Za-z0-9 ,.:;()/_+&'-]{1,500}",
          "one line of up to 500 letters, digits, spaces and , . : ; ( ) / _ + & ' -");
  public static final Shape CRON =
      Shape.of(
          "[0-9A-Za-z*/,-]+( [0-9A-Za-z*/,-]+){4}",
          "a cron expression of five fields separated by single spaces, e.g. \"5 3 * * *\"");
  public static final Shape SERVICE_ACCOUNT =
      Shape.of(
          "[a-z0-9][a-z0-9-]{0,62}@[a-z0-9][a-z0-9.-]{0,100}\\.gserviceaccount\\.com",
          "a service account e-mail, e.g. eros-dataflow@my-project.iam.gserviceaccount.com");
  public static final Shape TIME_ZONE =
      Shape.of("[A-Za-z_]+(/[A-Za-z0-9_+-]+)+", "a tz database zone such as America/Los_Angeles");
  public static final Shape DURATION =
      Shape.of("[0-9]{1,6}[smh]", "a duration such as 180s, 30m or 1h");
  public static final Shape GCS_PATH =
      Shape.of(
          "gs://[a-z0-9][a-z0-9._-]{1,61}[a-z0-9](/[A-Za-z0-9._-]+)*/?",
          "a gs://BUCKET/PATH location (letters, digits, '.', '_', '-' in the path)");
  public static final Shape MACHINE_TYPE =
      Shape.of("[a-z][a-z0-9]*(-[a-z0-9]+)+", "a machine type such as n2-standard-2");
  public static final Shape PIPELINE = Shape.of("[a-z][a-z0-9-]{0,40}", "a pipeline name");

  /**
   * The value when it fits the shape; otherwise a {@link UsageException}: "{@code where}: "value"
   * is not …".
   */
  public static String require(String where, String value, Shape shape) {
    if (!shape.fits(value)) {
      throw new UsageException(where + ": " + show(value) + " is not " + shape.expected());
    }
    return value;
  }

  /** A time zone that fits {@link #TIME_ZONE} and that java.time knows. */
  public static String requireZone(String where, String value) {
    require(where, value, TIME_ZONE);
    if (!ZoneId.getAvailableZoneIds().contains(value)) {
      throw new UsageException(
          where + ": " + show(value) + " is not a tz database zone (e.g. America/Los_Angeles)");
    }
    return value;
  }

  /** A whole number within [min, max]. */
  public static int requireInt(String where, Object value, int min, int max) {
    if (value instanceof Integer i && i >= min && i <= max) {
      return i;
    }
    throw new UsageException(
        where
            + ": "
            + show(String.valueOf(value))
            + " is not a whole number from "
            + min
            + " to "
            + max);
  }

  /**
   * A value in double quotes with control characters, quotes and backslashes escaped: always one
   * line.
   */
  public static String show(String value) {
    if (value == null) {
      return "nothing";
    }
    StringBuilder sb = new StringBuilder("\"");
    int shown = 0;
    for (char c : value.toCharArray()) {
      if (++shown > 120) {
        sb.append("…");
        break;
      }
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20
              || c == 0x7f
              || Character.isISOControl(c)
              || Character.getType(c) == Character.LINE_SEPARATOR
              || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
