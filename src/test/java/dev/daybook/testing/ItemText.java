package dev.daybook.testing;

import dev.daybook.model.Items;

/** What a section of items says, for assertions on words rather than form. */
public final class ItemText {

  private ItemText() {}

  /** The items' CommonMark source (titles and details), or the section's text, one a line. */
  public static String of(Items<?> items) {
    return String.join("\n", items.sources());
  }
}
