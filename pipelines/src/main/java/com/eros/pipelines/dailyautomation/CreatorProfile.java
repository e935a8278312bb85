package com.eros.pipelines.dailyautomation;

import java.io.Serializable;

/**
 * The analysis of one creator over the analysis window (docs/daily-automation.md §2). Rates that
 * have no denominator are {@code NaN} (stored as NULL); best hours/weekday are null when no slot
 * has enough messages.
 */
public record CreatorProfile(
    String pageName,
    long messageCount,
    double totalRevenue,
    double rpr,
    double viewRate,
    double conversionRate,
    String sizeTier,
    String segment,
    Integer bestHour1,
    Integer bestHour2,
    Integer bestHour3,
    String bestWeekday,
    double recentViewRate,
    double baselineViewRate,
    double recentRpr,
    double baselineRpr,
    boolean lastThreeDaysBelowBaseline,
    double fatigueScore,
    String fatigueRisk,
    double volumeFactor)
    implements Serializable {}
