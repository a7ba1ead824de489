package dev.daybook.site;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which authors are bots: a name ending in {@code [bot]} (GitHub's apps: {@code
 * dependabot[bot]}), or one listed in {@code site.bots} (a project's own account, e.g.
 * {@code sglang-bot}, has no suffix). Names are compared without regard to case or surrounding
 * blanks.
 */
record Bots(Set<String> names) {

  static final Bots NONE = new Bots(Set.of());

  Bots {
    Set<String> folded = new TreeSet<>();
    for (String name : names) {
      folded.add(fold(name));
    }
    names = Set.copyOf(folded);
  }

  static Bots of(List<String> names) {
    return new Bots(new TreeSet<>(names));
  }

  boolean isBot(String author) {
    String name = fold(author);
    return name.endsWith("[bot]") || names.contains(name);
  }

  private static String fold(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
