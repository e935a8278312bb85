package com.eros.pipelines.locksweep;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.eros.common.table.Timestamps;
import com.eros.pipelines.locksweep.LockRules.Verdict;
import java.time.Instant;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

class ReleaseRowTest {
  @Test
  void aReleaseCopiesTheKeysAndSetsTheSweepColumnsOnly() {
    Row lock =
        TestLocks.lock(42)
            .key(null)
            .page("p1")
            .send("2026-11-20", 9L)
            .assigned("2026-11-18T10:00:00.123456Z")
            .build();
    Instant now = Instant.parse("2026-11-29T11:05:00.987654321Z");
    Row.FieldValueBuilder expected =
        Row.withSchema(SweepLocks.LOCKS.schema())
            .withFieldValue("assigned_date", lock.getValue("assigned_date"));
    for (String k : SweepLocks.KEY_COLUMNS) {
      expected = expected.withFieldValue(k, lock.getValue(k));
    }
    Row want =
        expected
            .withFieldValue("is_active", false)
            .withFieldValue("deactivated_at", Timestamps.truncate(now))
            .withFieldValue("deactivation_reason", "PAST_SEND_DATE")
            .withFieldValue("released_by", "sweep-1")
            .build();

    Row got = SweepLocks.release(lock, Verdict.PAST_SEND_DATE, now, "sweep-1");
    assertThat(got, is(want));
    assertThat(got.getString("caption_text"), is((String) null)); // not a key: left NULL
    assertThat(got.getInt64("caption_id"), is(42L));
  }
}
