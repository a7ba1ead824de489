package dev.daybook.cli;

import dev.daybook.model.DailyReport;
import dev.daybook.model.Severity;

/** Short summaries of reports for the terminal. */
final class Summaries {

  private Summaries() {}

  /** E.g. {@code 13 commits: 2 high, 7 medium, 4 low}. */
  static String counts(DailyReport report) {
    StringBuilder s = new StringBuilder();
    s.append(report.commitCount()).append(report.commitCount() == 1 ? " commit" : " commits");
    if (report.commitCount() > 0) {
      s.append(": ");
      for (Severity severity : Severity.values()) {
        if (severity != Severity.HIGH) {
          s.append(", ");
        }
        s.append(report.count(severity)).append(' ').append(severity.key());
      }
    }
    return s.toString();
  }
}
