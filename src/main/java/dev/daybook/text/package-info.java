/**
 * Untrusted text in Markdown: escaping commit titles, names and paths so that they stay text in
 * any CommonMark renderer, and reading them back; and the characters XML cannot hold, replaced
 * in the reports and pages Daybook writes. Used by the report writer and parser, the archive
 * reader, the analyzers and the site.
 */
package dev.daybook.text;
