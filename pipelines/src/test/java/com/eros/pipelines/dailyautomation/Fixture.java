package com.eros.pipelines.dailyautomation;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.Row;

/** Small input tables for pipeline tests, written with the port's driver-side insert. */
final class Fixture {
  private final Warehouse wh;
  private final List<Row> messages = new ArrayList<>();
  private final List<Row> captions = new ArrayList<>();
  private final List<Row> locks = new ArrayList<>();
  private long nextMessageId = 1;

  Fixture(Warehouse wh) {
    this.wh = wh;
    wh.ensureTables(Tables.ALL);
  }

  static Instant ts(Instant i) {
    return i == null ? null : Timestamps.truncate(i);
  }

  Fixture message(
      String page, Instant at, Long sent, Long viewed, Long purchased, Double earnings) {
    messages.add(
        Row.withSchema(Tables.MASS_MESSAGES.schema())
            .withFieldValue("message_id", nextMessageId++)
            .withFieldValue("page_name", page)
            .withFieldValue("message", "hello")
            .withFieldValue("sending_time", ts(at))
            .withFieldValue("price", 5.0)
            .withFieldValue("sent_count", sent)
            .withFieldValue("viewed_count", viewed)
            .withFieldValue("purchased_count", purchased)
            .withFieldValue("earnings", earnings)
            .withFieldValue("message_type", "mass")
            .build());
    return this;
  }

  /** n valid messages of a page, one per day going back from D − 1 at 10:00 Los Angeles. */
  Fixture messages(String page, LocalDate d, int n) {
    for (int i = 0; i < n; i++) {
      Instant at =
          d.minusDays(1 + (i % 80))
              .atTime(10, 0)
              .atZone(com.eros.common.time.LaTime.ZONE)
              .toInstant();
      message(page, at, 100L, 50L, 5L, 25.0 + i);
    }
    return this;
  }

  Fixture caption(long id, String page, boolean active) {
    captions.add(
        Row.withSchema(Tables.CAPTION_BANK.schema())
            .withFieldValue("caption_id", id)
            .withFieldValue("caption_text", "caption " + id)
            .withFieldValue("page_name", page)
            .withFieldValue("is_active", active)
            .withFieldValue("created_at", ts(Instant.parse("2026-01-01T00:00:00Z")))
            .build());
    return this;
  }

  Fixture lock(String page, long captionId, LocalDate sendDate, boolean active) {
    locks.add(
        Row.withSchema(Tables.ACTIVE_CAPTION_ASSIGNMENTS.schema())
            .withFieldValue("assignment_key", page + "|" + captionId + "|" + sendDate)
            .withFieldValue("page_name", page)
            .withFieldValue("caption_id", captionId)
            .withFieldValue("caption_text", "caption " + captionId)
            .withFieldValue("assigned_date", sendDate == null ? null : sendDate.minusDays(1))
            .withFieldValue("assigned_at", ts(Instant.parse("2026-11-28T12:00:00Z")))
            .withFieldValue("scheduled_send_date", sendDate)
            .withFieldValue("scheduled_send_hour", 10L)
            .withFieldValue("is_active", active)
            .build());
    return this;
  }

  void write() {
    wh.insertNow(Tables.MASS_MESSAGES, messages);
    wh.insertNow(Tables.CAPTION_BANK, captions);
    wh.insertNow(Tables.ACTIVE_CAPTION_ASSIGNMENTS, locks);
  }

  // ------------------------------------------------------------------ reading results

  static List<Row> all(Warehouse wh, TableDef t) {
    return wh.query(t, ReadSpec.all());
  }

  static List<Row> forDate(Warehouse wh, TableDef t, LocalDate d) {
    List<Row> rows =
        new ArrayList<>(wh.query(t, ReadSpec.all().where(Filter.eq("execution_date", d))));
    rows.sort(Comparator.comparing((Row r) -> r.getString("page_name")));
    return rows;
  }

  static Row jobRow(Warehouse wh, String jobId) {
    List<Row> rows =
        wh.query(Tables.ETL_JOB_RUNS, ReadSpec.all().where(Filter.eq("job_id", jobId)));
    if (rows.size() != 1) {
      throw new AssertionError("expected one job row for " + jobId + ", got " + rows.size());
    }
    return rows.get(0);
  }

  static List<Row> jobRows(Warehouse wh) {
    return wh.query(Tables.ETL_JOB_RUNS, ReadSpec.all());
  }

  /** Alerts of a run: level + " " + the kind part of alert_id. */
  static List<String> alerts(Warehouse wh, String jobId) {
    return wh
        .query(Tables.AUTOMATION_ALERTS, ReadSpec.all().where(Filter.eq("job_id", jobId)))
        .stream()
        .map(
            r ->
                r.getString("alert_level")
                    + " "
                    + r.getString("alert_id")
                        .substring(r.getString("alert_id").lastIndexOf(':') + 1))
        .sorted()
        .toList();
  }

  /** page_name -> the row without the named columns (for comparing runs). */
  static Map<String, Row> byPage(List<Row> rows, String... without) {
    Map<String, Row> out = new TreeMap<>();
    for (Row r : rows) {
      Row.FieldValueBuilder b = Row.fromRow(r);
      for (String c : without) {
        b = b.withFieldValue(c, null);
      }
      out.put(r.getString("page_name"), b.build());
    }
    return out;
  }
}
