package dev.daybook.analysis.rules;

import dev.daybook.model.Commit;
import dev.daybook.model.FileChange;
import dev.daybook.model.RepoId;
import java.time.Instant;
import java.util.List;

/** Synthetic commits for tests that need a specific message or set of files. */
final class TestCommits {

  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  private TestCommits() {}

  static Commit commit(String message, List<FileChange> files) {
    Tally total = Tally.of(files);
    return new Commit(RepoId.parse("example/repo"), SHA,
        "https://github.com/example/repo/commit/" + SHA, "Example Author",
        Instant.parse("2026-02-06T00:00:00Z"), message, List.of(), total.additions(),
        total.deletions(), files);
  }

  static FileChange modified(String path, int additions, int deletions) {
    return new FileChange(path, null, FileChange.Status.MODIFIED, additions, deletions, null);
  }

  static FileChange added(String path, int additions) {
    return new FileChange(path, null, FileChange.Status.ADDED, additions, 0, null);
  }

  static FileChange removed(String path, int deletions) {
    return new FileChange(path, null, FileChange.Status.REMOVED, 0, deletions, null);
  }

  static FileChange renamed(String from, String to, int additions, int deletions) {
    return new FileChange(to, from, FileChange.Status.RENAMED, additions, deletions, null);
  }
}
