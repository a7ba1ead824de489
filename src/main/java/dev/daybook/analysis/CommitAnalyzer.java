package dev.daybook.analysis;

import dev.daybook.model.Analysis;
import dev.daybook.model.Commit;
import dev.daybook.model.Language;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides a commit's severity and change type and writes the analysis prose, and sums up a
 * repository's day from those analyses.
 */
public interface CommitAnalyzer {

  /**
   * Analyzes one commit. The returned prose is CommonMark in {@code language}, with every piece of
   * text taken from the commit escaped.
   */
  Analysis analyze(Commit commit, Language language);

  /**
   * Analyzes several commits, e.g. one day of one repository; the results are in the order of the
   * commits. Analyzers that talk to a service override it to work on several at once.
   */
  default List<Analysis> analyzeAll(List<Commit> commits, Language language) {
    List<Analysis> out = new ArrayList<>(commits.size());
    for (Commit c : commits) {
      out.add(analyze(c, language));
    }
    return out;
  }

  /**
   * The short overview that opens a repository's section of a day, written from its commits'
   * analyses (the most important changes, the areas that moved most) and saying who wrote it;
   * CommonMark in {@code language} with commit text escaped. Empty for a day without commits.
   *
   * @param analyses the analyses of {@code commits}, in their order
   */
  String summarizeDay(List<Commit> commits, List<Analysis> analyses, Language language);
}
