/**
 * The static site: parses the archive, stages it for JBake, bakes the report pages with JBake and
 * renders Daybook's own pages (home, per-repository and per-severity indexes, feeds, sitemap) with
 * the same Freemarker templates, into a fresh folder that replaces the previous output whole.
 */
package dev.daybook.site;
