package dev.daybook.analysis.rules;

import dev.daybook.model.Analysis;
import dev.daybook.model.Commit;
import dev.daybook.model.FileChange;
import dev.daybook.model.Language;
import dev.daybook.model.Severity;
import dev.daybook.report.Vocabulary;
import dev.daybook.text.FilePaths;
import dev.daybook.text.MarkdownText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rules' overview of a repository's day, from the analyses of its commits: the changes of the
 * highest severity of the day, each in its analysis's own words (its summary's first sentence
 * and its conclusion), the folders most commits touched, and a line saying the rules wrote it.
 */
final class DaySummary {

  /** At most this many changes are named; the rest are counted. */
  static final int HIGHLIGHTS = 3;
  /** At most this many folders are named. */
  static final int AREAS = 3;

  // The end of a summary's first sentence: a Chinese full stop, or a stop before a blank.
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=。)|(?<=[.!?])\\s");

  private final Wording words;
  private final Vocabulary vocabulary;

  DaySummary(Wording words, Language language) {
    this.words = words;
    this.vocabulary = Vocabulary.of(language);
  }

  String write(List<Commit> commits, List<Analysis> analyses) {
    if (commits.isEmpty()) {
      return "";
    }
    Severity top = analyses.stream().map(Analysis::severity).min(Comparator.naturalOrder())
        .orElseThrow();
    List<String> highlights = new ArrayList<>();
    int count = 0;
    for (int i = 0; i < commits.size(); i++) {
      Analysis a = analyses.get(i);
      if (a.severity() != top) {
        continue;
      }
      count++;
      if (highlights.size() < HIGHLIGHTS) {
        highlights.add("- " + highlight(commits.get(i), a));
      }
    }
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(words.dayOpening(vocabulary.badge(top), count));
    if (count > highlights.size()) {
      highlights.add("- " + words.andMoreChanges(count - highlights.size()));
    }
    paragraphs.add(String.join("\n", highlights));
    String areas = areas(commits);
    if (!areas.isEmpty()) {
      paragraphs.add(areas);
    }
    paragraphs.add(words.writtenByRules());
    return String.join("\n\n", paragraphs);
  }

  /** A change: its title and short SHA, then its summary's first sentence and its conclusion. */
  private String highlight(Commit commit, Analysis a) {
    String first = firstSentence(a.summary());
    String conclusion = a.conclusion().isBlank() ? "" : a.conclusion().strip();
    String said = (first + (first.isEmpty() || conclusion.isEmpty() ? "" : words.sentenceGap())
        + conclusion).strip();
    String title = words.titled("**" + MarkdownText.inline(commit.title()) + "**",
        MarkdownText.code(commit.shortSha()));
    return said.isEmpty() ? title : title + words.colon() + said;
  }

  /** The first sentence of a summary's first line (a summary is one paragraph). */
  private static String firstSentence(String summary) {
    String line = summary.strip().lines().findFirst().orElse("");
    String[] parts = SENTENCE_END.split(line, 2);
    return parts.length == 0 ? "" : parts[0].strip();
  }

  /** The folders the most commits touched, each counted once per commit. */
  private String areas(List<Commit> commits) {
    Map<String, Integer> byArea = new TreeMap<>();
    for (Commit c : commits) {
      Set<String> seen = new HashSet<>();
      for (FileChange f : c.files()) {
        if (seen.add(FilePaths.area(f.path()))) {
          byArea.merge(FilePaths.area(f.path()), 1, Integer::sum);
        }
      }
    }
    List<String> shown = byArea.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(AREAS)
        .map(e -> words.areaCommits(e.getKey().equals(FilePaths.TOP_LEVEL)
            ? words.repositoryRoot() : MarkdownText.code(e.getKey()), e.getValue()))
        .toList();
    return shown.isEmpty() ? "" : words.mostMoved(shown);
  }
}
