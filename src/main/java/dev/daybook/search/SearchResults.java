package dev.daybook.search;

import java.util.List;

/** What a search found: how many commits match in all, and the first of them, best first. */
public record SearchResults(String query, long total, List<SearchHit> hits) {
  public SearchResults {
    hits = List.copyOf(hits);
  }
}
