package com.eros.pipelines.backtest;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.validate.MessageValidator;
import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.captionperformance.CaptionIndex;
import com.eros.pipelines.captionperformance.CaptionPerformanceConfig;
import com.eros.pipelines.captionperformance.PageMessages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.beam.sdk.values.Row;

/**
 * A small data set for the backtest pipeline (a few hundred rows): three pages sending steadily
 * from T − 60 d to T + 9 d. "alice" uses her own captions 1–4 whose success chances differ; "bob"
 * uses shared captions 5–6, half of his sends without caption_id but with a case variant of the
 * caption's text (attributed); "carol" stopped sending 40 days before T (no median at T, her
 * horizon is empty). A few invalid rows of several kinds fall in the horizon.
 */
final class BacktestFixtures {
  static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
  static final long T_MICROS = Timestamps.micros(T);
  static final long DAY = CaptionPerformanceConfig.DAY_MICROS;
  static final int HORIZON = 7;

  private BacktestFixtures() {}

  record Data(List<Row> messages, List<Row> captions) {}

  static Row message(
      Long id, String page, Long caption, String text, long micros, long sent, double earnings) {
    return Row.withSchema(Tables.MASS_MESSAGES.schema())
        .attachValues(
            id,
            page,
            caption,
            text,
            Timestamps.ofMicros(micros),
            9.99,
            sent,
            sent / 2,
            Math.min(sent / 2, Math.round(earnings / 9.99)),
            earnings,
            "PPV");
  }

  static Row caption(long id, String text, String page) {
    return Row.withSchema(Tables.CAPTION_BANK.schema())
        .attachValues(
            id, text, page, "PHOTO_SET", "MID", true, Timestamps.ofMicros(T_MICROS - 200 * DAY));
  }

  static Data data(long seed) {
    Random rnd = new Random(seed);
    List<Row> captions =
        List.of(
            caption(1, "one for alice", "alice"),
            caption(2, "two for alice", "alice"),
            caption(3, "three for alice", "alice"),
            caption(4, "four for alice", "alice"),
            caption(5, "Shared five", null),
            caption(6, "Shared six", null),
            caption(7, "seven for carol", "carol"));
    double[] chance = {0, 0.85, 0.6, 0.35, 0.1, 0.7, 0.3, 0.5};
    List<Row> messages = new ArrayList<>();
    long id = 1;
    for (int i = 0; i < 300; i++) {
      long t = T_MICROS - 60 * DAY + (long) (rnd.nextDouble() * 69 * DAY);
      long c = 1 + rnd.nextInt(4);
      messages.add(message(id++, "alice", c, "x", t, 100, emv(rnd, chance[(int) c]) * 100));
    }
    for (int i = 0; i < 200; i++) {
      long t = T_MICROS - 60 * DAY + (long) (rnd.nextDouble() * 69 * DAY);
      long c = 5 + rnd.nextInt(2);
      boolean byText = rnd.nextBoolean();
      messages.add(
          message(
              id++,
              "bob",
              byText ? null : c,
              byText ? (c == 5 ? "  shared FIVE" : "SHARED six ") : "x",
              t,
              50,
              emv(rnd, chance[(int) c]) * 50));
    }
    for (int i = 0; i < 40; i++) {
      long t = T_MICROS - 70 * DAY + (long) (rnd.nextDouble() * 30 * DAY);
      messages.add(message(id++, "carol", 7L, "x", t, 10, emv(rnd, 0.5) * 10));
    }
    // invalid rows in the horizon: not scored, never dead-lettered by the backtest
    messages.add(message(id++, "alice", 1L, "x", T_MICROS + DAY, 0, 5.0)); // sent_count 0
    messages.add(message(id++, "alice", 1L, "x", T_MICROS + DAY, 100, -5.0)); // negative earnings
    messages.add(message(id++, "", 1L, "x", T_MICROS + DAY, 100, 5.0)); // empty page
    return new Data(messages, captions);
  }

  private static double emv(Random rnd, double chance) {
    return rnd.nextDouble() < chance ? 1.0 + rnd.nextDouble() : 0.9 * rnd.nextDouble();
  }

  static void load(Warehouse wh, Data d) {
    wh.ensureTables(Tables.INPUTS);
    wh.insertNow(Tables.MASS_MESSAGES, d.messages());
    wh.insertNow(Tables.CAPTION_BANK, d.captions());
  }

  /**
   * The backtest computed directly with the pure classes (validation, attribution, {@link
   * PageScorer}, {@link BacktestTotals}): what the pipeline must store. Reads every message in [T −
   * 90 d, T + H).
   */
  static Map<String, PageScore> expected(Data d, BacktestConfig cfg) {
    CaptionIndex.Builder index = CaptionIndex.builder();
    d.captions()
        .forEach(
            r ->
                index.add(
                    r.getInt64("caption_id"),
                    r.getString("caption_text"),
                    r.getString("page_name")));
    CaptionIndex captions = index.build();
    Map<String, PageMessages.Builder> pages = new TreeMap<>();
    long from = Timestamps.micros(cfg.readFrom());
    for (Row r : d.messages()) {
      long t = Timestamps.micros(Timestamps.get(r, "sending_time"));
      String page = r.getString("page_name");
      if (t < from
          || t >= cfg.horizonEndMicros()
          || MessageValidator.check(
                  page,
                  t,
                  r.getInt64("sent_count"),
                  r.getInt64("viewed_count"),
                  r.getInt64("purchased_count"),
                  r.getDouble("earnings"),
                  r.getDouble("price"),
                  cfg.horizonEndMicros())
              != null) {
        continue;
      }
      Long caption = r.getInt64("caption_id");
      if (caption == null) {
        CaptionIndex.Match m = captions.match(page, r.getString("message"));
        caption = m.outcome() == CaptionIndex.Outcome.ATTRIBUTED ? m.captionId() : null;
      }
      pages
          .computeIfAbsent(page, PageMessages::builder)
          .add(
              r.getInt64("message_id"),
              caption,
              t,
              r.getDouble("earnings"),
              r.getInt64("sent_count"),
              r.getInt64("viewed_count"),
              r.getInt64("purchased_count"));
    }
    Map<String, PageScore> out = new TreeMap<>();
    pages.forEach((p, b) -> out.put(p, PageScorer.score(b.build(), cfg)));
    return out;
  }
}
