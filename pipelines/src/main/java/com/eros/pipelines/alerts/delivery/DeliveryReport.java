package com.eros.pipelines.alerts.delivery;

/**
 * The delivery outcome recorded on the alert.
 *
 * @param status DELIVERED (every usable routed channel took it), PARTIAL, FAILED (none did),
 *     NOT_ROUTED (no channel for the level, or none of the routed channels is configured) or
 *     SUPPRESSED (a pipeline alert within the cooldown of a delivered one: recorded, not sent)
 * @param detail one clause per routed channel, without secrets
 */
public record DeliveryReport(String status, String detail) {
  public static final String PENDING = "PENDING";
  public static final String DELIVERED = "DELIVERED";
  public static final String PARTIAL = "PARTIAL";
  public static final String FAILED = "FAILED";
  public static final String NOT_ROUTED = "NOT_ROUTED";
  public static final String SUPPRESSED = "SUPPRESSED";
}
