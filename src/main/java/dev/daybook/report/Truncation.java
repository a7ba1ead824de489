package dev.daybook.report;

import dev.daybook.model.Analysis;
import dev.daybook.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Spots an analysis that was published cut off, as in the reference report, whose second high
 * commit ends mid-sentence ("…分配最大 `64 KB * SMS"): an LLM answer that hit its token limit.
 * Used when importing historical reports, so the archive marks such text instead of presenting it
 * as whole. Reports Daybook writes carry an explicit marker and are never guessed at.
 */
public final class Truncation {

  private Truncation() {}

  /**
   * True when a high or medium analysis ends, in its last written section, on a letter or digit:
   * finished prose ends with punctuation, a closing bracket, a code span or a table row.
   */
  public static boolean looksCutOff(Analysis a) {
    if (a.severity() == Severity.LOW) {
      return false;
    }
    List<String> inWritingOrder = new ArrayList<>(List.of(a.summary(), a.impact()));
    boolean table = a.insights().list().stream().anyMatch(i -> i.dimension() != null);
    inWritingOrder.addAll(table ? List.of("|") : a.insights().sources()); // a table's last row
    inWritingOrder.addAll(a.risks().sources());
    inWritingOrder.addAll(a.recommendations().sources());
    inWritingOrder.add(a.conclusion());
    String last = "";
    for (String section : inWritingOrder) {
      if (!section.isBlank()) {
        last = section.strip();
      }
    }
    if (last.isEmpty()) {
      return false;
    }
    int cp = last.codePointBefore(last.length());
    return Character.isLetterOrDigit(cp);
  }
}
