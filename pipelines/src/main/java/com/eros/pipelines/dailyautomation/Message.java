package com.eros.pipelines.dailyautomation;

import java.io.Serializable;

/**
 * The figures of one valid mass message that the creator analysis needs (already validated by
 * {@link com.eros.common.validate.MessageValidator}): compact, so a page's 90 days fit in a list.
 *
 * @param sendingMicros sending_time in epoch microseconds (UTC)
 */
public record Message(long sendingMicros, long sent, long viewed, long purchased, double earnings)
    implements Serializable {}
