package com.eros.pipelines.captionperformance;

import static com.eros.pipelines.captionperformance.Fixtures.DAY;
import static com.eros.pipelines.captionperformance.Fixtures.NOW;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.testing.Pipelines;
import com.eros.common.validate.MessageRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;

/** The per-page validation step alone, on in-memory rows (covers the future-time rule too). */
class ValidateAndAttributeTest {
  private static final Schema SCHEMA =
      Tables.MASS_MESSAGES.schema(List.of(CaptionPerformancePipeline.MESSAGE_COLUMNS));

  private static Row msg(
      long id,
      String page,
      Long caption,
      String text,
      Long sendMicros,
      Long sent,
      Long viewed,
      Long purchased,
      Double earnings,
      Double price) {
    return Row.withSchema(SCHEMA)
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
        .build();
  }

  @Test
  void routesEachRuleWithItsReasonAndKeepsEveryValidMessage() {
    long t = NOW - DAY;
    List<Row> p1 =
        List.of(
            msg(1, "p1", 5L, "x", t, 10L, 5L, 1L, 2.0, null),
            msg(2, "p1", null, "  Hi There ", t, 10L, 5L, 1L, 2.0, 1.0), // attributed to 7
            msg(3, "p1", null, "twin", t, 10L, 5L, 1L, 2.0, 1.0), // ambiguous
            msg(4, "p1", null, "nothing", t, 10L, 5L, 1L, 2.0, 1.0), // no match
            msg(
                5,
                "p1",
                5L,
                "x",
                NOW + 3_600_000_001L,
                10L,
                5L,
                1L,
                2.0,
                null), // 1 µs later than asOf + 1 h
            msg(
                6,
                "p1",
                5L,
                "x",
                NOW + 3_600_000_000L,
                10L,
                5L,
                1L,
                2.0,
                null), // exactly asOf + 1 h: valid
            msg(7, "p1", 5L, "x", null, 10L, 5L, 1L, 2.0, null),
            msg(8, "p1", 5L, "x", t, null, 5L, 1L, 2.0, null),
            msg(9, "p1", 5L, "x", t, 10L, null, 1L, 2.0, null),
            msg(10, "p1", 5L, "x", t, 10L, 5L, -1L, 2.0, null),
            msg(11, "p1", 5L, "x", t, 10L, 5L, 1L, Double.NEGATIVE_INFINITY, null),
            msg(12, "p1", 5L, "x", t, 10L, 5L, 1L, 2.0, Double.POSITIVE_INFINITY));
    List<Row> blank = List.of(msg(13, "  ", 5L, "x", t, 10L, 5L, 1L, 2.0, null));

    Pipeline p = Pipelines.create();
    CaptionIndex shared =
        CaptionIndex.builder().add(7, "hi there", null).add(8, "twin", null).build();
    CaptionIndex ownedByP1 = CaptionIndex.builder().add(9, "TWIN", "p1").build();
    CaptionIndex ownedByP2 =
        CaptionIndex.builder().add(10, "nothing", "p2").build(); // not visible to p1
    PCollectionView<CaptionIndex> sharedView =
        p.apply("Shared", Create.of(shared).withCoder(CaptionIndex.CODER))
            .apply("As shared", View.asSingleton());
    PCollectionView<Map<String, CaptionIndex>> ownedView =
        p.apply(
                "Owned",
                Create.of(KV.of("p1", ownedByP1), KV.of("p2", ownedByP2))
                    .withCoder(KvCoder.of(StringUtf8Coder.of(), CaptionIndex.CODER)))
            .apply("As owned", View.asMap());
    PCollectionTuple out =
        p.apply(
                "Pages",
                Create.of(KV.of("p1", p1), KV.of("  ", blank))
                    .withCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(RowCoder.of(SCHEMA)))))
            .apply(
                new ValidateAndAttribute(
                    new BuildCaptionIndex.Views(sharedView, ownedView),
                    Fixtures.AS_OF,
                    Instant.EPOCH,
                    "job"));

    PAssert.that(
            out.get(ValidateAndAttribute.REJECTED)
                .apply(
                    MapElements.into(TypeDescriptors.strings())
                        .via(r -> r.getString("row_key") + " " + r.getString("reason"))))
        .containsInAnyOrder(
            "5 " + MessageRule.SENDING_TIME_IN_FUTURE.reason(),
            "7 " + MessageRule.SENDING_TIME_MISSING.reason(),
            "8 " + MessageRule.SENT_COUNT_BELOW_ONE.reason(),
            "9 " + MessageRule.VIEWED_COUNT_OUT_OF_RANGE.reason(),
            "10 " + MessageRule.PURCHASED_COUNT_OUT_OF_RANGE.reason(),
            "11 " + MessageRule.EARNINGS_INVALID.reason(),
            "12 " + MessageRule.PRICE_INVALID.reason(),
            "13 " + MessageRule.PAGE_NAME_MISSING.reason());
    PAssert.that(
            out.get(ValidateAndAttribute.VALID)
                .apply(
                    MapElements.into(TypeDescriptors.strings())
                        .via(ValidateAndAttributeTest::describe)))
        .containsInAnyOrder("p1 1:5 2:7 3:- 4:- 6:5");
    PAssert.that(
            out.get(ValidateAndAttribute.TALLY)
                .apply(MapElements.into(TypeDescriptors.strings()).via(RunTally::toString)))
        .satisfies(
            tallies -> {
              List<String> all = new ArrayList<>();
              tallies.forEach(all::add);
              assertThat(
                  all,
                  containsInAnyOrder(
                      "RunTally{read=12, rejected=[0, 1, 1, 1, 1, 1, 1, 1], captioned=2, attributed=1, noMatch=1, ambiguous=1,"
                          + " pagesWithStats=0, pagesWithoutMedian=0, statsRows=0}",
                      "RunTally{read=1, rejected=[1, 0, 0, 0, 0, 0, 0, 0], captioned=0, attributed=0, noMatch=0, ambiguous=0,"
                          + " pagesWithStats=0, pagesWithoutMedian=0, statsRows=0}"));
              return null;
            });
    Pipelines.run(p);
    assertThat(MessageRule.values().length, is(8));
  }

  private static String describe(PageMessages m) {
    StringBuilder sb = new StringBuilder(m.page());
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < m.size(); i++) {
      parts.add(m.messageId(i) + ":" + (m.hasCaption(i) ? Long.toString(m.captionId(i)) : "-"));
    }
    parts.sort(null);
    parts.forEach(s -> sb.append(' ').append(s));
    return sb.toString();
  }
}
