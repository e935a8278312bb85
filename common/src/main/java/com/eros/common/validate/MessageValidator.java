package com.eros.common.validate;

import java.io.Serializable;
import java.time.Instant;

/**
 * Checks a mass message against REFERENCE §1. Pure and allocation-free: callers pass the fields, so
 * the same rules serve Beam Rows ({@link #check(org.apache.beam.sdk.values.Row, Instant)}) and
 * compact per-message values.
 */
public final class MessageValidator implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long HOUR_MS = 3_600_000L;

  private MessageValidator() {}

  /**
   * The first rule the message breaks, or null when it is valid.
   *
   * @param sendingTimeMs epoch millis, or null
   * @param nowMs the run's "now" (epoch millis); messages up to now + 1 hour are accepted
   */
  public static MessageRule check(
      String pageName, Long sendingTimeMs, Long sentCount, Long viewedCount, Long purchasedCount,
      Double earnings, Double price, long nowMs) {
    if (pageName == null || pageName.isBlank()) {
      return MessageRule.PAGE_NAME_MISSING;
    }
    if (sendingTimeMs == null) {
      return MessageRule.SENDING_TIME_MISSING;
    }
    if (sendingTimeMs > nowMs + HOUR_MS) {
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
    Object ts = row.getValue("sending_time");
    Long sendMs = ts == null ? null : ((org.joda.time.ReadableInstant) ts).getMillis();
    return check(
        row.getString("page_name"), sendMs, row.getInt64("sent_count"), row.getInt64("viewed_count"),
        row.getInt64("purchased_count"), row.getDouble("earnings"), row.getDouble("price"), now.toEpochMilli());
  }
}
