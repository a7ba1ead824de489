package dev.daybook.analysis.rules;

import dev.daybook.model.FileChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A risk the data shows, with its evidence. Each kind comes with one recommendation (see
 * {@link Wording}); nothing here is guessed from what the code might do.
 *
 * @param files the files that carry the risk, largest change first; may be empty
 * @param quote the marker as written in the message (breaking, security, revert), else empty
 */
record Risk(Kind kind, List<FileChange> files, Tally tally, String quote) {

  enum Kind {
    BREAKING,
    SECURITY,
    REVERT,
    DEPENDENCY,
    KERNEL,
    LARGE_CHANGE,
    FILES_REMOVED,
    UNTESTED_CODE
  }

  Risk {
    files = List.copyOf(files);
  }

  /** The risks of a commit, in {@link Kind} order. */
  static List<Risk> find(Evidence evidence) {
    ChangeSet changes = evidence.changes();
    List<Risk> risks = new ArrayList<>();
    marker(Kind.BREAKING, evidence.breaking(), risks);
    marker(Kind.SECURITY, evidence.security(), risks);
    marker(Kind.REVERT, evidence.revert(), risks);
    withFiles(Kind.DEPENDENCY, changes.files(PathKind.DEPENDENCY), risks);
    withFiles(Kind.KERNEL, SeverityRules.kernelFiles(evidence), risks);
    if (SeverityRules.isLarge(changes)) {
      risks.add(new Risk(Kind.LARGE_CHANGE, changes.files(), changes.total(), ""));
    }
    withFiles(Kind.FILES_REMOVED, changes.withStatus(FileChange.Status.REMOVED), risks);
    List<FileChange> code = changes.files(k -> k == PathKind.SOURCE || k == PathKind.KERNEL);
    if (!changes.has(PathKind.TEST) && Tally.of(code).lines() > SeverityRules.TINY_LINES) {
      withFiles(Kind.UNTESTED_CODE, code, risks);
    }
    return List.copyOf(risks);
  }

  private static void marker(Kind kind, Optional<String> quote, List<Risk> risks) {
    quote.ifPresent(q -> risks.add(new Risk(kind, List.of(), Tally.NONE, q)));
  }

  private static void withFiles(Kind kind, List<FileChange> files, List<Risk> risks) {
    if (!files.isEmpty()) {
      risks.add(new Risk(kind, files, Tally.of(files), ""));
    }
  }
}
