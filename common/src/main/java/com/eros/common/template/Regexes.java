package com.eros.common.template;

/**
 * Regular expressions that several {@link TemplateParameter}s share, written once. Each is anchored
 * and uses only what RE2 (Dataflow's regex engine) and {@link java.util.regex.Pattern} both read
 * the same way.
 */
public final class Regexes {
  private Regexes() {}

  /** An instant in UTC, ISO-8601 with a {@code Z}: what {@code java.time.Instant.parse} reads. */
  public static final String INSTANT_UTC =
      "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?Z$";

  /** A calendar date, YYYY-MM-DD. */
  public static final String DATE = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

  /** A whole number of days, 1 to 9999. */
  public static final String DAYS = "^[1-9][0-9]{0,3}$";

  /** A count, 0 to 999 999 999 999. */
  public static final String COUNT = "^[0-9]{1,12}$";

  /** A non-negative decimal number, e.g. 14, 1.96. */
  public static final String DECIMAL = "^[0-9]{1,6}(\\.[0-9]{1,9})?$";

  public static final String BOOLEAN = "^(true|false)$";

  /** A Secret Manager secret or secret version resource name, or empty. */
  public static final String SECRET_NAME_OR_EMPTY =
      "^(|projects/[A-Za-z0-9_.:-]+/secrets/[A-Za-z0-9_-]+(/versions/[A-Za-z0-9_-]+)?)$";

  private static final String EMAIL =
      "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}";

  /** One e-mail address, or empty. */
  public static final String EMAIL_OR_EMPTY = "^(|" + EMAIL + ")$";

  /** E-mail addresses separated by commas, or empty. */
  public static final String EMAIL_LIST_OR_EMPTY = "^(|" + EMAIL + "( *, *" + EMAIL + ")*)$";
}
