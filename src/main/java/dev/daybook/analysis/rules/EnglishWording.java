package dev.daybook.analysis.rules;

import static dev.daybook.analysis.rules.Wording.lines;

import dev.daybook.analysis.rules.Verdict.Ground;
import dev.daybook.model.FileChange;
import dev.daybook.model.Severity;
import java.util.List;

/** English, for sites whose locale is not Chinese. */
final class EnglishWording implements Wording {

  @Override
  public String filesChanged(Tally total, int added, int removed, int renamed) {
    return files(total.files()) + " changed (" + lines(total) + ")"
        + (added > 0 ? ", " + added + " added" : "")
        + (removed > 0 ? ", " + removed + " removed" : "")
        + (renamed > 0 ? ", " + renamed + " renamed" : "") + ".";
  }

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
  public String area(PathKind kind, String pathListMd, Tally tally) {
    String name = switch (kind) {
      case KERNEL -> "Kernel code";
      case SOURCE -> "Source code";
      case DEPENDENCY -> "Dependency manifests";
      case BUILD -> "Build files";
      case TEST -> "Tests";
      case CI -> "CI";
      case DOCS -> "Docs";
    };
    return name + ": " + pathListMd + " (" + lines(tally) + ")";
  }

  @Override
  public String tags(String tagsMd) {
    return "Title tags: " + tagsMd;
  }

  @Override
  public String scope(String scopeMd) {
    return "Scope: " + scopeMd;
  }

  @Override
  public String risk(Risk risk, String pathListMd, String quoteMd) {
    return switch (risk.kind()) {
      case BREAKING -> "Marked as a breaking change (" + quoteMd + ")";
      case SECURITY -> "The message mentions security (" + quoteMd + ")";
      case REVERT -> "Reverts an earlier change (" + quoteMd + ")";
      case DEPENDENCY -> "Dependency manifests changed: " + pathListMd;
      case KERNEL -> "Kernel code changed: " + pathListMd + " (" + lines(risk.tally()) + ")";
      case LARGE_CHANGE -> "Large change: " + tally(risk.tally());
      case FILES_REMOVED -> "Files removed: " + pathListMd;
      case UNTESTED_CODE -> "Code changed without test changes: " + pathListMd;
    };
  }

  @Override
  public String noRisks() {
    return "The data shows no risk signals.";
  }

  @Override
  public String recommendation(Risk risk, String pathListMd) {
    return switch (risk.kind()) {
      case BREAKING -> "Check how the breaking change affects your usage before upgrading";
      case SECURITY -> "Assess soon whether you need a release that contains this commit";
      case REVERT -> "Check whether you relied on the reverted change";
      case DEPENDENCY -> "Check the dependency change: " + pathListMd;
      case KERNEL -> "Verify the kernel change on your target hardware: " + pathListMd;
      case LARGE_CHANGE -> "Review the " + files(risk.tally().files()) + " in parts";
      case FILES_REMOVED -> "Make sure nothing you use still needs the removed files: "
          + pathListMd;
      case UNTESTED_CODE -> "Check that tests cover the changed code: " + pathListMd;
    };
  }

  @Override
  public String startWith(String pathMd, Tally tally) {
    return "Start with the largest change: " + pathMd + " (" + lines(tally) + ")";
  }

  @Override
  public String tally(Tally tally) {
    return files(tally.files()) + ", " + lines(tally);
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

  private static String files(int count) {
    return count + (count == 1 ? " file" : " files");
  }

  @Override
  public String breaking(Breaking b) {
    return switch (b.rule()) {
      case PREFIX -> "conventional-commit breaking marker \"" + b.quote() + "\"";
      case FOOTER -> "\"" + b.quote() + "\" footer in the message";
      case API_FILE_REMOVED -> "removed public API file " + b.quote();
      case API_FILE_RENAMED -> "moved public API file " + b.quote() + " → " + b.file();
      case FLAG_REMOVED -> "removed command-line flag " + b.quote() + " (" + b.file() + ")";
    };
  }
}
