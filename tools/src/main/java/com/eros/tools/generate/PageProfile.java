package com.eros.tools.generate;

/**
 * One generated page (creator account) and the hidden parameters its messages are drawn from.
 *
 * @param firstMessage global 0-based index of the page's first message (message_id = index + 1)
 * @param audience typical number of recipients of a send
 * @param viewRate base share of recipients who view a send
 * @param conversion base share of viewers who buy
 * @param priceLevel typical price of a paid message (USD)
 * @param peakShift hours by which the page's audience peak is shifted from the global evening peak
 * @param favouriteDay ISO day of week (1 = Monday) on which the page's fans respond best
 * @param fatigued whether the page's last 7 days respond worse than before (fatigue)
 * @param activeFromMs first instant the page sends in (new pages start late)
 * @param activeToMs instant the page stops sending (churned pages stop early), exclusive
 * @param saturated whether its caption locks are drawn to make saturation at least 80 %
 */
record PageProfile(
    int index,
    String name,
    long messages,
    long firstMessage,
    double weight,
    int audience,
    double viewRate,
    double conversion,
    double priceLevel,
    int peakShift,
    int favouriteDay,
    boolean fatigued,
    long activeFromMs,
    long activeToMs,
    boolean saturated) {}
