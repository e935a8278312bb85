package com.eros.common.validate;

/** The validity rules of a mass message (docs/tables.md), in the order they are checked. */
public enum MessageRule {
  PAGE_NAME_MISSING("page_name is NULL or empty"),
  SENDING_TIME_MISSING("sending_time is NULL"),
  SENDING_TIME_IN_FUTURE("sending_time is later than now + 1 hour"),
  SENT_COUNT_BELOW_ONE("sent_count is NULL or below 1"),
  VIEWED_COUNT_OUT_OF_RANGE("viewed_count is NULL, negative or above sent_count"),
  PURCHASED_COUNT_OUT_OF_RANGE("purchased_count is NULL, negative or above viewed_count"),
  EARNINGS_INVALID("earnings is NULL, not finite or negative"),
  PRICE_INVALID("price is set but not finite or negative");

  private final String description;

  MessageRule(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** The reason written to rejected_rows: the rule's name and what it means. */
  public String reason() {
    return name() + ": " + description;
  }
}
