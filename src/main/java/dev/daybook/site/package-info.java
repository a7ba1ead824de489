/**
 * The static site as a function of the parsed archive ({@link dev.daybook.site.SiteRenderer}):
 * the report pages baked by JBake, Daybook's own pages (home, year and month calendars,
 * per-repository, per-severity and per-type lists, feeds, sitemap) with the same Freemarker
 * templates, each handed to the build with the
 * digest of what it is made from ({@link dev.daybook.site.Pages}); and the preview server. It
 * writes no output itself and knows nothing of the search.
 */
package dev.daybook.site;
