package dev.daybook.analysis.rules;

import static dev.daybook.analysis.rules.Wording.lines;

import dev.daybook.analysis.rules.Verdict.Ground;
import dev.daybook.model.ChangeType;
import dev.daybook.model.FileChange;
import dev.daybook.model.Severity;
import java.util.List;

/** English, for sites whose locale is not Chinese. */
final class EnglishWording implements Wording {

  @Override
  public String noFiles() {
    return "The commit lists no files.";
  }

  @Override
  public String fileLine(String pathMd, FileChange file, String previousPathMd) {
    String counts = lines(Tally.of(List.of(file)));
    return pathMd + switch (file.status()) {
      case ADDED -> " (added, " + counts + ")";
      case REMOVED -> " (removed, " + counts + ")";
      case RENAMED -> " (renamed from " + previousPathMd + ", " + counts + ")";
      case COPIED -> " (copied from " + previousPathMd + ", " + counts + ")";
      default -> " (" + counts + ")";
    };
  }

  @Override
  public String moreFiles(int count) {
    return "…and " + count + " more " + (count == 1 ? "file" : "files");
  }

  @Override
  public String pathList(List<String> pathsMd, int more) {
    String shown = String.join(", ", pathsMd);
    return more > 0 ? shown + " and " + more + " more" : shown;
  }

  @Override
  public String inArea(String areaMd, int files) {
    return areaMd + " (" + files(files) + ")";
  }

  @Override
  public String repositoryRoot() {
    return "the repository root";
  }

  @Override
  public String changedIn(List<String> areasMd, int more) {
    String shown = more > 0 ? String.join(", ", areasMd) + " and " + more + " more "
        + (more == 1 ? "folder" : "folders") : join(areasMd);
    return "Changes " + shown + ".";
  }

  @Override
  public String sentenceGap() {
    return " ";
  }

  @Override
  public String adds(String namesMd) {
    return "Adds " + namesMd + ".";
  }

  @Override
  public String removes(String namesMd) {
    return "Removes " + namesMd + ".";
  }

  @Override
  public String renames(String namesMd) {
    return "Moves or renames " + namesMd + ".";
  }

  @Override
  public String kernelInsight() {
    return "Kernel code changed: it decides the speed and the numbers of its operators, and a"
        + " fault may show only on some hardware.";
  }

  @Override
  public String newFilesInsight(int files) {
    return files(files) + " of shipped code added: new modules or entry points.";
  }

  @Override
  public String removedFilesInsight(int files) {
    return files(files) + " of shipped code removed: code that used them has to change.";
  }

  @Override
  public String renamedFilesInsight(int files) {
    return files(files) + " moved or renamed: import paths change with them.";
  }

  @Override
  public String testsInsight(Tally tests) {
    return "Tests changed with the code (" + tally(tests) + ").";
  }

  @Override
  public String docsInsight(Tally docs) {
    return "Docs updated with the code (" + tally(docs) + ").";
  }

  @Override
  public String ciInsight(Tally ci) {
    return "CI changed too (" + tally(ci) + "): how the project is tested or released changes.";
  }

  @Override
  public String dependencyInsight(Tally manifests) {
    return "Dependency manifests changed (" + files(manifests.files()) + "): what users install"
        + " changes with them.";
  }

  @Override
  public String buildInsight(Tally build) {
    return "Build files changed (" + files(build.files()) + "): the released images or packages"
        + " change with them.";
  }

  @Override
  public String riskTitle(Risk.Kind kind) {
    return switch (kind) {
      case BREAKING -> "Breaking change";
      case SECURITY -> "Security";
      case REVERT -> "Revert";
      case DEPENDENCY -> "Dependency change";
      case KERNEL -> "Kernel change";
      case LARGE_CHANGE -> "Large change";
      case FILES_REMOVED -> "Files removed";
      case UNTESTED_CODE -> "No test changes";
    };
  }

