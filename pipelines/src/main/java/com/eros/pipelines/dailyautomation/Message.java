package com.eros.pipelines.dailyautomation;

import java.io.Serializable;

/**
 * The figures of one valid mass message that the creator analysis needs (already validated by
 * {@link com.eros.common.validate.MessageValidator}): compact, so a page's 90 days fit in a list.
 *
 * @param sendingMs sending_time in epoch milliseconds (UTC)
 */
public record Message(long sendingMs, long sent, long viewed, long purchased, double earnings) implements Serializable {}
