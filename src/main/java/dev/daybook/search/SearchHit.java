package dev.daybook.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One result: the commit, its score and where the query's terms are.
 *
 * @param url the commit's place on the site, relative to its root
 * @param titleHighlights [start, end) offsets of matched terms in {@code title}
 */
public record SearchHit(int rank, float score, LocalDate date, Instant time, String repo,
    String sha, String severity, List<String> types, String author, String title,
    List<int[]> titleHighlights, String url, Snippet snippet) {

  public SearchHit {
    types = List.copyOf(types);
    titleHighlights = List.copyOf(titleHighlights);
  }

  public String shortSha() {
    return sha.substring(0, Math.min(7, sha.length()));
  }
}
