package dev.daybook.analysis.rules;

import dev.daybook.model.ChangeType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words that name a change type when they open a title, as a conventional-commit prefix
 * ({@code fix:}) or a bracket tag ({@code [Bugfix]}). Case does not matter. Words not listed here
 * name an area ({@code [diffusion]}, {@code [AMD]}): recorded, never decisive.
 */
final class TypeWords {

  private static final Map<String, ChangeType> TYPES = Map.ofEntries(
      Map.entry("feat", ChangeType.FEATURE),
      Map.entry("feature", ChangeType.FEATURE),
      Map.entry("fix", ChangeType.BUGFIX),
      Map.entry("bugfix", ChangeType.BUGFIX),
      Map.entry("bug", ChangeType.BUGFIX),
      Map.entry("hotfix", ChangeType.BUGFIX),
      Map.entry("perf", ChangeType.PERFORMANCE),
      Map.entry("performance", ChangeType.PERFORMANCE),
      Map.entry("refactor", ChangeType.REFACTOR),
      Map.entry("doc", ChangeType.DOCS),
      Map.entry("docs", ChangeType.DOCS),
      Map.entry("test", ChangeType.TEST),
      Map.entry("tests", ChangeType.TEST),
      Map.entry("testfix", ChangeType.TEST),
      Map.entry("ci", ChangeType.CI),
      Map.entry("build", ChangeType.BUILD),
      Map.entry("docker", ChangeType.BUILD),
      Map.entry("deps", ChangeType.BUILD),
      Map.entry("revert", ChangeType.REVERT),
      Map.entry("chore", ChangeType.CHORE),
      Map.entry("style", ChangeType.CHORE));

  private TypeWords() {}

  static Optional<ChangeType> type(String word) {
    return Optional.ofNullable(TYPES.get(normalize(word)));
  }

  /** {@code [Kernel]} and {@code kernel:} say the change is kernel code wherever its files live. */
  static boolean isKernel(String word) {
    String w = normalize(word);
    return w.equals("kernel") || w.equals("kernels");
  }

  static boolean isKnown(String word) {
    return type(word).isPresent() || isKernel(word);
  }

  private static String normalize(String word) {
    return word.strip().toLowerCase(Locale.ROOT);
  }
}
