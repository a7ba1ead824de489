package dev.daybook.analysis.rules;

import dev.daybook.model.ChangeType;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words in a commit message that the rules act on. Matching ignores case. */
enum Keyword {
  SECURITY("security|CVE-\\d{4}|GHSA-\\w{4}|vulnerab\\w*", null),
  /** git's own {@code Revert "..."} title, and reverts written by hand ("Revert broken ..."). */
  REVERT("^revert\\b", ChangeType.REVERT),
  /** A flaky test is a test problem even when the title says "fix". */
  FLAKY("flaky", ChangeType.TEST),
  FIX("fix(?:es|ed|ing)?|bug(?:s|fix)?|hotfix", ChangeType.BUGFIX),
  /** Fusing kernels or ops is how ML-serving code gets faster. */
  PERFORMANCE("optimi[sz]\\w*|speed[- ]?ups?|faster|performance|fus(?:e|es|ed|ing|ion)",
      ChangeType.PERFORMANCE),
  REFACTOR("refactor\\w*|clean[- ]?up|cleanup|moving|move|rename", ChangeType.REFACTOR),
  FEATURE("add(?:s|ed|ing)?|support(?:s|ed|ing)?|introduc\\w*|implement\\w*|enabl\\w*|allow\\w*"
      + "|integrat\\w*", ChangeType.FEATURE);

  private final Pattern pattern;
  private final ChangeType type;

  Keyword(String regex, ChangeType type) {
    // Whole words only, so that "prefix" is no fix and "address" no add.
    String word = regex.startsWith("^") ? regex : "\\b(?:" + regex + ")\\b";
    this.pattern = Pattern.compile(word, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    this.type = type;
  }

  /** The type this keyword suggests, or {@code null} for the security marker. */
  ChangeType type() {
    return type;
  }

  /** The first occurrence as written in the text, e.g. {@code Fix}. */
  Optional<String> find(String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }
}
