package com.eros.pipelines.report;

import com.eros.common.time.LaTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.Row;

/** Section 6: rows rejected by the validity rules, per rule and day (rejected_rows). */
public record QualitySection(DailyCounts perDay, Map<String, Long> bySource) {
  public static QualitySection from(List<Row> rejected, ReportWindow window) {
    DailyCounts.Builder perDay = DailyCounts.builder(window.dates(), List.of());
    Map<String, Long> bySource = new TreeMap<>();
    for (Row r : rejected) {
      Instant t = Cells.instant(r, "rejected_at");
      if (!window.contains(t)) {
        continue;
      }
      String reason = Cells.string(r, "reason");
      if (perDay.add(reason == null ? "(no reason)" : reason, LaTime.dateOf(t), 1)) {
        String source = Cells.string(r, "job_name") + " ← " + Cells.string(r, "source_table");
        bySource.merge(source, 1L, Long::sum);
      }
    }
    return new QualitySection(perDay.build(), bySource);
  }

  public long total() {
    return perDay.total();
  }

  public boolean isEmpty() {
    return perDay.isEmpty();
  }
}
