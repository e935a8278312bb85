package com.eros.pipelines.captionperformance;

import java.io.Serializable;

/**
 * The shrink guard (docs/operating-guarantees.md): caption-performance does not replace {@code
 * caption_bandit_stats} with a result that covers fewer pages than {@code 100 − maxPageLossPercent}
 * % of the pages the table covers now, unless told to ({@code --allowShrink}). An emptied or
 * truncated {@code mass_messages} would otherwise wipe the bandit's statistics and report SUCCESS.
 * Pure; compared in integers.
 */
public record ShrinkGuard(int maxPageLossPercent, boolean allowShrink) implements Serializable {
  public static final int DEFAULT_MAX_PAGE_LOSS_PERCENT = 50;

  public ShrinkGuard {
    if (maxPageLossPercent < 0 || maxPageLossPercent > 100) {
      throw new IllegalArgumentException(
          "--maxPageLossPercent=" + maxPageLossPercent + " must be between 0 and 100");
    }
  }

  /** The guard's decision for a run. */
  public record Verdict(long resultPages, long currentPages, boolean refused, String reason)
      implements Serializable {}

  /**
   * Whether the result covers too few of the current pages; the reason names the figures and the
   * way out.
   */
  public Verdict judge(long resultPages, long currentPages) {
    boolean tooFew = resultPages * 100 < currentPages * (100L - maxPageLossPercent);
    if (!tooFew) {
      return new Verdict(resultPages, currentPages, false, null);
    }
    String figures =
        "the result covers "
            + resultPages
            + " pages, the table covers "
            + currentPages
            + " (more than "
            + maxPageLossPercent
            + " % lost)";
    if (allowShrink) {
      return new Verdict(
          resultPages, currentPages, false, "shrink allowed by --allowShrink: " + figures);
    }
    return new Verdict(
        resultPages,
        currentPages,
        true,
        "shrink guard: "
            + figures
            + "; caption_bandit_stats left unchanged. Check mass_messages; rerun with --allowShrink to replace anyway");
  }
}
