/**
 * Untrusted text in Markdown: escaping commit titles, names and paths so that they stay text in
 * any CommonMark renderer, and reading them back. Used by the report writer and parser, the
 * analyzers and the site.
 */
package dev.daybook.text;
