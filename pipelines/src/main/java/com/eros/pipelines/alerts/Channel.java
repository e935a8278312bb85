package com.eros.pipelines.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where an alert can be delivered. The order is the order of delivery and of the per-channel
 * clauses.
 */
public enum Channel {
  SLACK,
  PAGERDUTY,
  WEBHOOK,
  GOOGLE_CHAT,
  EMAIL;

  /**
   * The name in the rules file and in delivery_detail: slack, pagerduty, webhook, google_chat,
   * email.
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Chat channels get WARNING alerts by default (Slack and Google Chat). */
  public boolean chat() {
    return this == SLACK || this == GOOGLE_CHAT;
  }

  /** The channel with this id (case-insensitive), or null. */
  public static Channel parse(String s) {
    for (Channel c : values()) {
      if (c.id().equals(s.strip().toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    return null;
  }

  /** "slack, pagerduty, webhook, google_chat, email", for messages. */
  public static String ids() {
    List<String> ids = new ArrayList<>();
    for (Channel c : values()) {
      ids.add(c.id());
    }
    return String.join(", ", ids);
  }
}
