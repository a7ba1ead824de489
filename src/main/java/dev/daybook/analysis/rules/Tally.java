package dev.daybook.analysis.rules;

import dev.daybook.model.FileChange;
import java.util.List;

/** Files and lines of a group of file changes. */
record Tally(int files, int additions, int deletions) {

  static final Tally NONE = new Tally(0, 0, 0);

  static Tally of(List<FileChange> changes) {
    int additions = 0;
    int deletions = 0;
    for (FileChange f : changes) {
      additions += f.additions();
      deletions += f.deletions();
    }
    return new Tally(changes.size(), additions, deletions);
  }

  /** Lines added plus lines deleted: the amount a reviewer reads. */
  int lines() {
    return additions + deletions;
  }
}
