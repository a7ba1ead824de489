package dev.daybook.model;

import java.util.List;
import java.util.Objects;

/**
 * A risk or a recommendation: a short title (empty when its analyzer gives none) and its details,
 * both CommonMark source that is safe to place in a report; the title is one line.
 */
public record Point(String title, String details) implements Items.Item {

  public Point {
    title = Objects.requireNonNullElse(title, "");
    details = Objects.requireNonNullElse(details, "");
    if (title.indexOf('\n') >= 0 || title.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a title is one line: " + title);
    }
  }

  /** A point without a title. */
  public static Point untitled(String details) {
    return new Point("", details);
  }

  @Override
  public List<String> parts() {
    return title.isEmpty() ? List.of(details) : List.of(title, details);
  }
}
