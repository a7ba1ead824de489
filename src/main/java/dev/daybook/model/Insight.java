package dev.daybook.model;

import java.util.List;
import java.util.Objects;

/**
 * A technical insight: the aspect it is about ({@code null} when its analyzer files it under none)
 * and what it says, one line of CommonMark source that is safe to place in a report (it becomes a
 * table cell or a list item).
 */
public record Insight(Dimension dimension, String text) implements Items.Item {

  public Insight {
    Objects.requireNonNull(text, "text");
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("an insight is one line: " + text);
    }
  }

  @Override
  public List<String> parts() {
    return List.of(text);
  }
}
