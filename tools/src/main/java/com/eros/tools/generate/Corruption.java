package com.eros.tools.generate;

import com.eros.common.validate.MessageRule;

/**
 * The kinds of invalid mass message the generator plants, each breaking exactly one validity rule
 * of docs/tables.md (the first rule {@link com.eros.common.validate.MessageValidator} reports).
 */
enum Corruption {
  PAGE_NAME_NULL(MessageRule.PAGE_NAME_MISSING),
  PAGE_NAME_EMPTY(MessageRule.PAGE_NAME_MISSING),
  SENDING_TIME_NULL(MessageRule.SENDING_TIME_MISSING),
  SENDING_TIME_FUTURE(MessageRule.SENDING_TIME_IN_FUTURE),
  SENT_COUNT_ZERO(MessageRule.SENT_COUNT_BELOW_ONE),
  VIEWED_ABOVE_SENT(MessageRule.VIEWED_COUNT_OUT_OF_RANGE),
  VIEWED_NEGATIVE(MessageRule.VIEWED_COUNT_OUT_OF_RANGE),
  PURCHASED_ABOVE_VIEWED(MessageRule.PURCHASED_COUNT_OUT_OF_RANGE),
  PURCHASED_NEGATIVE(MessageRule.PURCHASED_COUNT_OUT_OF_RANGE),
  EARNINGS_NAN(MessageRule.EARNINGS_INVALID),
  EARNINGS_NEGATIVE(MessageRule.EARNINGS_INVALID),
  EARNINGS_INFINITE(MessageRule.EARNINGS_INVALID),
  PRICE_NEGATIVE(MessageRule.PRICE_INVALID),
  PRICE_NAN(MessageRule.PRICE_INVALID);

  private final MessageRule rule;

  Corruption(MessageRule rule) {
    this.rule = rule;
  }

  /** The rule a message with this corruption breaks. */
  MessageRule rule() {
    return rule;
  }
}
