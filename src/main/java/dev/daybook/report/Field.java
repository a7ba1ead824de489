package dev.daybook.report;

/** The labelled parts of a commit's section in a report, in the order a report writes them. */
enum Field {
  TYPE,
  SEVERITY,
  /** Why the commit breaks compatibility; a line only when it does. */
  BREAKING,
  SUMMARY,
  IMPACT,
  INSIGHTS,
  RISKS,
  RECOMMENDATIONS,
  CONCLUSION,
  REASONS
}
