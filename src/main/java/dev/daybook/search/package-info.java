/**
 * Search: {@link dev.daybook.search.TextAnalysis} (the analyzer, one specified function),
 * {@link dev.daybook.search.SearchIndex} (the Lucene index, its fields, location and fingerprint),
 * {@link dev.daybook.search.QueryParser} and {@link dev.daybook.search.QueryBuilder} (the query
 * language, with {@link dev.daybook.search.ArchiveWords}, the words of types and severities, and
 * {@link dev.daybook.search.QueryMessage}, its errors in both languages),
 * {@link dev.daybook.search.Ranking} (BM25 constants) and
 * {@link dev.daybook.search.IndexSearch} (ranked hits with {@link dev.daybook.search.Snippet}s).
 * Everything the browser search must repeat is specified in those classes' comments.
 */
package dev.daybook.search;
