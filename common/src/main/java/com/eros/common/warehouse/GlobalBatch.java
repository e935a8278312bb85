package com.eros.common.warehouse;

import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.WindowingStrategy;

/**
 * The one windowing that the steps which act once per run accept (a write's commit, the ordering of
 * a run's writes): the global window with its default trigger, which fires once, when the
 * collection is complete. A windowed or early-triggered collection would act per window or pane, or
 * before its input is complete, and fail later with Beam's generic message, if at all.
 */
public final class GlobalBatch {
  private GlobalBatch() {}

  /** Refuses {@code c} unless it is globally windowed with the default trigger. */
  public static void require(PCollection<?> c, String step) {
    WindowingStrategy<?, ?> w = c.getWindowingStrategy();
    if (!(w.getWindowFn() instanceof GlobalWindows)
        || !(w.getTrigger() instanceof DefaultTrigger)) {
      throw new IllegalArgumentException(
          step
              + " handles globally windowed batch collections only; "
              + c.getName()
              + " is windowed by "
              + w.getWindowFn()
              + " with trigger "
              + w.getTrigger());
    }
  }
}
