package dev.daybook.analysis.llm;

import dev.daybook.model.Language;

/**
 * A request that gave no usable answer. The message is short, written by us (never a response
 * body, never a header), and safe to print and to put into a report; it may have a Chinese
 * wording for Chinese reports (else the English one is used there too).
 */
final class LlmFailure extends Exception {

  private static final long serialVersionUID = 1L;

  /** Whether later requests of the same run can be expected to fail the same way. */
  private final boolean fatal;
  private final String chinese;

  LlmFailure(String message, String chinese, boolean fatal) {
    super(message, null, false, false);
    this.chinese = chinese;
    this.fatal = fatal;
  }

  LlmFailure(String message, boolean fatal) {
    this(message, null, fatal);
  }

  LlmFailure(String message) {
    this(message, null, false);
  }

  /** This failure with more said after it, in both languages. */
  LlmFailure followedBy(String english, String chinese) {
    return new LlmFailure(getMessage() + english, message(Language.ZH) + chinese, fatal);
  }

  boolean fatal() {
    return fatal;
  }

  /** The message in a report's language. */
  String message(Language language) {
    return language == Language.ZH && chinese != null ? chinese : getMessage();
  }
}
