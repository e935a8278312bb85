package com.eros.pipelines.dailyautomation;

import com.eros.common.time.LaTime;
import com.eros.pipelines.locksweep.SweepConfig;
import com.eros.pipelines.support.RunClock;
import com.eros.pipelines.support.RunSettings;
import com.eros.pipelines.support.UsageException;
import java.time.Instant;
import java.time.LocalDate;

/** The validated settings of one daily run (from {@link DailyAutomationOptions}). */
public record DailyAutomationConfig(
    LocalDate executionDate,
    Instant now,
    double saturationThreshold,
    int circuitBreakerThreshold,
    int cooldownDays,
    int activeWindowDays,
    int analysisWindowDays,
    int staleLockDays,
    long highVolumeThreshold,
    long bloatWarning,
    long bloatCritical)
    implements RunSettings {

  public DailyAutomationConfig {
    if (!Double.isFinite(saturationThreshold)
        || saturationThreshold < 0
        || saturationThreshold > 100) {
      throw new UsageException(
          "--saturationThreshold="
              + saturationThreshold
              + " must be a percentage between 0 and 100");
    }
    if (circuitBreakerThreshold < 1) {
      throw new UsageException(
          "--circuitBreakerThreshold=" + circuitBreakerThreshold + " must be at least 1");
    }
    if (cooldownDays < 0) {
      throw new UsageException("--cooldownDays=" + cooldownDays + " must be 0 or more");
    }
    if (activeWindowDays < 1) {
      throw new UsageException("--activeWindowDays=" + activeWindowDays + " must be at least 1");
    }
    int minAnalysis = Math.max(activeWindowDays, Windows.FATIGUE_DAYS);
    if (analysisWindowDays < minAnalysis) {
      throw new UsageException(
          "--analysisWindowDays="
              + analysisWindowDays
              + " must be at least "
              + minAnalysis
              + " (the active window and the fatigue rule's 37 days must fit in it)");
    }
    try {
      new SweepConfig(now, staleLockDays, highVolumeThreshold, bloatWarning, bloatCritical);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e); // the sweep's own rules for its options
    }
  }

  /** Validates the options; {@link UsageException} names the option and what is wrong with it. */
  public static DailyAutomationConfig from(DailyAutomationOptions o, Instant wallNow) {
    Instant now = RunClock.instant(o.getNow(), "now", wallNow);
    LocalDate date =
        RunClock.date(o.getExecutionDate(), "executionDate", LaTime.dateOf(now), wallNow);
    return new DailyAutomationConfig(
        date,
        now,
        o.getSaturationThreshold(),
        o.getCircuitBreakerThreshold(),
        o.getCooldownDays(),
        o.getActiveWindowDays(),
        o.getAnalysisWindowDays(),
        o.getStaleLockDays(),
        o.getHighVolumeThreshold(),
        o.getBloatWarning(),
        o.getBloatCritical());
  }

  /** The lock sweep's settings: this run's clock and the sweep options. */
  public SweepConfig sweep() {
    return new SweepConfig(now, staleLockDays, highVolumeThreshold, bloatWarning, bloatCritical);
  }

  public Windows windows() {
    return new Windows(executionDate, analysisWindowDays, activeWindowDays);
  }
}
