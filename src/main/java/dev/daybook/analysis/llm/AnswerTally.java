package dev.daybook.analysis.llm;

import dev.daybook.model.Language;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What became of a run's answers: used after mending, asked again, or replaced by the rules, each
 * with why, so the end of a run says in one line whether an endpoint that answers answers well.
 * Thread-safe: commits are analyzed in parallel.
 */
final class AnswerTally {

  /** A reason in both languages of the archive. */
  record Why(String en, String zh) {
    static Why of(AnswerIssue.Note note) {
      return new Why(note.text(Language.EN), note.text(Language.ZH));
    }

    static Why of(LlmFailure failure) {
      return new Why(failure.message(Language.EN), failure.message(Language.ZH));
    }

    String in(Language language) {
      return language == Language.ZH && zh != null ? zh : en;
    }

    /** This reason said of something: {@code day summary: ...}. */
    Why about(String enSubject, String zhSubject) {
      return new Why(enSubject + ": " + en, zhSubject + "：" + in(Language.ZH));
    }
  }

  private final List<Why> mended = new ArrayList<>();
  private final List<Why> retried = new ArrayList<>();
  private final List<Why> fellBack = new ArrayList<>();
  private int mendedAnswers;
  private int retriedAnswers;
  private int fellBackAnswers;

  /** One answer used after mending, for these reasons (none: it needed no mending). */
  synchronized void mended(Collection<Why> reasons) {
    if (!reasons.isEmpty()) {
      mendedAnswers++;
      mended.addAll(reasons);
    }
  }

  synchronized void retried(Why reason) {
    retriedAnswers++;
    retried.add(reason);
  }

  synchronized void fellBack(Why reason) {
    fellBackAnswers++;
    fellBack.add(reason);
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
}
