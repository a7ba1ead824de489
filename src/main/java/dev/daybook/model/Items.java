package dev.daybook.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A section of an analysis made of items: its technical insights, its risks or its
 * recommendations. Text that is in no form of items (a person's edit, an older report) is kept as
 * written in {@code text}, with no items; otherwise {@code text} is empty.
 */
public record Items<T extends Items.Item>(List<T> list, String text) {

  /** An item of a section. */
  public interface Item {
    /** Its CommonMark source, in reading order (title first), for what reads words not form. */
    List<String> parts();
  }

  public Items {
    list = List.copyOf(list);
    text = Objects.requireNonNullElse(text, "");
    if (!list.isEmpty() && !text.isBlank()) {
      throw new IllegalArgumentException("a section holds items or text, not both");
    }
  }

  public static <T extends Item> Items<T> none() {
    return new Items<>(List.of(), "");
  }

  public static <T extends Item> Items<T> of(List<T> items) {
    return new Items<>(items, "");
  }

  /** A section kept as the CommonMark source it was written as. */
  public static <T extends Item> Items<T> text(String markdown) {
    return new Items<>(List.of(), markdown);
  }

  public boolean isEmpty() {
    return list.isEmpty() && text.isBlank();
  }

  /** All its CommonMark source: the items' parts, or its text (none when it is empty). */
  public List<String> sources() {
    if (list.isEmpty()) {
      return text.isBlank() ? List.of() : List.of(text);
    }
    List<String> out = new ArrayList<>();
    for (T item : list) {
      item.parts().stream().filter(part -> !part.isBlank()).forEach(out::add);
    }
    return out;
  }
}
