package dev.daybook.analysis;

import dev.daybook.model.Analysis;
import dev.daybook.model.Commit;
import dev.daybook.model.Language;

/** Decides a commit's severity and change type and writes the analysis prose. */
public interface CommitAnalyzer {

  /**
   * Analyzes one commit. The returned prose is CommonMark in {@code language}, with every piece of
   * text taken from the commit escaped.
   */
  Analysis analyze(Commit commit, Language language);
}