  @Override
  public String riskDetails(Risk risk, String evidenceMd) {
    return switch (risk.kind()) {
      case BREAKING -> "The commit is marked as breaking: " + evidenceMd + ".";
      case SECURITY -> "The message mentions " + evidenceMd + ".";
      case REVERT -> "The title starts with " + evidenceMd + ": a change that shipped is taken"
          + " back.";
      case DEPENDENCY -> "Dependency manifests changed: " + evidenceMd + ".";
      case KERNEL -> "Kernel code: " + tally(risk.tally()) + ".";
      case LARGE_CHANGE -> tally(risk.tally()) + " outside docs (a change is large from "
          + SeverityRules.LARGE_LINES + " lines or " + SeverityRules.LARGE_FILES + " files).";
      case FILES_REMOVED -> "Removed: " + evidenceMd + ".";
      case UNTESTED_CODE -> "Code: " + tally(risk.tally()) + "; the commit changes no test.";
    };
  }

  @Override
  public String recommendationTitle(Risk.Kind kind) {
    return switch (kind) {
      case BREAKING -> "Check before upgrading";
      case SECURITY -> "Assess the upgrade soon";
      case REVERT -> "Check the reverted change";
      case DEPENDENCY -> "Check your dependencies";
      case KERNEL -> "Verify on your hardware";
      case LARGE_CHANGE -> "Review in parts";
      case FILES_REMOVED -> "Check references";
      case UNTESTED_CODE -> "Watch for follow-up fixes";
    };
  }

  @Override
  public String recommendationDetails(Risk risk, String evidenceMd, String largestMd,
      Tally largest) {
    return switch (risk.kind()) {
      case BREAKING -> "Check whether the change marked as breaking affects how you call it.";
      case SECURITY -> "Assess whether you need a release that contains this commit soon.";
      case REVERT -> "If you came to rely on the reverted change, adapt.";
      case DEPENDENCY -> "After reinstalling, check that your environment has the versions you"
          + " expect.";
      case KERNEL -> "Run the tests and benchmarks of the changed kernels on the hardware you"
          + " use.";
      case LARGE_CHANGE -> "Read it folder by folder, starting with the largest change, "
          + largestMd + " (" + lines(largest) + ").";
      case FILES_REMOVED -> "Make sure nothing in your code or configuration still refers to"
          + " the removed files.";
      case UNTESTED_CODE -> "No test comes with this change; watch for fixes that follow it.";
    };
  }

  @Override
  public String colon() {
    return ": ";
  }

  @Override
  public String titled(String titleMd, String shaMd) {
    return titleMd + " (" + shaMd + ")";
  }

  @Override
  public String dayOpening(String badge, int count) {
    return (count == 1 ? "1 change" : count + " changes") + " of the day's highest severity ("
        + badge + "):";
  }

  @Override
  public String andMoreChanges(int count) {
    return "…and " + count + " more";
  }

  @Override
  public String areaCommits(String areaMd, int commits) {
    return areaMd + " (" + commits + (commits == 1 ? " commit" : " commits") + ")";
  }

  @Override
  public String mostMoved(List<String> areasMd) {
    return "Most changed folders: " + join(areasMd) + ".";
  }

  @Override
  public String writtenByRules() {
    return "📏 Written by the rules from the day's analyses.";
  }

  @Override
  public String tally(Tally tally) {
    return files(tally.files()) + ", " + lines(tally);
  }

  /** "a", "a and b", "a, b and c". */
  private static String join(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and "
        + items.get(items.size() - 1);
  }

