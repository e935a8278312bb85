package com.eros.pipelines.locksweep;

import com.eros.common.table.Tables;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.beam.sdk.values.Row;

/** Builds active_caption_assignments rows for tests. caption_id identifies a lock in every test. */
final class TestLocks {
  private TestLocks() {}

  static Builder lock(long captionId) {
    return new Builder(captionId);
  }

  static final class Builder {
    private final Row.FieldValueBuilder b;

    Builder(long captionId) {
      b =
          Row.withSchema(Tables.ACTIVE_CAPTION_ASSIGNMENTS.schema())
              .withFieldValue("assignment_key", "key-" + captionId)
              .withFieldValue("page_name", "page" + (captionId % 7))
              .withFieldValue("caption_id", captionId)
              .withFieldValue("caption_text", "caption text " + captionId)
              .withFieldValue("price_tier", "mid")
              .withFieldValue("schedule_id", "sched-" + (captionId % 3))
              .withFieldValue("is_active", true);
    }

    Builder key(String key) {
      b.withFieldValue("assignment_key", key);
      return this;
    }

    Builder text(String text) {
      b.withFieldValue("caption_text", text);
      return this;
    }

    Builder caption(Long captionId) {
      b.withFieldValue("caption_id", captionId);
      return this;
    }

    Builder page(String page) {
      b.withFieldValue("page_name", page);
      return this;
    }

    Builder send(String date, Long hour) {
      b.withFieldValue("scheduled_send_date", date == null ? null : LocalDate.parse(date));
      b.withFieldValue("scheduled_send_hour", hour);
      return this;
    }

    Builder assigned(String at) {
      Instant i = at == null ? null : Instant.parse(at);
      b.withFieldValue("assigned_at", i);
      b.withFieldValue("assigned_date", i == null ? null : com.eros.common.time.LaTime.dateOf(i));
      return this;
    }

    Builder assignedDate(String date) {
      b.withFieldValue("assigned_date", date == null ? null : LocalDate.parse(date));
      return this;
    }

    Builder active(Boolean active) {
      b.withFieldValue("is_active", active);
      return this;
    }

    Builder deactivated(String at, String reason) {
      b.withFieldValue("deactivated_at", Instant.parse(at));
      b.withFieldValue("deactivation_reason", reason);
      return this;
    }

    Builder clearAll() {
      for (String c : Tables.ACTIVE_CAPTION_ASSIGNMENTS.columnNames()) {
        if (!c.equals("caption_text")) {
          b.withFieldValue(c, null);
        }
      }
      return this;
    }

    Row build() {
      return b.build();
    }
  }
}
