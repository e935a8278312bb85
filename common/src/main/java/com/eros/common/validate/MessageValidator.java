package com.eros.common.validate;

import com.eros.common.table.Timestamps;
import java.io.Serializable;
import java.time.Instant;

/**
 * Checks a mass message against docs/tables.md. Pure and allocation-free: callers pass the fields,
 * so the same rules serve Beam Rows ({@link #check(org.apache.beam.sdk.values.Row, Instant)}) and
 * compact per-message values.
 */
public final class MessageValidator implements Serializable {
  private static final long serialVersionUID = 1L;

  private MessageValidator() {}

  /**
   * The first rule the message breaks, or null when it is valid.
   *
   * @param sendingTimeMicros epoch microseconds, or null
   * @param nowMicros the run's "now" (epoch microseconds); messages up to now + 1 hour are accepted
   */
  public static MessageRule check(
      String pageName,
      Long sendingTimeMicros,
      Long sentCount,
      Long viewedCount,
      Long purchasedCount,
      Double earnings,
      Double price,
      long nowMicros) {
    if (pageName == null || pageName.isBlank()) {
      return MessageRule.PAGE_NAME_MISSING;
    }
    if (sendingTimeMicros == null) {
      return MessageRule.SENDING_TIME_MISSING;
    }
    if (sendingTimeMicros > nowMicros + Timestamps.HOUR_MICROS) {
      return MessageRule.SENDING_TIME_IN_FUTURE;
    }
    if (sentCount == null || sentCount < 1) {
      return MessageRule.SENT_COUNT_BELOW_ONE;
    }
    if (viewedCount == null || viewedCount < 0 || viewedCount > sentCount) {
      return MessageRule.VIEWED_COUNT_OUT_OF_RANGE;
    }
    if (purchasedCount == null || purchasedCount < 0 || purchasedCount > viewedCount) {
      return MessageRule.PURCHASED_COUNT_OUT_OF_RANGE;
    }
    if (earnings == null || !Double.isFinite(earnings) || earnings < 0) {
      return MessageRule.EARNINGS_INVALID;
    }
    if (price != null && (!Double.isFinite(price) || price < 0)) {
      return MessageRule.PRICE_INVALID;
    }
    return null;
  }

  /**
   * The first rule a {@code mass_messages} Row breaks, or null when valid. The Row must carry
   * page_name, sending_time, sent_count, viewed_count, purchased_count, earnings and price.
   */
  public static MessageRule check(org.apache.beam.sdk.values.Row row, Instant now) {
    Instant ts = Timestamps.get(row, "sending_time");
    return check(
        row.getString("page_name"),
        ts == null ? null : Timestamps.micros(ts),
        row.getInt64("sent_count"),
        row.getInt64("viewed_count"),
        row.getInt64("purchased_count"),
        row.getDouble("earnings"),
        row.getDouble("price"),
        Timestamps.micros(now));
  }
}
