package com.eros.pipelines.alerts.delivery;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Removes secret values (webhook URLs, keys and their secret parts) from text before it is logged
 * or stored.
 */
public final class Redactor {
  public static final String MASK = "[redacted]";
  private final List<String> secrets = new ArrayList<>();

  /** Registers a secret; for a URL also its path and query (the parts that carry tokens). */
  public Redactor add(String secret) {
    if (secret == null || secret.isBlank()) {
      return this;
    }
    secrets.add(secret);
    secrets.add(secret.strip());
    try {
      URI u = URI.create(secret.strip());
      if (u.getRawPath() != null && u.getRawPath().length() > 1) {
        secrets.add(u.getRawPath());
      }
      if (u.getRawQuery() != null && !u.getRawQuery().isEmpty()) {
        secrets.add(u.getRawQuery());
        for (String kv : u.getRawQuery().split("&")) {
          int eq = kv.indexOf('=');
          addPart(eq < 0 ? kv : kv.substring(eq + 1));
        }
      }
      if (u.getRawPath() != null) {
        // tokens are path segments (Slack: /services/T…/B…/token): each may be echoed on its own
        for (String segment : u.getRawPath().split("/")) {
          addPart(segment);
        }
      }
    } catch (IllegalArgumentException e) {
      // not a URL: the whole value is registered
    }
    secrets.removeIf(s -> s.length() < 4);
    secrets.sort(Comparator.comparingInt(String::length).reversed());
    return this;
  }

  /**
   * Parts of a URL shorter than 8 characters (such as "v2", "hooks") are too common to be tokens.
   */
  private void addPart(String part) {
    if (part.length() >= 8) {
      secrets.add(part);
    }
  }

  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, MASK);
    }
    return out;
  }
}
