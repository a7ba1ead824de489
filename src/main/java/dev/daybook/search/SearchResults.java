package dev.daybook.search;

import dev.daybook.model.Language;
import java.util.List;

/**
 * What a search found: how many commits match in all, and the first of them, best first.
 *
 * @param corrected the query as it was run when a word of it was read as another ({@link
 *     Spelling}: {@code cahce} as {@code cache}); null when it was run as written
 */
public record SearchResults(String query, String corrected, long total, List<SearchHit> hits) {
  public SearchResults {
    hits = List.copyOf(hits);
  }

  /** "Showing results for cache" in a language, or null when the query was run as written. */
  public String correction(Language language) {
    return corrected == null ? null : QueryMessage.CORRECTED.format(language, List.of(corrected));
  }

  /**
   * The line above the results: how many there are for the query (and how many are shown), in a
   * language; {@code query} as it should be printed.
   */
  public String summary(Language language, String query) {
    if (total == 0) {
      return QueryMessage.NOTHING_FOUND.format(language, List.of(query));
    }
    String found = (total == 1 ? QueryMessage.FOUND_ONE : QueryMessage.FOUND_MANY)
        .format(language, List.of(String.valueOf(total), query));
    return total > hits.size()
        ? found + QueryMessage.SHOWING.format(language, List.of(String.valueOf(hits.size())))
        : found;
  }
}
