package dev.daybook.analysis.llm;

/**
 * A request that gave no usable answer. The message is short, written by us (never a response
 * body, never a header), and safe to print and to put into a report.
 */
final class LlmFailure extends Exception {

  private static final long serialVersionUID = 1L;

  /** Whether later requests of the same run can be expected to fail the same way. */
  private final boolean fatal;

  LlmFailure(String message, boolean fatal) {
    super(message, null, false, false);
    this.fatal = fatal;
  }

  LlmFailure(String message) {
    this(message, false);
  }

  boolean fatal() {
    return fatal;
  }
}