  @Override
  public String conclusion(Severity severity, Ground ground, String detailMd) {
    String level = switch (severity) {
      case HIGH -> "High";
      case MEDIUM -> "Medium";
      case LOW -> "Low";
    };
    String because = switch (ground) {
      case BREAKING -> "the commit is marked as a breaking change (" + detailMd + ")";
      case SECURITY -> "the message mentions security (" + detailMd + ")";
      case REVERT -> "it reverts an earlier change (" + detailMd + ")";
      case DEPENDENCY -> "a dependency manifest changed (" + detailMd + ")";
      case KERNEL_SIZE -> "kernel code of real size changed (" + detailMd + ")";
      case LARGE_CHANGE -> "the change is large (" + detailMd + ")";
      case SHIPPED_CODE -> "shipped code changed (" + detailMd + ")";
      case TINY_CHANGE -> "the change is tiny (" + detailMd + ")";
      case DOCS_ONLY -> "only docs changed";
      case NO_SHIPPED_CODE -> "no shipped code changed";
      case NO_FILES -> "the commit lists no files";
    };
    return level + " severity because " + because + ".";
  }

  @Override
  public String tag(String tag) {
    return "tag [" + tag + "]";
  }

  @Override
  public String prefix(String raw) {
    return "prefix \"" + raw + "\"";
  }

  @Override
  public String keyword(String word) {
    return "keyword \"" + word + "\"";
  }

  @Override
  public String titleStarts(String word) {
    return "title starts with \"" + word + "\"";
  }

  @Override
  public String share(int count, int all, PathKind kind) {
    return count + " of " + all + " files are " + kind.label();
  }

  @Override
  public String newShippedFiles(int count) {
    return count + " new shipped " + (count == 1 ? "file" : "files") + ", no type words";
  }

  @Override
  public String noTypeWords() {
    return "no type words in title or paths";
  }

  @Override
  public String noFilesListed() {
    return "no files listed";
  }

  @Override
  public String noShippedCode() {
    return "no shipped code";
  }

  @Override
  public String shipped(Tally tally) {
    return "shipped code " + lineCount(tally);
  }

  @Override
  public String kernel(Tally tally) {
    return "kernel code " + lineCount(tally);
  }

  @Override
  public String outsideDocs(Tally tally) {
    return lineCount(tally) + " outside docs";
  }

  @Override
  public String manifestChanged(String paths) {
    return "dependency manifest " + paths + " changed";
  }

  @Override
  public String andMore(String first, int more) {
    return first + " and " + more + " more";
  }

  @Override
  public String kernelMark() {
    return "kernel code";
  }

  @Override
  public String areaMark() {
    return "area";
  }

  @Override
  public String revertMark() {
    return "revert";
  }

  @Override
  public String typeName(ChangeType type) {
    return type.key();
  }

  @Override
  public String only(PathKind kind) {
    return kind.label() + " only";
  }

  @Override
  public String level(Severity severity) {
    return severity.key();
  }

  @Override
  public String tinyChange() {
    return "tiny change, low";
  }

  @Override
  public String kernelOfRealSize() {
    return "kernel change of real size, high";
  }

  @Override
  public String largeChange() {
    return "large change";
  }

  @Override
  public String largeChangeRaised(Severity from, Severity to) {
    return "large change, " + from.key() + " raised to " + to.key();
  }

  @Override
  public String atLeast(Severity severity) {
    return "at least " + severity.key();
  }

  @Override
  public String breakingHigh() {
    return "breaking change, high";
  }

  @Override
  public String securityHigh() {
    return "security, high";
  }

  /** {@code +1210/−35 lines in 14 files}. */
  private static String lineCount(Tally tally) {
    return "+" + tally.additions() + "/−" + tally.deletions() + " lines in "
        + files(tally.files());
  }

  private static String files(int count) {
    return count + (count == 1 ? " file" : " files");
  }

  @Override
  public String breaking(Breaking b) {
    return switch (b.rule()) {
      case PREFIX -> "conventional-commit breaking marker \"" + b.quote() + "\"";
      case FOOTER -> "\"" + b.quote() + "\" footer in the message";
      case API_FILE_REMOVED -> "removed public API file " + b.quote();
      case API_FILE_RENAMED -> "moved public API file " + b.quote() + " to " + b.file();
      case FLAG_REMOVED -> "removed command-line flag " + b.quote() + " (" + b.file() + ")";
    };
  }
}
