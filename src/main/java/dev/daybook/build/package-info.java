/**
 * The build pipeline of {@code daybook build} and {@code serve}: reads the archive once, runs the
 * site's renderers and the search index and export side by side, times each step, keeps what the
 * last build made from the same inputs (the caches in {@code .daybook/}), and publishes the site
 * all at once. The one package that knows both the site and the search.
 */
package dev.daybook.build;
