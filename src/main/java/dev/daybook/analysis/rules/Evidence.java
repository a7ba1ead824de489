package dev.daybook.analysis.rules;

import dev.daybook.model.ChangeType;
import dev.daybook.model.Commit;
import java.util.Optional;

/** What the rules read from one commit: the parsed title, the grouped files and the markers. */
record Evidence(Commit commit, Title title, ChangeSet changes) {

  static Evidence of(Commit commit) {
    return new Evidence(commit, Title.parse(commit.title()), ChangeSet.of(commit));
  }

  /** Why the commit breaks compatibility, by the first rule of {@link Breaking} that fired. */
  Optional<Breaking> breakingRule() {
    return Breaking.find(this);
  }

  /** What that rule saw, as written: a prefix with {@code !}, a footer, a path or a flag. */
  Optional<String> breaking() {
    return breakingRule().map(Breaking::quote);
  }

  /** The security word as written anywhere in the message, e.g. {@code CVE-2025}. */
  Optional<String> security() {
    return Keyword.SECURITY.find(commit.message());
  }

  /** A {@code revert:} prefix, or a subject starting with "Revert" as git writes it. */
  Optional<String> revert() {
    return title.prefix()
        .filter(p -> TypeWords.type(p.word()).orElse(null) == ChangeType.REVERT)
        .map(Title.Prefix::raw)
        .or(() -> Keyword.REVERT.find(title.subject()));
  }

  /** A {@code [Kernel]} tag or {@code kernel:} prefix word, as written. */
  Optional<String> kernelMarker() {
    return title.tags().stream().filter(TypeWords::isKernel).findFirst()
        .or(() -> title.prefix().map(Title.Prefix::word).filter(TypeWords::isKernel));
  }
}
