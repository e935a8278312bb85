package com.eros.common.validate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import java.time.Instant;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

class MessageValidatorTest {
  private static final Instant NOW_INSTANT = Instant.parse("2026-11-29T12:00:00Z");
  private static final long NOW = Timestamps.micros(NOW_INSTANT);
  private static final long HOUR = Timestamps.HOUR_MICROS;

  private static MessageRule check(
      String page, Long ts, Long sent, Long viewed, Long bought, Double earn, Double price) {
    return MessageValidator.check(page, ts, sent, viewed, bought, earn, price, NOW);
  }

  @Test
  void acceptsAValidMessageIncludingEdges() {
    assertThat(check("p", NOW, 10L, 5L, 1L, 3.0, 2.0), nullValue());
    assertThat(check("p", NOW + HOUR, 1L, 1L, 1L, 0.0, null), nullValue());
    assertThat(check("p", NOW, 1L, 0L, 0L, 0.0, 0.0), nullValue());
  }

  @Test
  void namesEachBrokenRule() {
    assertThat(check(null, NOW, 1L, 0L, 0L, 0.0, null), equalTo(MessageRule.PAGE_NAME_MISSING));
    assertThat(check("  ", NOW, 1L, 0L, 0L, 0.0, null), equalTo(MessageRule.PAGE_NAME_MISSING));
    assertThat(check("p", null, 1L, 0L, 0L, 0.0, null), equalTo(MessageRule.SENDING_TIME_MISSING));
    assertThat(
        check("p", NOW + HOUR + 1, 1L, 0L, 0L, 0.0, null),
        equalTo(MessageRule.SENDING_TIME_IN_FUTURE));
    assertThat(check("p", NOW, 0L, 0L, 0L, 0.0, null), equalTo(MessageRule.SENT_COUNT_BELOW_ONE));
    assertThat(check("p", NOW, null, 0L, 0L, 0.0, null), equalTo(MessageRule.SENT_COUNT_BELOW_ONE));
    assertThat(
        check("p", NOW, 5L, 6L, 0L, 0.0, null), equalTo(MessageRule.VIEWED_COUNT_OUT_OF_RANGE));
    assertThat(
        check("p", NOW, 5L, -1L, 0L, 0.0, null), equalTo(MessageRule.VIEWED_COUNT_OUT_OF_RANGE));
    assertThat(
        check("p", NOW, 5L, null, 0L, 0.0, null), equalTo(MessageRule.VIEWED_COUNT_OUT_OF_RANGE));
    assertThat(
        check("p", NOW, 5L, 3L, 4L, 0.0, null), equalTo(MessageRule.PURCHASED_COUNT_OUT_OF_RANGE));
    assertThat(
        check("p", NOW, 5L, 3L, -1L, 0.0, null), equalTo(MessageRule.PURCHASED_COUNT_OUT_OF_RANGE));
    assertThat(
        check("p", NOW, 5L, 3L, 1L, Double.NaN, null), equalTo(MessageRule.EARNINGS_INVALID));
    assertThat(
        check("p", NOW, 5L, 3L, 1L, Double.POSITIVE_INFINITY, null),
        equalTo(MessageRule.EARNINGS_INVALID));
    assertThat(check("p", NOW, 5L, 3L, 1L, -0.01, null), equalTo(MessageRule.EARNINGS_INVALID));
    assertThat(check("p", NOW, 5L, 3L, 1L, null, null), equalTo(MessageRule.EARNINGS_INVALID));
    assertThat(check("p", NOW, 5L, 3L, 1L, 1.0, -1.0), equalTo(MessageRule.PRICE_INVALID));
    assertThat(check("p", NOW, 5L, 3L, 1L, 1.0, Double.NaN), equalTo(MessageRule.PRICE_INVALID));
  }

  @Test
  void checksRowsAndSerialisesThemForDeadLetters() {
    Row r =
        Row.withSchema(Tables.MASS_MESSAGES.schema())
            .withFieldValue("message_id", 7L)
            .withFieldValue("page_name", "p")
            .withFieldValue("sending_time", NOW_INSTANT)
            .withFieldValue("sent_count", 3L)
            .withFieldValue("viewed_count", 4L)
            .withFieldValue("purchased_count", 0L)
            .withFieldValue("earnings", Double.NaN)
            .build();
    assertThat(
        MessageValidator.check(r, NOW_INSTANT), equalTo(MessageRule.VIEWED_COUNT_OUT_OF_RANGE));
    String json = RejectedRows.toJson(r);
    assertThat(json, containsString("\"sending_time\":\"2026-11-29T12:00:00Z\""));
    assertThat(json, containsString("\"earnings\":\"NaN\""));
    assertThat(json, containsString("\"message_id\":7"));
  }
}
