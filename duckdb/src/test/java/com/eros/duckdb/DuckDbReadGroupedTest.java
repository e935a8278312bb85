package com.eros.duckdb;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.testing.Pipelines;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.duckdb.DuckDbReadGrouped.KeyRange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbReadGroupedTest {
  private static final TableDef MSG = Tables.MASS_MESSAGES;

  @TempDir Path dir;

  @Test
  void packsConsecutiveKeysIntoBoundedRanges() {
    List<KeyRange> r =
        DuckDbReadGrouped.pack(
            Arrays.asList(null, "a", "b", "c", "d", "e"), List.of(2L, 3L, 4L, 10L, 1L, 1L), 8);
    // NULL joins the first range (open below); "c" alone exceeds the bound and gets a range of its
    // own; the ranges tile the key space: each ends where the next begins, the last is open above
    assertThat(
        r,
        contains(
            new KeyRange(null, "b", true),
            new KeyRange("b", "c", false),
            new KeyRange("c", "d", false),
            new KeyRange("d", null, false)));
    assertThat(DuckDbReadGrouped.pack(List.of(), List.of(), 8), empty());
    assertThat(
        DuckDbReadGrouped.pack(Arrays.asList((String) null), List.of(5L), 8),
        contains(new KeyRange(null, null, true)));
    assertThat(
        DuckDbReadGrouped.pack(List.of("a", "b"), List.of(1L, 1L), 8),
        contains(new KeyRange(null, null, true)));
    // "" never starts a range: it is grouped with NULL
    assertThat(
        DuckDbReadGrouped.pack(Arrays.asList(null, "", "a"), List.of(6L, 6L, 6L), 7),
        contains(new KeyRange(null, "a", true), new KeyRange("a", null, false)));
  }

  @Test
  void smallRangesStillGiveOneElementPerKeyWithFiltersApplied() {
    try (TempDuckDb db = new TempDuckDb(dir)) {
      DuckDbWarehouse wh = db.warehouse();
      wh.ensureTables(List.of(MSG));
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        String page = i % 10 == 0 ? null : (i % 10 == 1 ? "" : "p" + (i % 7));
        long t = i == 59 ? 5_000_000L : 1_000L * i; // message 59 is outside the filter
        rows.add(
            Row.withSchema(MSG.schema())
                .withFieldValue("message_id", (long) i)
                .withFieldValue("page_name", page)
                .withFieldValue("sending_time", java.time.Instant.ofEpochMilli(t))
                .build());
      }
      wh.insertNow(MSG, rows);
      Pipeline p = Pipelines.create();
      ReadSpec spec =
          ReadSpec.columns("message_id", "page_name")
              .where(
                  Filter.between("sending_time", Instant.EPOCH, Instant.ofEpochMilli(1_000_000)));
      PAssert.that(
              p.apply(new DuckDbReadGrouped(wh.path(), MSG, spec, "page_name", 7))
                  .apply(
                      MapElements.into(TypeDescriptors.strings())
                          .via(kv -> kv.getKey() + "=" + kv.getValue().size())))
          // 6 NULL + 6 "" pages -> "" = 12; i % 10 in 2..9 spread over p0..p6 (59 excluded)
          .containsInAnyOrder(expected(rows));
      Pipelines.run(p);
    }
  }

  private static List<String> expected(List<Row> rows) {
    java.util.TreeMap<String, Integer> n = new java.util.TreeMap<>();
    for (Row r : rows) {
      if (r.getInt64("message_id") == 59) {
        continue;
      }
      String k = r.getString("page_name") == null ? "" : r.getString("page_name");
      n.merge(k, 1, Integer::sum);
    }
    List<String> out = new ArrayList<>();
    n.forEach((k, v) -> out.add(k + "=" + v));
    return out;
  }
}
