package com.eros.tools.generate;

import java.time.Instant;

/**
 * What to generate.
 *
 * @param messages number of mass_messages rows (>= 0), invalid ones included
 * @param pages number of pages (creators), >= 1
 * @param seed random seed: the same seed and {@code now} give the same rows
 * @param now the instant the generated 120-day history ends at
 */
public record GeneratorConfig(long messages, int pages, long seed, Instant now) {
  public GeneratorConfig {
    if (messages < 0) {
      throw new IllegalArgumentException("messages must be 0 or more (got " + messages + ")");
    }
    if (pages < 1) {
      throw new IllegalArgumentException("pages must be 1 or more (got " + pages + ")");
    }
    if (now == null) {
      throw new IllegalArgumentException("now must be set: the instant the generated history ends at");
    }
  }
}
