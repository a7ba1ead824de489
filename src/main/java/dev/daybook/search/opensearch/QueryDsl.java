package dev.daybook.search.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daybook.search.QueryBuilder;
import dev.daybook.search.QuerySyntaxException;
import dev.daybook.search.Ranking;
import dev.daybook.search.SearchQuery;
import dev.daybook.search.TextAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
final class QueryDsl {

  /** The query and the terms to highlight in results. */
  record Built(ObjectNode query, Set<String> highlightTerms) {}

  private enum Kind { SCORING, FILTER, EXCLUDE }

  private record Part(ObjectNode query, Kind kind) {}

  private final Set<String> highlight = new LinkedHashSet<>();
  private final List<String> dropped = new ArrayList<>();

  private QueryDsl() {}

  /** The query for commits (never the records of reports). */
  static Built build(SearchQuery query) throws QuerySyntaxException {
    QueryDsl b = new QueryDsl();
    Part root = b.part(query, true);
    if (root == null) {
      throw QueryBuilder.nothingToSearch(b.dropped);
    }
    ObjectNode matching = switch (root.kind) {
      case SCORING -> root.query;
      case FILTER -> bool(List.of(), List.of(root.query), List.of());
      case EXCLUDE -> matchAllBut(root.query);
    };
    ObjectNode commits = term(IndexTemplate.KIND, IndexTemplate.COMMIT);
    return new Built(bool(List.of(matching), List.of(commits), List.of()),
        Set.copyOf(b.highlight));
  }

  private Part part(SearchQuery q, boolean positive) {
    if (q instanceof SearchQuery.Words w) {
      return text(w.text(), true, positive);
    }
    if (q instanceof SearchQuery.Phrase p) {
      return text(p.text(), false, positive);
    }
    if (q instanceof SearchQuery.Filter f) {
      return new Part(filter(f), Kind.FILTER);
    }
    if (q instanceof SearchQuery.Not n) {
      Part inner = part(n.query(), !positive);
      return inner == null ? null : new Part(asScoring(inner), Kind.EXCLUDE);
    }
    if (q instanceof SearchQuery.And a) {
      return and(a.queries(), positive);
    }
    SearchQuery.Or o = (SearchQuery.Or) q;
    List<ObjectNode> should = new ArrayList<>();
    for (SearchQuery alternative : o.queries()) {
      Part p = part(alternative, positive);
      if (p != null) {
        should.add(p.kind == Kind.SCORING ? p.query : zeroScore(p));
      }
    }
    return should.isEmpty() ? null : new Part(should(should), Kind.SCORING);
  }

  private Part and(List<SearchQuery> items, boolean positive) {
    List<ObjectNode> must = new ArrayList<>();
    List<ObjectNode> filter = new ArrayList<>();
    List<ObjectNode> mustNot = new ArrayList<>();
    Part single = null;
    int n = 0;
    for (SearchQuery item : items) {
      Part p = part(item, positive);
      if (p == null) {
        continue;
      }
      n++;
      single = p;
      switch (p.kind) {
        case SCORING -> must.add(p.query);
        case FILTER -> filter.add(p.query);
        case EXCLUDE -> mustNot.add(p.query);
      }
    }
    if (n == 0) {
      return null;
    }
    if (n == 1) {
      return single;
    }
    if (must.isEmpty() && filter.isEmpty()) {
      filter.add(matchAll());
    }
    return new Part(bool(must, filter, mustNot), must.isEmpty() ? Kind.FILTER : Kind.SCORING);
  }

  private static ObjectNode asScoring(Part p) {
    return p.kind == Kind.EXCLUDE ? matchAllBut(p.query) : p.query;
  }

  private static ObjectNode zeroScore(Part p) {
    ObjectNode q = Endpoint.object();
    ObjectNode cs = q.putObject("constant_score");
    cs.set("filter", asScoring(p));
    cs.put("boost", 0f);
    return q;
  }

  private static ObjectNode matchAllBut(ObjectNode excluded) {
    return bool(List.of(), List.of(matchAll()), List.of(excluded));
  }

  private Part text(String text, boolean word, boolean positive) {
    List<TextAnalysis.Token> tokens = TextAnalysis.analyze(text, TextAnalysis.Mode.QUERY);
    if (tokens.isEmpty()) {
      dropped.add("\"" + text + "\"");
      return null;
    }
    if (positive) {
      tokens.forEach(t -> highlight.add(t.term()));
      QueryBuilder.partsReading(text, word, tokens).forEach(t -> highlight.add(t.term()));
    }
    List<ObjectNode> should = new ArrayList<>();
    should.add(matchPhrase("title", text, Ranking.TITLE_BOOST));
    should.add(matchPhrase("body", text, Ranking.BODY_BOOST));
    for (QueryBuilder.Extra e : QueryBuilder.extras(text, word)) {
      ObjectNode q = Endpoint.object();
      ObjectNode cs = q.putObject("constant_score");
      cs.set("filter", filter(e.filter()));
      cs.put("boost", e.score());
      should.add(q);
    }
    return new Part(should(should), Kind.SCORING);
  }

  private static ObjectNode matchPhrase(String field, String text, float boost) {
    ObjectNode q = Endpoint.object();
    ObjectNode f = q.putObject("match_phrase").putObject(field);
    f.put("query", text);
    f.put("boost", boost);
    return q;
  }

  static ObjectNode filter(SearchQuery.Filter f) {
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

  private static ObjectNode matchAll() {
    ObjectNode q = Endpoint.object();
    q.putObject("match_all");
    return q;
  }

  private static ObjectNode should(List<ObjectNode> clauses) {
    ObjectNode q = Endpoint.object();
    ObjectNode bool = q.putObject("bool");
    add(bool, "should", clauses);
    bool.put("minimum_should_match", 1);
    return q;
  }

  private static ObjectNode bool(List<ObjectNode> must, List<ObjectNode> filter,
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
