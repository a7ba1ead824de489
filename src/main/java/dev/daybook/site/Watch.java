package dev.daybook.site;

import java.util.List;
import java.util.Objects;

/**
 * A watch feed ({@code watch.NAME=QUERY}): the commits its query finds, newest first, as the
 * build's search engine found them. The site only lists them; it does not search (the {@code
 * build} package runs the query and hands the answer over), so {@code site} needs no {@code
 * search}.
 *
 * @param name its folder: {@code watch/NAME/}
 * @param query the query as written in {@code site.properties}
 * @param commits each commit found as {@link #key}, newest first (the newest ones, when there
 *     are more than the search gave)
 * @param total how many commits the query finds
 */
public record Watch(String name, String query, List<String> commits, long total) {

  public Watch {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(query, "query");
    commits = List.copyOf(commits);
  }

  /** How a commit is named between the search and the site: its repository and SHA. */
  public static String key(String repo, String sha) {
    return repo + "@" + sha;
  }
}
