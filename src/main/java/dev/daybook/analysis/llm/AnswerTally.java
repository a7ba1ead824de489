package dev.daybook.analysis.llm;

import dev.daybook.model.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What became of a run's answers: used after mending, asked again, or replaced by the rules, each
 * with why, so the end of a run says in one line whether an endpoint that answers answers well.
 * Thread-safe: commits are analyzed in parallel.
 */
final class AnswerTally {

  /** A reason in both languages of the archive. */
  record Why(String en, String zh) {
    String in(Language language) {
      return language == Language.ZH && zh != null ? zh : en;
    }
  }

  private final List<Why> mended = new ArrayList<>();
  private final List<Why> retried = new ArrayList<>();
  private final List<Why> fellBack = new ArrayList<>();
  private int mendedAnswers;
  private int retriedAnswers;
  private int fellBackAnswers;

  synchronized void mended(Set<AnswerIssue.Note> notes) {
    if (!notes.isEmpty()) {
      mendedAnswers++;
      notes.forEach(n -> mended.add(why(n)));
    }
  }

  synchronized void retried(AnswerIssue.Note note) {
    retriedAnswers++;
    retried.add(why(note));
  }

  synchronized void fellBack(LlmFailure failure) {
    fellBackAnswers++;
    fellBack.add(new Why(failure.message(Language.EN), failure.message(Language.ZH)));
  }

  synchronized int mendedAnswers() {
    return mendedAnswers;
  }

  synchronized int retriedAnswers() {
    return retriedAnswers;
  }

  synchronized int fellBackAnswers() {
    return fellBackAnswers;
  }

  /**
   * The run's line, e.g. {@code model answers: 2 normalized (key change_type → types ×2), 1
   * retried (the answer is not valid JSON), 0 fell back to the rules}; reasons sorted.
   */
  synchronized String line(Language language) {
    boolean zh = language == Language.ZH;
    return (zh ? "模型回答：" : "model answers: ")
        + String.join(zh ? "，" : ", ",
            part(mendedAnswers, zh ? " 个规整后采用" : " normalized", mended, language),
            part(retriedAnswers, zh ? " 个重新请求" : " retried", retried, language),
            part(fellBackAnswers, zh ? " 个改用规则分析" : " fell back to the rules", fellBack,
                language))
        + (zh ? "。" : "");
  }

  private static String part(int answers, String what, List<Why> reasons, Language language) {
    if (answers == 0) {
      return answers + what;
    }
    Map<String, Integer> counts = new TreeMap<>();
    reasons.forEach(r -> counts.merge(r.in(language), 1, Integer::sum));
    boolean zh = language == Language.ZH;
    List<String> listed = new ArrayList<>();
    counts.forEach((text, n) -> listed.add(text + (n > 1 ? " ×" + n : "")));
    return answers + what + (zh ? "（" : " (") + String.join(zh ? "；" : "; ", listed)
        + (zh ? "）" : ")");
  }

  private static Why why(AnswerIssue.Note note) {
    return new Why(note.text(Language.EN), note.text(Language.ZH));
  }
}
