package com.eros.common.googlesql;

/**
 * A statement GoogleSQL refused. The message starts with GoogleSQL's own message (for example
 * {@code Unrecognized name: job_stauts [at 11:11]}), followed by the statement's numbered lines.
 */
public final class GoogleSqlRejected extends AssertionError {
  private static final long serialVersionUID = 1L;
  private final String googleSqlMessage;

  GoogleSqlRejected(String googleSqlMessage, String sql, Throwable cause) {
    super(googleSqlMessage + "\n" + numbered(sql), cause);
    this.googleSqlMessage = googleSqlMessage;
  }

  /** GoogleSQL's message alone. */
  public String googleSqlMessage() {
    return googleSqlMessage;
  }

  private static String numbered(String sql) {
    StringBuilder sb = new StringBuilder();
    String[] lines = sql.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      sb.append(String.format("%4d | %s%n", i + 1, lines[i]));
    }
    return sb.toString();
  }
}
