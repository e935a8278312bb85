package com.eros.tools.generate;

import java.time.Instant;

/**
 * What to generate.
 *
 * @param messages number of mass_messages rows (>= 0), invalid ones included
 * @param pages number of pages (creators), >= 1
 * @param seed random seed: the same seed and {@code now} give the same rows
 * @param now the instant the generated 120-day history ends at
 * @param captionsPerPage captions each page owns (besides the shared ones), or 0 for the default: 5
 *     to 300 by page size (about 30 per page at the default scale)
 */
public record GeneratorConfig(
    long messages, int pages, long seed, Instant now, int captionsPerPage) {
  /** The largest {@code captionsPerPage}. */
  public static final int MAX_CAPTIONS_PER_PAGE = 1_000_000;

  /** The default caption bank (captions per page by page size). */
  public GeneratorConfig(long messages, int pages, long seed, Instant now) {
    this(messages, pages, seed, now, 0);
  }

  public GeneratorConfig {
    if (captionsPerPage < 0 || captionsPerPage > MAX_CAPTIONS_PER_PAGE) {
      throw new IllegalArgumentException(
          "captionsPerPage must be 0 (by page size) to "
              + MAX_CAPTIONS_PER_PAGE
              + " (got "
              + captionsPerPage
              + ")");
    }
    if (messages < 0) {
      throw new IllegalArgumentException("messages must be 0 or more (got " + messages + ")");
    }
    if (pages < 1) {
      throw new IllegalArgumentException("pages must be 1 or more (got " + pages + ")");
    }
    if (now == null) {
      throw new IllegalArgumentException(
          "now must be set: the instant the generated history ends at");
    }
  }
}
