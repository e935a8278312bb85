package com.eros.pipelines.alerts;

/** A rules file that cannot be used: where (file and 1-based line) and why. */
public final class RuleFileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final int line;
  private final String reason;

  public RuleFileException(String source, int line, String reason) {
    super("rules file " + source + (line > 0 ? ", line " + line : "") + ": " + reason);
    this.source = source;
    this.line = line;
    this.reason = reason;
  }

  public String source() {
    return source;
  }

  /** 1-based line of the problem; 0 when unknown. */
  public int line() {
    return line;
  }

  public String reason() {
    return reason;
  }
}
