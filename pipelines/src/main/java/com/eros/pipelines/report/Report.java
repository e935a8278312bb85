package com.eros.pipelines.report;

import java.time.Duration;
import java.time.Instant;

/**
 * Everything the report shows, as plain values: the seven sections and where they came from.
 *
 * @param backtest null when the project has no bandit_backtests table definition (section left out)
 * @param readTime how long reading and modelling took
 */
public record Report(
    ReportWindow window,
    String warehouse,
    Instant generatedAt,
    HealthSection health,
    RunsSection runs,
    DailySection daily,
    LocksSection locks,
    CaptionSection captions,
    QualitySection quality,
    BacktestSection backtest,
    Duration readTime) {}
