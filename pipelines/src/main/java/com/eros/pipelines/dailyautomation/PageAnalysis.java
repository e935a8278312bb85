package com.eros.pipelines.dailyautomation;

import java.io.Serializable;

/**
 * The result of the parallel analysis of one page: its row counts, whether it is an active creator,
 * and either its profile or the error of its analysis.
 */
public record PageAnalysis(
    String pageName,
    long rowsRead,
    long rowsRejected,
    boolean active,
    CreatorProfile profile,
    String error)
    implements Serializable {

  public static PageAnalysis inactive(String page, long rowsRead, long rowsRejected) {
    return new PageAnalysis(page, rowsRead, rowsRejected, false, null, null);
  }

  public boolean failed() {
    return active && profile == null;
  }
}
