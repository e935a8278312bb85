package com.eros.pipelines.support;

/** A mistake in what the user asked for: printed as one line, exit code 2, no stack trace. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
