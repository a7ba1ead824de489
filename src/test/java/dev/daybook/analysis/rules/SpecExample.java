package dev.daybook.analysis.rules;

import dev.daybook.model.ChangeType;
import dev.daybook.model.Commit;
import dev.daybook.model.Severity;
import java.util.List;
import java.util.Optional;

/**
 * One example of {@code classification-spec.md}: a commit and what the rules must say about it.
 *
 * @param line the line of the example's opening fence, for messages and test names
 * @param section the heading the example sits under
 * @param fixtureDay the fixture day and short SHA when the commit is real data, e.g.
 *     {@code 2026-02-06 c6aa186}; empty for a synthetic commit
 * @param reference the severity the LLM-written reference report gave, when the spec records it
 */
record SpecExample(
    int line,
    String section,
    Optional<String> fixtureDay,
    Commit commit,
    Severity severity,
    List<ChangeType> types,
    List<String> reasons,
    Optional<Severity> reference) {

  String displayName() {
    return "line " + line + ": " + commit.shortSha() + " " + commit.title() + " [" + section + "]";
  }
}
