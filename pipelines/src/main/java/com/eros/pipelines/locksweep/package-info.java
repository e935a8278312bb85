/**
 * The hourly lock sweep (docs/lock-sweep.md): {@link com.eros.pipelines.locksweep.LockRules}
 * decides which active caption locks are released (PAST_SEND_DATE, STALE), {@link
 * com.eros.pipelines.locksweep.SweepAlerts} which lock_cleanup alerts fire, {@link
 * com.eros.pipelines.locksweep.SweepLocks} is the reusable composite (also applied by daily
 * automation), {@link com.eros.pipelines.locksweep.SweepLedger} which log rows account for the
 * released locks, and {@link com.eros.pipelines.locksweep.LockSweepPipeline} runs it through the
 * one lifecycle as {@code ./eros lock-sweep}.
 */
package com.eros.pipelines.locksweep;
