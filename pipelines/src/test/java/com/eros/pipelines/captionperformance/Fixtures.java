package com.eros.pipelines.captionperformance;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.warehouse.Warehouse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.Row;

/** Test data for the caption-performance pipeline: hand-made rows and seeded random data sets. */
final class Fixtures {
  static final Instant AS_OF = Instant.parse("2026-03-01T12:00:00Z");
  static final long NOW = Timestamps.micros(AS_OF);
  static final long DAY = CaptionPerformanceConfig.DAY_MICROS;

  private Fixtures() {}

  record Data(List<Row> messages, List<Row> captions) {}

  static Row message(
      Long id,
      String page,
      Long caption,
      String text,
      Long sendMicros,
      Double price,
      Long sent,
      Long viewed,
      Long purchased,
      Double earnings) {
    return Row.withSchema(Tables.MASS_MESSAGES.schema())
        .withFieldValue("message_id", id)
        .withFieldValue("page_name", page)
        .withFieldValue("caption_id", caption)
        .withFieldValue("message", text)
        .withFieldValue("sending_time", sendMicros == null ? null : Timestamps.ofMicros(sendMicros))
        .withFieldValue("price", price)
        .withFieldValue("sent_count", sent)
        .withFieldValue("viewed_count", viewed)
        .withFieldValue("purchased_count", purchased)
        .withFieldValue("earnings", earnings)
        .withFieldValue("message_type", "mass")
        .build();
  }

  /** A valid message. */
  static Row valid(
      long id,
      String page,
      Long caption,
      String text,
      long sendMicros,
      double earnings,
      long sent) {
    return message(id, page, caption, text, sendMicros, 9.99, sent, sent / 2, sent / 4, earnings);
  }

  static Row caption(long id, String text, String page, boolean active) {
    return Row.withSchema(Tables.CAPTION_BANK.schema())
        .withFieldValue("caption_id", id)
        .withFieldValue("caption_text", text)
        .withFieldValue("page_name", page)
        .withFieldValue("content_category", "general")
        .withFieldValue("price_tier", "mid")
        .withFieldValue("is_active", active)
        .withFieldValue("created_at", Timestamps.ofMicros(NOW - 400 * DAY))
        .build();
  }

  /** Replaces mass_messages and caption_bank with the data. */
  static void load(Warehouse wh, Data d) {
    wh.ensureTables(Tables.ALL);
    wh.truncateNow(Tables.MASS_MESSAGES);
    wh.truncateNow(Tables.CAPTION_BANK);
    wh.insertNow(Tables.MASS_MESSAGES, d.messages());
    wh.insertNow(Tables.CAPTION_BANK, d.captions());
  }

  /** DirectRunner options (Beam's checks left on) for a run at {@code asOf}. */
  static CaptionPerformanceOptions options(Warehouse wh, String jobId, Instant asOf) {
    CaptionPerformanceOptions o = PipelineOptionsFactory.as(CaptionPerformanceOptions.class);
    o.setRunner(org.apache.beam.runners.direct.DirectRunner.class);
    o.setWarehouse(wh.spec());
    o.setJobId(jobId);
    o.setAsOf(asOf.toString());
    return o;
  }

  private static final String[] WORDS = {
    "new",
    "set",
    "tonight",
    "just",
    "for",
    "you",
    "special",
    "unlock",
    "surprise",
    "vip",
    "hot",
    "deal",
    "today",
    "exclusive",
    "weekend",
    "bundle"
  };

