/**
 * OpenSearch as the search engine past the static search: {@link
 * dev.daybook.search.opensearch.OpenSearchIndex} writes the commit documents of the Lucene index
 * ({@link dev.daybook.search.CommitDoc}) into an OpenSearch index, report by report, under an
 * index template whose analysis follows {@link dev.daybook.search.TextAnalysis} with built-in
 * filters ({@link dev.daybook.search.opensearch.IndexTemplate}); {@link
 * dev.daybook.search.opensearch.QueryDsl} turns Daybook's query language into OpenSearch's query
 * DSL and {@link dev.daybook.search.opensearch.OpenSearchSearch} runs it. All of it speaks HTTP
 * through {@link dev.daybook.search.opensearch.Endpoint} (the JDK client and Jackson): the product
 * needs no OpenSearch jar.
 */
package dev.daybook.search.opensearch;
