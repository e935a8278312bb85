package com.eros.tools.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import com.eros.duckdb.DuckDbWarehouse;
import com.eros.duckdb.TempDuckDb;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily-automation bench's SQL loader fills every input table of the current schema. */
class BenchDataTest {
  @TempDir Path dir;

  @Test
  void loadsMessagesCaptionsAndLocks() {
    TempDuckDb db = new TempDuckDb(dir);
    try {
      DuckDbWarehouse wh = db.warehouse();
      BenchData.load(wh, 5_000, 20, LocalDate.of(2026, 11, 29), 42, true);
      assertThat(wh.longScalar("SELECT count(*) FROM mass_messages"), is(5_000L));
      assertThat(
          wh.longScalar("SELECT count(*) FROM caption_bank"),
          is((long) BenchData.SHARED_CAPTIONS + 20L * BenchData.OWNED_CAPTIONS));
      assertThat(wh.longScalar("SELECT count(*) FROM active_caption_assignments"), greaterThan(0L));
      assertThat(
          wh.longScalar(
              "SELECT count(*) FROM active_caption_assignments WHERE released_by IS NOT NULL"),
          is(0L));
    } finally {
      db.close();
    }
  }
}
