/**
 * Pure, Beam-free statistics used by the caption-performance and daily-automation jobs
 * (docs/caption-performance.md and docs/daily-automation.md §2): Wilson interval, exact median,
 * percent rank, time decay, EMV, bandit posterior, text normalisation, creator tiers and fatigue.
 *
 * <p>Every type here is either a final utility class with static methods or a {@link
 * java.io.Serializable} record, so it can be used freely inside pipeline functions.
 */
package com.eros.common.stats;
