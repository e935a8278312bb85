package com.eros.pipelines.healthmonitor;

/** Where an alert can be delivered. */
public enum Channel {
  SLACK,
  PAGERDUTY,
  WEBHOOK;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Channel parse(String s) {
    for (Channel c : values()) {
      if (c.id().equals(s.strip().toLowerCase(java.util.Locale.ROOT))) {
        return c;
      }
    }
    return null;
  }
}
