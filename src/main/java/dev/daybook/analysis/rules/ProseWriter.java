package dev.daybook.analysis.rules;

import dev.daybook.model.Analysis;
import dev.daybook.model.Dimension;
import dev.daybook.model.FileChange;
import dev.daybook.model.Insight;
import dev.daybook.model.Items;
import dev.daybook.model.Point;
import dev.daybook.model.Severity;
import dev.daybook.text.FilePaths;
import dev.daybook.text.MarkdownText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes the analysis prose from the evidence and the verdict. It states only what the data holds,
 * and each section says what no other does: the summary what the change is (the message body, or
 * where it changed), the impact the files, the insights what kinds of change mean by dimension,
 * the risks the rules that fired with their evidence, the recommendations what to do about each.
 * Every piece of commit text passes through {@link MarkdownText#inline} or {@link
 * MarkdownText#code} here, and nowhere else.
 */
final class ProseWriter {

  /** The impact list shows this many files, largest change first, then a count of the rest. */
  static final int IMPACT_FILES = 15;
  /** Risks and the summary name this many files or folders, then a count of the rest. */
  static final int NAMED_FILES = 3;

  private final Wording words;

  ProseWriter(Wording words) {
    this.words = words;
  }

  Analysis write(Evidence evidence, Verdict verdict) {
    return analysis(evidence, verdict)
        .withBreaking(evidence.breakingRule().map(words::breaking).orElse(""));
  }

  private Analysis analysis(Evidence evidence, Verdict verdict) {
    String summary = summary(evidence);
    String impact = impact(evidence.changes());
    if (verdict.severity() == Severity.LOW) {
      return new Analysis(verdict.severity(), verdict.types(), null, summary, impact,
          Items.none(), Items.none(), Items.none(), "", verdict.reasons(), false);
    }
    List<Risk> risks = Risk.find(evidence);
    return new Analysis(verdict.severity(), verdict.types(), null, summary, impact,
        insights(evidence), risks(risks), recommendations(evidence.changes(), risks),
        conclusion(evidence, verdict), verdict.reasons(), false);
  }

  /** What the author wrote about the change, else where it changed and which files came or went. */
  private String summary(Evidence evidence) {
    return BodyExcerpt.of(evidence.commit().body())
        .map(MarkdownText::inline)
        .orElseGet(() -> areas(evidence.changes()));
  }

  private String areas(ChangeSet changes) {
    if (changes.isEmpty()) {
      return words.noFiles();
    }
    Map<String, Integer> byArea = new TreeMap<>();
    changes.files().forEach(f -> byArea.merge(FilePaths.area(f.path()), 1, Integer::sum));
    List<Map.Entry<String, Integer>> largest = byArea.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .toList();
    List<String> shown = largest.stream().limit(NAMED_FILES)
        .map(e -> words.inArea(e.getKey().equals(FilePaths.TOP_LEVEL) ? words.repositoryRoot()
            : MarkdownText.code(e.getKey()), e.getValue()))
        .toList();
    List<String> sentences = new ArrayList<>();
    sentences.add(words.changedIn(shown, largest.size() - shown.size()));
    List<FileChange> added = changes.withStatus(FileChange.Status.ADDED);
    if (!added.isEmpty()) {
      sentences.add(words.adds(names(added)));
    }
    List<FileChange> removed = changes.withStatus(FileChange.Status.REMOVED);
    if (!removed.isEmpty()) {
      sentences.add(words.removes(names(removed)));
    }
    List<FileChange> renamed = changes.withStatus(FileChange.Status.RENAMED);
    if (!renamed.isEmpty()) {
      sentences.add(words.renames(names(renamed)));
    }
    return String.join(words.sentenceGap(), sentences);
  }

  private String impact(ChangeSet changes) {
    if (changes.isEmpty()) {
      return words.noFiles();
    }
    List<FileChange> files = changes.files();
    List<String> lines = new ArrayList<>();
    for (FileChange file : files.subList(0, Math.min(IMPACT_FILES, files.size()))) {
      String previous = file.previousPath() == null ? "" : MarkdownText.code(file.previousPath());
      lines.add(words.fileLine(MarkdownText.code(file.path()), file, previous));
    }
    if (files.size() > IMPACT_FILES) {
      lines.add(words.moreFiles(files.size() - IMPACT_FILES));
    }
    return bullets(lines);
  }

  /**
   * What the kinds of files changed mean, each under the dimension it bears on; the files
   * themselves are the impact list's.
   */
  private Items<Insight> insights(Evidence evidence) {
    ChangeSet changes = evidence.changes();
    List<Insight> insights = new ArrayList<>();
    if (!SeverityRules.kernelFiles(evidence).isEmpty()) {
      insights.add(new Insight(Dimension.PERFORMANCE, words.kernelInsight()));
    }
    int added = shipped(changes.withStatus(FileChange.Status.ADDED));
    if (added > 0) {
      insights.add(new Insight(Dimension.ARCHITECTURE, words.newFilesInsight(added)));
    }
    int removed = shipped(changes.withStatus(FileChange.Status.REMOVED));
    if (removed > 0) {
      insights.add(new Insight(Dimension.ARCHITECTURE, words.removedFilesInsight(removed)));
    }
    int renamed = changes.withStatus(FileChange.Status.RENAMED).size();
    if (renamed > 0) {
      insights.add(new Insight(Dimension.ARCHITECTURE, words.renamedFilesInsight(renamed)));
    }
    if (changes.has(PathKind.TEST)) {
      insights.add(new Insight(Dimension.MAINTAINABILITY,
          words.testsInsight(changes.tally(PathKind.TEST))));
    }
    if (changes.has(PathKind.DOCS)) {
      insights.add(new Insight(Dimension.MAINTAINABILITY,
          words.docsInsight(changes.tally(PathKind.DOCS))));
    }
    if (changes.has(PathKind.DEPENDENCY)) {
      insights.add(new Insight(Dimension.DEPLOYMENT,
          words.dependencyInsight(changes.tally(PathKind.DEPENDENCY))));
    }
    if (changes.has(PathKind.BUILD)) {
      insights.add(new Insight(Dimension.DEPLOYMENT,
          words.buildInsight(changes.tally(PathKind.BUILD))));
    }
    if (changes.has(PathKind.CI)) {
      insights.add(new Insight(Dimension.DEPLOYMENT, words.ciInsight(changes.tally(PathKind.CI))));
    }
    insights.sort(Comparator.comparing(Insight::dimension));
    return Items.of(insights);
  }

  /** One titled risk per rule that fired: what it found, and its evidence. */
  private Items<Point> risks(List<Risk> risks) {
    return Items.of(risks.stream()
        .map(risk -> new Point(words.riskTitle(risk.kind()),
            words.riskDetails(risk, evidence(risk))))
        .toList());
  }

  /** One titled recommendation per risk. */
  private Items<Point> recommendations(ChangeSet changes, List<Risk> risks) {
    FileChange largest = changes.isEmpty() ? null : changes.files().get(0);
    String largestMd = largest == null ? "" : MarkdownText.code(largest.path());
    Tally largestTally = largest == null ? Tally.NONE : Tally.of(List.of(largest));
    return Items.of(risks.stream()
        .map(risk -> new Point(words.recommendationTitle(risk.kind()),
            words.recommendationDetails(risk, evidence(risk), largestMd, largestTally)))
        .toList());
  }

  /** The marker a risk quotes, or the files that carry it when they are the evidence. */
  private String evidence(Risk risk) {
    if (!risk.quote().isEmpty()) {
      return MarkdownText.code(risk.quote());
    }
    return switch (risk.kind()) {
      case DEPENDENCY, FILES_REMOVED -> pathList(risk.files());
      default -> "";
    };
  }

  private String conclusion(Evidence evidence, Verdict verdict) {
    ChangeSet changes = evidence.changes();
    String detail = switch (verdict.ground()) {
      case BREAKING -> MarkdownText.code(evidence.breaking().orElseThrow());
      case SECURITY -> MarkdownText.code(evidence.security().orElseThrow());
      case REVERT -> MarkdownText.code(evidence.revert().orElseThrow());
      case DEPENDENCY -> pathList(changes.files(PathKind.DEPENDENCY));
      case KERNEL_SIZE -> words.tally(Tally.of(SeverityRules.kernelFiles(evidence)));
      case LARGE_CHANGE -> words.tally(changes.tally(kind -> kind != PathKind.DOCS));
      case SHIPPED_CODE, TINY_CHANGE -> words.tally(changes.tally(PathKind::shipped));
      case DOCS_ONLY, NO_SHIPPED_CODE, NO_FILES -> "";
    };
    return words.conclusion(verdict.severity(), verdict.ground(), detail);
  }

  private String pathList(List<FileChange> files) {
    List<String> shown = files.stream().limit(NAMED_FILES)
        .map(f -> MarkdownText.code(f.path())).toList();
    return words.pathList(shown, files.size() - shown.size());
  }

  /** File names without their folders, which the summary names as areas. */
  private String names(List<FileChange> files) {
    List<String> shown = files.stream().limit(NAMED_FILES)
        .map(f -> MarkdownText.code(f.path().substring(f.path().lastIndexOf('/') + 1)))
        .toList();
    return words.pathList(shown, files.size() - shown.size());
  }

  private static int shipped(List<FileChange> files) {
    return (int) files.stream().filter(f -> PathKind.of(f.path()).shipped()).count();
  }

  private static String bullets(List<String> lines) {
    return lines.stream().map(line -> "- " + line).collect(Collectors.joining("\n"));
  }
}
