package dev.daybook.search;

import java.util.List;
import java.util.Objects;

/**
 * A parsed query, before analysis: what {@link QueryParser} reads and {@link QueryBuilder} turns
 * into a Lucene query. Every node keeps the column (1-based) where it starts.
 */
public sealed interface SearchQuery {

  int column();

  /** Words as typed outside quotes; analyzed, they may become a term or a phrase. */
  record Words(String text, int column) implements SearchQuery {}

  /** Text in double quotes: its terms in order. */
  record Phrase(String text, int column) implements SearchQuery {}

  /**
   * A filter such as {@code severity:high}; {@code value} is normalized (see {@link QueryParser}),
   * {@code to} is set for date ranges (both inclusive, YYYY-MM-DD; an open end is "" and "~").
   */
  record Filter(String field, String value, String to, int column) implements SearchQuery {
    public Filter {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code -x}: results must not match x. */
  record Not(SearchQuery query, int column) implements SearchQuery {}

  /** Everything must match (the default between terms). */
  record And(List<SearchQuery> queries, int column) implements SearchQuery {
    public And {
      queries = List.copyOf(queries);
    }
  }

  /** {@code a OR b}: at least one must match. */
  record Or(List<SearchQuery> queries, int column) implements SearchQuery {
    public Or {
      queries = List.copyOf(queries);
    }
  }
}
