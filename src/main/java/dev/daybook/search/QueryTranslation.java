package dev.daybook.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed query ({@link SearchQuery}) made into an engine's query, by the rules every engine
 * follows ({@link QueryBuilder} gives them): how the items of a list score, filter or exclude,
 * what {@code OR} of them scores, what a list with nothing that must match matches, which words
 * are dropped for having no terms, and the constant-score extras of a word or phrase. An engine
 * says only how its queries are written: {@link QueryBuilder} as Lucene queries, {@code
 * opensearch.QueryDsl} as OpenSearch's query DSL. One walk for both, so that they cannot drift.
 *
 * @param <Q> the engine's query
 */
public abstract class QueryTranslation<Q> {

  private enum Kind { SCORING, FILTER, EXCLUDE }

  private record Part<Q>(Q query, Kind kind) {}

  private final Set<String> highlight = new LinkedHashSet<>();
  private final List<String> dropped = new ArrayList<>();

  /**
   * The query of the whole: what scores as it is, filters alone (scoring 0, so the newest come
   * first), exclusions alone (every commit but those).
   *
   * @throws QuerySyntaxException when no word of the query has terms
   */
  protected final Q translate(SearchQuery query) throws QuerySyntaxException {
    Part<Q> root = part(query, true);
    if (root == null) {
      throw QueryBuilder.nothingToSearch(dropped);
    }
    return switch (root.kind()) {
      case SCORING -> root.query();
      case FILTER -> bool(List.of(), List.of(root.query()), List.of());
      case EXCLUDE -> matchAllBut(root.query());
    };
  }

  /** The terms to highlight in results: those of the words and phrases not excluded. */
  protected final Set<String> highlighted() {
    return Set.copyOf(highlight);
  }

  /** Notes a term to highlight. */
  protected final void highlight(String term) {
    highlight.add(term);
  }

  /**
   * The clauses that find a word or phrase in the title and the body (the extras are added
   * after them); {@code positive} is false inside an exclusion, whose terms are not highlighted.
   *
   * @param tokens the text's terms in query mode, never empty
   */
  protected abstract List<Q> text(String text, boolean word, List<TextAnalysis.Token> tokens,
      boolean positive);

  /** An exact filter: a keyword term, a {@code date:} range, a {@code sha:} prefix. */
  protected abstract Q filter(SearchQuery.Filter filter);

  /** All of {@code must} (scoring), all of {@code filter} (not scoring), none of {@code mustNot}. */
  protected abstract Q bool(List<Q> must, List<Q> filter, List<Q> mustNot);

  /** At least one of the clauses, their scores added. */
  protected abstract Q any(List<Q> clauses);

  /** Every commit. */
  protected abstract Q matchAll();

  /** What {@code query} matches, each with this score. */
  protected abstract Q constantScore(Q query, float score);

  private Part<Q> part(SearchQuery q, boolean positive) {
    if (q instanceof SearchQuery.Words w) {
      return text(w.text(), true, positive);
    }
    if (q instanceof SearchQuery.Phrase p) {
      return text(p.text(), false, positive);
    }
    if (q instanceof SearchQuery.Filter f) {
      return new Part<>(filter(f), Kind.FILTER);
    }
    if (q instanceof SearchQuery.Not n) {
      Part<Q> inner = part(n.query(), !positive);
      return inner == null ? null : new Part<>(asScoring(inner), Kind.EXCLUDE);
    }
    if (q instanceof SearchQuery.And a) {
      return and(a.queries(), positive);
    }
    List<Q> alternatives = new ArrayList<>();
    for (SearchQuery alternative : ((SearchQuery.Or) q).queries()) {
      Part<Q> p = part(alternative, positive);
      if (p != null) {
        // A filter or an exclusion among alternatives matches, scoring 0.
        alternatives.add(p.kind() == Kind.SCORING ? p.query() : constantScore(asScoring(p), 0f));
      }
    }
    return alternatives.isEmpty() ? null : new Part<>(any(alternatives), Kind.SCORING);
  }

  private Part<Q> and(List<SearchQuery> items, boolean positive) {
    List<Q> must = new ArrayList<>();
    List<Q> filter = new ArrayList<>();
    List<Q> mustNot = new ArrayList<>();
    Part<Q> single = null;
    int n = 0;
    for (SearchQuery item : items) {
      Part<Q> p = part(item, positive);
      if (p == null) {
        continue;
      }
      n++;
      single = p;
      switch (p.kind()) {
        case SCORING -> must.add(p.query());
        case FILTER -> filter.add(p.query());
        case EXCLUDE -> mustNot.add(p.query());
      }
    }
    if (n == 0) {
      return null;
    }
    if (n == 1) {
      return single;
    }
    if (must.isEmpty() && filter.isEmpty()) {
      filter.add(matchAll()); // only exclusions: every commit but those
    }
    return new Part<>(bool(must, filter, mustNot), must.isEmpty() ? Kind.FILTER : Kind.SCORING);
  }

  private Part<Q> text(String text, boolean word, boolean positive) {
    List<TextAnalysis.Token> tokens = TextAnalysis.analyze(text, TextAnalysis.Mode.QUERY);
    if (tokens.isEmpty()) {
      dropped.add("\"" + text + "\"");
      return null;
    }
    List<Q> clauses = new ArrayList<>(text(text, word, tokens, positive));
    for (QueryBuilder.Extra e : QueryBuilder.extras(text, word)) {
      clauses.add(constantScore(filter(e.filter()), e.score()));
    }
    return new Part<>(any(clauses), Kind.SCORING);
  }

  /** An excluded part as a query that matches what it excludes. */
  private Q asScoring(Part<Q> p) {
    return p.kind() == Kind.EXCLUDE ? matchAllBut(p.query()) : p.query();
  }

  private Q matchAllBut(Q excluded) {
    return bool(List.of(), List.of(matchAll()), List.of(excluded));
  }
}
