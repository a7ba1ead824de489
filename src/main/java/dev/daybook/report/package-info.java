/**
 * The report format: {@link dev.daybook.report.ReportWriter} turns a day's model into Markdown
 * with a JBake header, {@link dev.daybook.report.ReportParser} reads it back (and reads the
 * historical format of imported reports), with every problem as {@code file:line: what}. Writing,
 * parsing and writing again gives the same bytes.
 */
package dev.daybook.report;
