package dev.daybook.analysis.llm;

import dev.daybook.model.Language;
import java.util.Locale;

/**
 * What was wrong with a model's answer: a problem that makes it unusable (it is asked again, then
 * the rules are used), or a departure from the schema that was mended because what was meant is
 * clear. Each says so in both languages of the archive; {@code %s} is a key or value of the
 * answer, shown as ours (a name we know, or cut short and in backticks).
 */
enum AnswerIssue {
  // Unusable.
  EMPTY(false, "empty answer", "回答为空"),
  NOT_JSON(false, "the answer is not valid JSON", "回答不是合法的 JSON"),
  NOT_OBJECT(false, "the answer is not a JSON object", "回答不是 JSON 对象"),
  NO_SEVERITY(false, "severity is not one of high, medium, low",
      "severity 不是 high、medium、low 之一"),
  NO_TYPES(false, "types names none of our change types", "types 中没有已知的变更类型"),
  NO_SUMMARY(false, "summary is missing", "缺少 summary"),
  NO_HIGHLIGHTS(false, "highlights is missing", "缺少 highlights"),
  NOT_TEXT(false, "%s is not text", "%s 不是文本"),
  NOT_LIST(false, "%s is not a list", "%s 不是列表"),
  NOT_ITEM(false, "an item of %s is neither text nor an object", "%s 的条目既不是文本也不是对象"),
  TWO_NAMES(false, "%s are both given", "同时给出了 %s"),
  CUT_OFF(false, "the answer was cut off at the token limit", "回答在 token 上限处被截断"),
  // Mended.
  KEY_NAME(true, "key %s", "键名 %s"),
  TEXT_FOR_LIST(true, "one text for the list %s", "%s 应为列表，给的是一段文本"),
  TEXT_ITEMS(true, "plain text items in %s", "%s 的条目是纯文本，不是对象"),
  UNKNOWN_DIMENSION(true, "insight dimension %s unknown, kept without one",
      "洞察维度 %s 未知，按无维度保留"),
  TYPE_NAME(true, "type %s", "类型 %s"),
  WRAPPED(true, "the answer wrapped in %s", "回答包在 %s 中");

  private final boolean mended;
  private final String en;
  private final String zh;

  AnswerIssue(boolean mended, String en, String zh) {
    this.mended = mended;
    this.en = en;
    this.zh = zh;
  }

  /** Whether an answer with this issue is used, mended, rather than asked again. */
  boolean mended() {
    return mended;
  }

  String text(Language language, String detail) {
    return String.format(Locale.ROOT, language == Language.ZH ? zh : en, detail);
  }

  /** One issue met, with what it names. */
  record Note(AnswerIssue issue, String detail) {

    Note {
      detail = detail == null ? "" : detail;
    }

    String text(Language language) {
      return issue.text(language, detail);
    }
  }
}
