package dev.daybook.model;

import java.util.Locale;
import java.util.Optional;

/** What kind of change a commit is. A commit may have more than one. */
public enum ChangeType {
  FEATURE("feature"),
  BUGFIX("bugfix"),
  PERFORMANCE("perf"),
  REFACTOR("refactor"),
  DOCS("docs"),
  TEST("test"),
  CI("ci"),
  BUILD("build"),
  REVERT("revert"),
  CHORE("chore");

  private final String key;

  ChangeType(String key) {
    this.key = key;
  }

  /** The stable lower-case key used in headers and queries, e.g. {@code bugfix}. */
  public String key() {
    return key;
  }

  public static Optional<ChangeType> fromKey(String key) {
    String k = key.strip().toLowerCase(Locale.ROOT);
    for (ChangeType t : values()) {
      if (t.key.equals(k)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
