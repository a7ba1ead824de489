package dev.daybook.analysis.rules;

import dev.daybook.model.Analysis;
import dev.daybook.model.FileChange;
import dev.daybook.model.Insight;
import dev.daybook.model.Items;
import dev.daybook.model.Point;
import dev.daybook.model.Severity;
import dev.daybook.text.MarkdownText;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the analysis prose from the evidence and the verdict. It states only what the data holds:
 * counts, paths, markers and the rules that fired. Every piece of commit text passes through
 * {@link MarkdownText#inline} or {@link MarkdownText#code} here, and nowhere else.
 */
final class ProseWriter {

  /** The impact list shows this many files, largest change first, then a count of the rest. */
  static final int IMPACT_FILES = 15;
  /** Insights, risks and recommendations name this many files, then a count of the rest. */
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

  private String summary(Evidence evidence) {
    ChangeSet changes = evidence.changes();
    String facts = changes.isEmpty() ? words.noFiles() : words.filesChanged(changes.total(),
        changes.withStatus(FileChange.Status.ADDED).size(),
        changes.withStatus(FileChange.Status.REMOVED).size(),
        changes.withStatus(FileChange.Status.RENAMED).size());
    return BodyExcerpt.of(evidence.commit().body())
        .map(paragraph -> MarkdownText.inline(paragraph) + "\n\n" + facts)
        .orElse(facts);
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

  /** Insights under no dimension: the rules see areas of the code, not their consequences. */
  private Items<Insight> insights(Evidence evidence) {
    ChangeSet changes = evidence.changes();
    List<String> lines = new ArrayList<>();
    for (PathKind kind : changes.kinds()) {
      lines.add(words.area(kind, pathList(changes.files(kind)), changes.tally(kind)));
    }
    Title title = evidence.title();
    if (!title.tags().isEmpty()) {
      lines.add(words.tags(title.tags().stream()
          .map(tag -> MarkdownText.inline("[" + tag + "]")).collect(Collectors.joining(" "))));
    }
    title.prefix().map(Title.Prefix::scope)
        .ifPresent(scope -> lines.add(words.scope(MarkdownText.code(scope))));
    return Items.of(lines.stream().map(line -> new Insight(null, line)).toList());
  }

  private Items<Point> risks(List<Risk> risks) {
    if (risks.isEmpty()) {
      return Items.text(words.noRisks());
    }
    return points(risks.stream()
        .map(risk -> words.risk(risk, pathList(risk.files()), MarkdownText.code(risk.quote())))
        .toList());
  }

  private Items<Point> recommendations(ChangeSet changes, List<Risk> risks) {
    List<String> lines = new ArrayList<>();
    if (!changes.isEmpty()) {
      FileChange largest = changes.files().get(0);
      lines.add(words.startWith(MarkdownText.code(largest.path()), Tally.of(List.of(largest))));
    }
    risks.forEach(risk -> lines.add(words.recommendation(risk, pathList(risk.files()))));
    return points(lines);
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

  private static Items<Point> points(List<String> lines) {
    return Items.of(lines.stream().map(Point::untitled).toList());
  }

  private static String bullets(List<String> lines) {
    return lines.stream().map(line -> "- " + line).collect(Collectors.joining("\n"));
  }
}
