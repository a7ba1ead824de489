package dev.daybook.search.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daybook.search.IndexSearch;
import dev.daybook.search.KnownRepos;
import dev.daybook.search.QueryParser;
import dev.daybook.search.QuerySyntaxException;
import dev.daybook.search.SearchHit;
import dev.daybook.search.SearchQuery;
import dev.daybook.search.SearchResults;
import dev.daybook.search.Snippet;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Searches the OpenSearch index that {@link OpenSearchIndex} writes, with Daybook's query
 * language: the query is parsed by {@link QueryParser}, its {@code repo:} filters checked against
 * the repositories the index holds (the same error as the Lucene search), translated by {@link
 * QueryDsl}, and the results ordered as {@link IndexSearch} orders them (best first, equal scores
 * newest first then by id; or newest first). Snippets are made as for the Lucene search, from the
 * text the index keeps for display. A misspelt word is not read as the archive's closest word.
 */
public final class OpenSearchSearch {

  private final Endpoint endpoint;

  public OpenSearchSearch(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  public SearchResults search(String queryText, int limit, IndexSearch.Order order)
      throws QuerySyntaxException, IOException {
    if (limit < 1 || limit > IndexSearch.MAX_LIMIT) {
      throw new IllegalArgumentException("the limit is 1 to " + IndexSearch.MAX_LIMIT + ": "
          + limit);
    }
    SearchQuery query = QueryParser.parse(queryText);
    if (KnownRepos.filtersRepos(query)) {
      KnownRepos.of(repoKeys()).check(query);
    }
    QueryDsl.Built built = QueryDsl.build(query);
    ObjectNode request = Endpoint.object();
    request.set("query", built.query());
    request.put("size", limit);
    request.put("track_total_hits", true);
    request.put("track_scores", true);
    ArrayNode sort = request.putArray("sort");
    if (order == IndexSearch.Order.RELEVANCE) {
      sort.addObject().put("_score", "desc");
    }
    sort.addObject().put("time", "desc");
    sort.addObject().put("id", "asc");
    request.putArray("_source").add(IndexTemplate.SHOWN).add("time");
    URI url = endpoint.indexUrl("_search");
    JsonNode answer = answer(url, request);
    long total = answer.path("hits").path("total").path("value").asLong();
    List<SearchHit> hits = new ArrayList<>();
    int rank = 1;
    for (JsonNode h : answer.path("hits").path("hits")) {
      hits.add(hit(rank++, h, built.highlightTerms()));
    }
    return new SearchResults(queryText, null, total, hits);
  }

  private JsonNode answer(URI url, ObjectNode request) throws IOException {
    Endpoint.Answer a = endpoint.post(url, request);
    if (a.status() == 404) {
      throw new IOException("OpenSearch at " + endpoint.url() + " has no index "
          + endpoint.index() + ": run `daybook index --opensearch " + endpoint.url()
          + "` first");
    }
    return Endpoint.require(a, url, "searching");
  }

  /** The repository keys of the index's commits (a terms aggregation). */
  private List<String> repoKeys() throws IOException {
    ObjectNode request = Endpoint.object();
    request.put("size", 0);
    request.set("query", QueryDsl.term(IndexTemplate.KIND, IndexTemplate.COMMIT));
    ObjectNode terms = request.putObject("aggs").putObject("repos").putObject("terms");
    terms.put("field", "repo");
    terms.put("size", 10_000);
    JsonNode answer = answer(endpoint.indexUrl("_search"), request);
    List<String> keys = new ArrayList<>();
    for (JsonNode b : answer.path("aggregations").path("repos").path("buckets")) {
      keys.add(b.path("key").asText());
    }
    return keys;
  }

  private static SearchHit hit(int rank, JsonNode h, Set<String> terms) {
    JsonNode s = h.path("_source").path(IndexTemplate.SHOWN);
    String title = s.path("title").asText();
    List<String> types = new ArrayList<>();
    s.path("types").forEach(t -> types.add(t.asText()));
    return new SearchHit(rank, (float) h.path("_score").asDouble(),
        LocalDate.parse(s.path("date").asText()),
        Instant.ofEpochSecond(h.path("_source").path("time").asLong()),
        s.path("repo").asText(), s.path("sha").asText(), s.path("severity").asText(), types,
        s.path("author").asText(), title, Snippet.whole(title, terms).highlights(),
        s.path("url").asText(), Snippet.of(s.path("body").asText(), terms));
  }
}
