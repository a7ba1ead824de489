package dev.daybook.analysis.rules;

import dev.daybook.analysis.rules.Verdict.Ground;
import dev.daybook.model.FileChange;
import dev.daybook.model.Language;
import dev.daybook.model.Severity;
import java.util.List;

/**
 * The fixed words of the prose in one language. Arguments named {@code ...Md} are CommonMark that
 * {@link ProseWriter} has already escaped (code spans, escaped text); the implementations only add
 * their own fixed words around them, so no commit text reaches a report unescaped.
 */
interface Wording {

  static Wording of(Language language) {
    return switch (language) {
      case ZH -> new ChineseWording();
      case EN -> new EnglishWording();
    };
  }

  /** The summary's fact line, e.g. "5 files changed (+120 / −30), 2 added". */
  String filesChanged(Tally total, int added, int removed, int renamed);

  String noFiles();

  /** One impact line: the path, its line counts and, unless modified, its status. */
  String fileLine(String pathMd, FileChange file, String previousPathMd);

  /** The last impact line when the list is capped. */
  String moreFiles(int count);

  /** Up to a few paths, then how many more, e.g. "`a`, `b` and 3 more". */
  String pathList(List<String> pathsMd, int more);

  /** An insight bullet: an area of the code and what changed there. */
  String area(PathKind kind, String pathListMd, Tally tally);

  String tags(String tagsMd);

  String scope(String scopeMd);

  String risk(Risk risk, String pathListMd, String quoteMd);

  String noRisks();

  String recommendation(Risk risk, String pathListMd);

  /** The recommendation every medium or high commit gets: where to start reading. */
  String startWith(String pathMd, Tally tally);

  /** "9 files, +4014 / −0". */
  String tally(Tally tally);

  /** One sentence: the severity and the rule that decided it, with its evidence in detailMd. */
  String conclusion(Severity severity, Ground ground, String detailMd);

  /**
   * The breaking marker of a report: which rule fired and what it saw, as plain text (the report
   * writer escapes it), so no code spans.
   */
  String breaking(Breaking breaking);

  /** "+120 / −30": the same in every language. */
  static String lines(Tally tally) {
    return "+" + tally.additions() + " / −" + tally.deletions();
  }
}
