package dev.daybook.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The fixed aspects a technical insight is filed under, in the order a report lists them (the
 * reference report's 架构影响 / 性能影响 / 安全考虑 / 可维护性 / 部署/资源).
 */
public enum Dimension {
  ARCHITECTURE("architecture"),
  PERFORMANCE("performance"),
  SECURITY("security"),
  MAINTAINABILITY("maintainability"),
  DEPLOYMENT("deployment");

  private final String key;

  Dimension(String key) {
    this.key = key;
  }

  /** The stable lower-case key a model answers with, e.g. {@code performance}. */
  public String key() {
    return key;
  }

  public static Optional<Dimension> fromKey(String key) {
    String k = key.strip().toLowerCase(Locale.ROOT);
    for (Dimension d : values()) {
      if (d.key.equals(k)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
