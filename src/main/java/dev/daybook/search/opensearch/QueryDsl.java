package dev.daybook.search.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daybook.search.QueryBuilder;
import dev.daybook.search.QuerySyntaxException;
import dev.daybook.search.QueryTranslation;
import dev.daybook.search.Ranking;
import dev.daybook.search.SearchQuery;
import dev.daybook.search.TextAnalysis;
import java.util.List;
import java.util.Set;

/**
 * Turns a parsed query ({@link SearchQuery}) into OpenSearch's query DSL by the rules of {@link
 * QueryBuilder}, clause for clause: a word or phrase is a {@code match_phrase} on the title
 * (boosted {@link Ranking#TITLE_BOOST}) or the body, plus the same extras with the same constant
 * scores (its author, the types and severities it names, a SHA prefix); items of a list are
 * {@code must}, {@code filter} or {@code must_not} as they score, filter or exclude; {@code OR}
 * is {@code should}, a filter or exclusion in it scoring 0; filters are {@code term}, {@code
 * range} ({@code date:}) and {@code prefix} ({@code sha:}) on the keyword fields. OpenSearch
 * analyzes the words itself, with the index template's query analyzer; Daybook's own analysis
 * only decides which words have no terms (dropped, as Daybook drops them) and what to highlight.
 * User text only ever enters the JSON as a Jackson string value.
 */
final class QueryDsl extends QueryTranslation<ObjectNode> {

  /** The query and the terms to highlight in results. */
  record Built(ObjectNode query, Set<String> highlightTerms) {}

  private QueryDsl() {}

  /** The query for commits (never the records of reports). */
  static Built build(SearchQuery query) throws QuerySyntaxException {
    QueryDsl b = new QueryDsl();
    ObjectNode matching = b.translate(query);
    ObjectNode commits = term(IndexTemplate.KIND, IndexTemplate.COMMIT);
    return new Built(b.bool(List.of(matching), List.of(commits), List.of()), b.highlighted());
  }

  @Override
  protected List<ObjectNode> text(String text, boolean word, List<TextAnalysis.Token> tokens,
      boolean positive) {
    if (positive) {
      tokens.forEach(t -> highlight(t.term()));
      QueryBuilder.partsReading(text, word, tokens).forEach(t -> highlight(t.term()));
    }
    return List.of(matchPhrase("title", text, Ranking.TITLE_BOOST),
        matchPhrase("body", text, Ranking.BODY_BOOST));
  }

  @Override
  protected ObjectNode constantScore(ObjectNode query, float score) {
    ObjectNode q = Endpoint.object();
    ObjectNode cs = q.putObject("constant_score");
    cs.set("filter", query);
    cs.put("boost", score);
    return q;
  }

  private static ObjectNode matchPhrase(String field, String text, float boost) {
    ObjectNode q = Endpoint.object();
    ObjectNode f = q.putObject("match_phrase").putObject(field);
    f.put("query", text);
    f.put("boost", boost);
    return q;
  }

  @Override
  protected ObjectNode filter(SearchQuery.Filter f) {
    return switch (f.field()) {
      case "date" -> {
        if (f.value().equals(f.to())) {
          yield term("date", f.value());
        }
        ObjectNode q = Endpoint.object();
        ObjectNode r = q.putObject("range").putObject("date");
        r.put("gte", f.value());
        r.put("lte", f.to());
        yield q;
      }
      case "sha" -> {
        ObjectNode q = Endpoint.object();
        q.putObject("prefix").put("sha", f.value());
        yield q;
      }
      default -> term(f.field(), f.value());
    };
  }

  static ObjectNode term(String field, String value) {
    ObjectNode q = Endpoint.object();
    q.putObject("term").put(field, value);
    return q;
  }

  @Override
  protected ObjectNode matchAll() {
    ObjectNode q = Endpoint.object();
    q.putObject("match_all");
    return q;
  }

  @Override
  protected ObjectNode any(List<ObjectNode> clauses) {
    ObjectNode q = Endpoint.object();
    ObjectNode bool = q.putObject("bool");
    add(bool, "should", clauses);
    bool.put("minimum_should_match", 1);
    return q;
  }

  @Override
  protected ObjectNode bool(List<ObjectNode> must, List<ObjectNode> filter,
      List<ObjectNode> mustNot) {
    ObjectNode q = Endpoint.object();
    ObjectNode bool = q.putObject("bool");
    add(bool, "must", must);
    add(bool, "filter", filter);
    add(bool, "must_not", mustNot);
    return q;
  }

  private static void add(ObjectNode bool, String occur, List<ObjectNode> clauses) {
    if (!clauses.isEmpty()) {
      ArrayNode array = bool.putArray(occur);
      clauses.forEach(array::add);
    }
  }
}
