package dev.daybook.model;

import java.util.Locale;
import java.util.Optional;

/** How much a commit matters to someone following the repository, highest first. */
public enum Severity {
  HIGH,
  MEDIUM,
  LOW;

  /** The stable lower-case key used in URLs, headers and queries: {@code high}, ... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Severity> fromKey(String key) {
    for (Severity s : values()) {
      if (s.key().equalsIgnoreCase(key.strip())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
