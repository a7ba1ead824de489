package dev.daybook.analysis.llm;

import dev.daybook.model.Commit;
import dev.daybook.model.Language;
import dev.daybook.text.MarkdownText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Makes the published day summary from the model's answer, laid out as the rules' one is: the
 * overview, the highlights as a list (each headed by its commit's title and short SHA, taken from
 * the commit, not from the model), the areas that moved most, and a last line saying which model
 * wrote it with which prompt and how much the checks dropped. Every sentence of the model passes
 * the fact check of the day's commits ({@link FactCheck}: no file, SHA or URL they do not hold)
 * and is escaped ({@link SafeProse}); a highlight naming a SHA that is not one of the day's is
 * dropped.
 */
final class DayComposer {

  /** Most highlights kept. */
  static final int MAX_HIGHLIGHTS = 5;

  private DayComposer() {}

  /**
   * The summary as CommonMark, or empty when no highlight passed the checks (the rules' summary
   * is used then).
   */
  static Optional<String> compose(List<Commit> commits, DayAnswer answer, String model,
      Language language) {
    boolean zh = language == Language.ZH;
    SafeProse prose = new SafeProse(new FactCheck(commits));
    List<String> highlights = new ArrayList<>();
    Set<String> named = new HashSet<>();
    for (DayAnswer.Highlight h : answer.highlights()) {
      Optional<Commit> commit = commit(commits, h.sha());
      if (!h.sha().isBlank() && (commit.isEmpty() || !named.add(commit.get().sha()))) {
        prose.drop(); // a SHA the day does not hold, or a commit already highlighted
        continue;
      }
      String text = said(prose.paragraph(h.text()));
      if (text.isEmpty()) {
        continue;
      }
      if (highlights.size() >= MAX_HIGHLIGHTS) {
        prose.drop();
        continue;
      }
      highlights.add("- " + commit.map(c -> titled(c, zh) + (zh ? "：" : ": ")).orElse("")
          + text);
    }
    if (highlights.isEmpty()) {
      return Optional.empty();
    }
    List<String> paragraphs = new ArrayList<>();
    String overview = said(prose.paragraph(answer.overview()));
    if (!overview.isEmpty()) {
      paragraphs.add(overview);
    }
    paragraphs.add(String.join("\n", highlights));
    String areas = said(prose.paragraph(answer.areas()));
    if (!areas.isEmpty()) {
      paragraphs.add(areas);
    }
    paragraphs.add(writtenBy(model, prose.dropped(), zh));
    return Optional.of(String.join("\n\n", paragraphs));
  }

  /**
   * What the checks left of a text, or empty when that says nothing: only punctuation, as the
   * "!" left of an image whose link was dropped.
   */
  private static String said(String markdown) {
    return markdown.codePoints().anyMatch(Character::isLetterOrDigit) ? markdown : "";
  }

  /** The day's commit whose SHA starts with {@code sha} (at least 7 hex digits). */
  private static Optional<Commit> commit(List<Commit> commits, String sha) {
    String s = sha.strip().toLowerCase(Locale.ROOT);
    if (!s.matches("[0-9a-f]{7,40}")) {
      return Optional.empty();
    }
    return commits.stream().filter(c -> c.sha().toLowerCase(Locale.ROOT).startsWith(s))
        .findFirst();
  }

  /** The commit's title in bold and its short SHA, as the rules' summary heads a change. */
  private static String titled(Commit c, boolean zh) {
    String title = "**" + MarkdownText.inline(c.title()) + "**";
    String sha = MarkdownText.code(c.shortSha());
    return zh ? title + "（" + sha + "）" : title + " (" + sha + ")";
  }

  /** The last line: who wrote the summary, with which prompt, and what the checks dropped. */
  private static String writtenBy(String model, int dropped, boolean zh) {
    String name = MarkdownText.inline(model);
    if (zh) {
      return "🤖 由模型 " + name + " 根据本日各提交的分析写成（要点提示词 v" + DayPrompt.VERSION
          + (dropped == 0 ? "" : "；删去 " + dropped + " 处：提到本日提交中没有的文件、SHA 或网址，或过长")
          + "）。";
    }
    return "🤖 Written by the model " + name + " from the day's analyses (summary prompt v"
        + DayPrompt.VERSION + (dropped == 0 ? "" : "; " + dropped
        + (dropped == 1 ? " statement" : " statements")
        + " dropped: a file, SHA or URL not in the day's commits, or too long") + ").";
  }
}
