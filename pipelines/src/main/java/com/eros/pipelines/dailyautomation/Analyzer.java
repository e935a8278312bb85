package com.eros.pipelines.dailyautomation;

import java.io.Serializable;
import java.util.List;

/**
 * Analyzes one creator. Production uses {@link CreatorAnalyzer}; the analysis step takes any
 * implementation, so tests can inject one that fails for chosen pages. An exception thrown here is
 * a processing failure of that creator (docs/daily-automation.md §5), never a failure of the run.
 */
@FunctionalInterface
public interface Analyzer extends Serializable {
  /**
   * @param pageName the creator page
   * @param messages the page's valid messages in the analysis window (order unspecified, not empty)
   * @param windows the run's windows
   */
  CreatorProfile analyze(String pageName, List<Message> messages, Windows windows);
}
