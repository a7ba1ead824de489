package dev.daybook.analysis.rules;

import dev.daybook.model.ChangeType;
import dev.daybook.model.Severity;
import dev.daybook.text.MarkdownText;
import java.util.List;

/**
 * What the rules decided.
 *
 * @param types most important first (the order of {@link ChangeType})
 * @param reasons plain text (the report writer escapes it), one line per rule that fired, type
 *     rules first
 * @param ground the rule that set the final severity, for the conclusion sentence
 */
record Verdict(Severity severity, List<ChangeType> types, List<String> reasons, Ground ground) {

  /** The rule that decided a severity. */
  enum Ground {
    NO_FILES,
    DOCS_ONLY,
    NO_SHIPPED_CODE,
    TINY_CHANGE,
    SHIPPED_CODE,
    KERNEL_SIZE,
    LARGE_CHANGE,
    DEPENDENCY,
    REVERT,
    BREAKING,
    SECURITY
  }

  Verdict {
    types = List.copyOf(types);
    // Reasons quote commit data (paths, tags); one line each whatever the data holds.
    reasons = reasons.stream().map(MarkdownText::oneLine).toList();
  }
}