  /**
   * A seeded random data set at {@link #AS_OF} with the awkward cases the oracle must agree on: a
   * page with one caption, a page whose median is 0, a page with only old messages (no median),
   * messages exactly on the window edges and at asOf, many equal sending times, NULL and duplicate
   * message_ids, uncaptioned texts matching 0, 1 or 2 visible captions (case and white-space
   * variants, retired captions, other pages' captions), caption ids absent from the bank, and a few
   * percent of invalid rows of every kind.
   */
  static Data random(long seed, int messages) {
    Random rnd = new Random(seed);
    List<String> pages = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      pages.add("page_" + i);
    }
    pages.add("solo"); // one caption only
    pages.add("zeros"); // mostly zero earnings -> median 0
    pages.add("old"); // nothing in the median window
    List<Row> captions = new ArrayList<>();
    List<List<long[]>> visible = new ArrayList<>(); // per page: {id} of captions visible to it
    List<List<String>> visibleText = new ArrayList<>();
    long nextCaption = 1;
    List<Long> sharedIds = new ArrayList<>();
    List<String> sharedTexts = new ArrayList<>();
    for (int s = 0; s < 12; s++) {
      String text = phrase(rnd, 3);
      sharedIds.add(nextCaption);
      sharedTexts.add(text);
      captions.add(caption(nextCaption++, text, null, rnd.nextInt(5) != 0));
    }
    for (String page : pages) {
      List<long[]> ids = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      int own = page.equals("solo") ? 1 : 3 + rnd.nextInt(6);
      for (int c = 0; c < own; c++) {
        String text;
        int kind = rnd.nextInt(10);
        if (kind == 0 && !page.equals("solo")) {
          text =
              sharedTexts
                  .get(rnd.nextInt(sharedTexts.size()))
                  .toUpperCase(Locale.ROOT); // collides with a shared one
        } else if (kind == 1 && !texts.isEmpty()) {
          text = "  " + texts.get(0) + " "; // two own captions with one text
        } else {
          text = phrase(rnd, 2 + rnd.nextInt(3));
        }
        ids.add(new long[] {nextCaption});
        texts.add(text);
        captions.add(caption(nextCaption++, text, page, rnd.nextInt(4) != 0));
      }
      if (!page.equals("solo")) {
        for (int s = 0; s < sharedIds.size(); s++) {
          ids.add(new long[] {sharedIds.get(s)});
          texts.add(sharedTexts.get(s));
        }
      }
      visible.add(ids);
      visibleText.add(texts);
    }
    long[] edges = {
      NOW - 30 * DAY,
      NOW - 30 * DAY - 1,
      NOW - 90 * DAY,
      NOW - 90 * DAY - 1,
      NOW,
      NOW - 1,
      NOW + 3_600_000L
    };
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < messages; i++) {
      int p = rnd.nextInt(pages.size());
      String page = pages.get(p);
      long send;
      int timeKind = rnd.nextInt(20);
      if (timeKind == 0) {
        send = edges[rnd.nextInt(edges.length)];
      } else if (timeKind < 8) {
        send =
            NOW
                - (1 + rnd.nextInt(95)) * DAY
                + rnd.nextInt(24) * 3_600_000L; // on the hour: equal times
      } else {
        send = NOW - (long) (rnd.nextDouble() * 100 * DAY);
      }
      if (page.equals("old")) {
        send = NOW - 31 * DAY - (long) (rnd.nextDouble() * 50 * DAY);
      }
      Long caption = null;
      String text;
      List<long[]> ids = visible.get(p);
      int capKind = rnd.nextInt(20);
      if (page.equals("solo")) {
        capKind = capKind < 15 ? 0 : 19; // its one caption, or free text that matches nothing
      }
      if (capKind < 9) {
        caption = ids.get(rnd.nextInt(ids.size()))[0];
        text = "sent with its caption";
      } else if (capKind == 9) {
        caption = 100_000L + rnd.nextInt(3); // not in the bank: still counts under its own id
        text = "unknown caption";
      } else if (capKind < 15) {
        text = vary(rnd, visibleText.get(p).get(rnd.nextInt(visibleText.get(p).size())));
      } else if (capKind < 17) {
        List<String> other = visibleText.get(rnd.nextInt(visibleText.size()));
        text = other.get(rnd.nextInt(other.size()));
      } else if (capKind < 19) {
        text = phrase(rnd, 4);
      } else {
        text = rnd.nextBoolean() ? null : "no caption at all " + rnd.nextInt(1000);
      }
      long sent =
          switch (rnd.nextInt(4)) {
            case 0 -> 1;
            case 1 -> 1L << rnd.nextInt(4);
            default -> 1 + rnd.nextInt(400);
          };
      long viewed = (long) (sent * rnd.nextDouble());
      long purchased = viewed == 0 ? 0 : rnd.nextInt((int) Math.min(viewed, 50) + 1);
      double earnings;
      int eKind = rnd.nextInt(10);
      if (eKind < 2 || (page.equals("zeros") && rnd.nextInt(10) < 8)) {
        earnings = 0.0;
      } else if (eKind < 5) {
        earnings = rnd.nextInt(40) * 0.25; // exact values: equal EMVs and exact ties
      } else {
        earnings = rnd.nextInt(500_000) / 100.0;
      }
      Double price = rnd.nextInt(5) == 0 ? null : rnd.nextInt(5000) / 100.0;
      Long id =
          rnd.nextInt(30) == 0
              ? null
              : (rnd.nextInt(100) == 0 ? (long) rnd.nextInt(i + 1) : (long) i);
      Long sendMicros = send;
      Long sentCount = sent;
      Long viewedCount = viewed;
      Long purchasedCount = purchased;
      Double earn = earnings;
      if (rnd.nextInt(25) == 0) {
        switch (rnd.nextInt(12)) {
          case 0 -> page = rnd.nextBoolean() ? null : " \t";
          case 1 -> sendMicros = null;
          case 2 -> sentCount = rnd.nextBoolean() ? 0L : null;
          case 3 -> viewedCount = sent + 1;
          case 4 -> viewedCount = -1L;
          case 5 -> purchasedCount = viewed + 1;
          case 6 -> purchasedCount = null;
          case 7 -> earn = -0.01;
          case 8 -> earn = Double.NaN;
          case 9 -> earn = Double.POSITIVE_INFINITY;
          case 10 -> price = -1.0;
          default -> price = Double.NaN;
        }
      }
      rows.add(
          message(
              id,
              page,
              caption,
              text,
              sendMicros,
              price,
              sentCount,
              viewedCount,
              purchasedCount,
              earn));
    }
    return new Data(rows, captions);
  }

  private static String phrase(Random rnd, int words) {
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < words; w++) {
      sb.append(w == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  /** The same text as normalisation sees it, written differently (case, white space). */
  private static String vary(Random rnd, String text) {
    return switch (rnd.nextInt(4)) {
      case 0 -> text;
      case 1 -> text.toUpperCase(Locale.ROOT);
      case 2 -> " \t" + text.replace(" ", "  \n ") + "\r\n";
      default -> text + " extra"; // no longer the same text
    };
  }
}
