package dev.daybook.analysis.rules;

import dev.daybook.analysis.rules.Verdict.Ground;
import dev.daybook.model.ChangeType;
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

  String noFiles();

  /** One impact line: the path, its line counts and, unless modified, its status. */
  String fileLine(String pathMd, FileChange file, String previousPathMd);

  /** The last impact line when the list is capped. */
  String moreFiles(int count);

  /** Up to a few paths, then how many more, e.g. "`a`, `b` and 3 more". */
  String pathList(List<String> pathsMd, int more);

  // ---- the summary of a commit without a message body: where it changed, not how much -----

  /** An area and its changed files: "`python/sglang/srt` (3 files)". */
  String inArea(String areaMd, int files);

  /** The area of the files at the top of the repository. */
  String repositoryRoot();

  /** "Changes `a` (3 files) and `b` (1 file)." and, past those shown, how many more areas. */
  String changedIn(List<String> areasMd, int more);

  /** What goes between two sentences: a space in English, nothing in Chinese. */
  String sentenceGap();

  /** "Adds `x.py`." */
  String adds(String namesMd);

  String removes(String namesMd);

  String renames(String namesMd);

  // ---- insights: what a kind of change means, by dimension; no file lists ------------------

  String kernelInsight();

  String newFilesInsight(int files);

  String removedFilesInsight(int files);

  String renamedFilesInsight(int files);

  String testsInsight(Tally tests);

  String docsInsight(Tally docs);

  String ciInsight(Tally ci);

  String dependencyInsight(Tally manifests);

  String buildInsight(Tally build);

  // ---- risks and recommendations: one of each per rule that fired -------------------------

  /** A risk's title: what the rule found. */
  String riskTitle(Risk.Kind kind);

  /**
   * A risk's details: the rule's evidence. {@code evidenceMd} is the marker quoted (breaking,
   * security, revert), the files that carry it (dependency, removed), or empty.
   */
  String riskDetails(Risk risk, String evidenceMd);

  /** A recommendation's title: what to do. */
  String recommendationTitle(Risk.Kind kind);

  /** A recommendation's details; {@code largestMd} is the largest changed file. */
  String recommendationDetails(Risk risk, String evidenceMd, String largestMd, Tally largest);

  // ---- the day summary -------------------------------------------------------------------

  /** What follows a label or a title before what is said of it: "：" in Chinese. */
  String colon();

  /** A commit named in the day summary: its title, then its short SHA in brackets. */
  String titled(String titleMd, String shaMd);

  /** The day summary's first line: how many changes of the day's highest severity there are. */
  String dayOpening(String badge, int count);

  /** The last highlight when more changes have that severity than are named. */
  String andMoreChanges(int count);

  /** A folder and the number of the day's commits that touched it. */
  String areaCommits(String areaMd, int commits);

  /** The folders the most commits touched. */
  String mostMoved(List<String> areasMd);

  /** The day summary's last line: the rules wrote it. */
  String writtenByRules();

  /** "9 files, +4014 / −0". */
  String tally(Tally tally);

  /** One sentence: the severity and the rule that decided it, with its evidence in detailMd. */
  String conclusion(Severity severity, Ground ground, String detailMd);

  // ---- reasons: plain text (the report writer escapes it), data quoted as written ----------

  /** A reason line: what a rule read, then what it concluded. */
  static String reason(String evidence, String conclusion) {
    return evidence + " → " + conclusion;
  }

  /** A title's bracket tag as read: {@code tag [Kernel]}. */
  String tag(String tag);

  /** A conventional prefix as read: {@code prefix "fix:"}. */
  String prefix(String raw);

  /** A word of the title or message as read: {@code keyword "Add"}. */
  String keyword(String word);

  /** A title that opens with a revert word: {@code title starts with "Revert"}. */
  String titleStarts(String word);

  /** {@code 3 of 4 files are tests}. */
  String share(int count, int all, PathKind kind);

  /** The fallback when shipped files were added: {@code 2 new shipped files, no type words}. */
  String newShippedFiles(int count);

  String noTypeWords();

  String noFilesListed();

  String noShippedCode();

  /** {@code shipped code +12/−3 lines in 1 file}. */
  String shipped(Tally tally);

  /** {@code kernel code +892/−0 lines in 2 files}. */
  String kernel(Tally tally);

  /** {@code +1197/−1 lines in 4 files outside docs}. */
  String outsideDocs(Tally tally);

  /** {@code dependency manifest pyproject.toml changed}. */
  String manifestChanged(String paths);

  /** "a and 2 more", for a reason's list of paths. */
  String andMore(String first, int more);

  /** What a tag or prefix says when it names kernel code. */
  String kernelMark();

  /** What a tag or prefix says when it names no type: an area of the code. */
  String areaMark();

  /** What the revert floor reads. */
  String revertMark();

  /** A change type's name, as reports show it. */
  String typeName(ChangeType type);

  /** {@code tests only}. */
  String only(PathKind kind);

  /** A severity's name: {@code medium}. */
  String level(Severity severity);

  String tinyChange();

  String kernelOfRealSize();

  String largeChange();

  String largeChangeRaised(Severity from, Severity to);

  String atLeast(Severity severity);

  String breakingHigh();

  String securityHigh();

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
