package dev.daybook.source.github;

import dev.daybook.source.DayWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Picks the day's commits out of a listing of the default branch.
 *
 * <p>The listing ({@code GET /repos/o/r/commits?sha=<default branch>&since=..&until=..}) holds
 * every commit reachable from the branch in a widened window, merged side-branch commits
 * included, newest first. Heuristic: its first element is taken to be on the first-parent chain
 * (true for squash-merge histories, and for merge histories whenever a merge commit is the newest
 * commit before {@code until}); from it we follow {@code parents[0]} while the parent is in the
 * listing, and keep the commits whose committer date falls in the half-open window. Side-branch
 * commits are never reached, so they are left out.
 */
final class FirstParentChain {

  /** One element of the listing. */
  record Listed<T>(String sha, String firstParent, Instant committedAt, T commit) {
    Listed {
      Objects.requireNonNull(sha, "sha");
      Objects.requireNonNull(committedAt, "committedAt");
    }
  }

  private FirstParentChain() {}

  /** The listed commits on the chain and in the window, in chain order (newest first). */
  static <T> List<T> inWindow(List<Listed<T>> newestFirst, DayWindow window) {
    // Paged listings can repeat an element when the branch moves between pages: keep the first.
    Map<String, Listed<T>> bySha = new LinkedHashMap<>();
    for (Listed<T> listed : newestFirst) {
      bySha.putIfAbsent(listed.sha(), listed);
    }
    List<T> chain = new ArrayList<>();
    Listed<T> current = bySha.isEmpty() ? null : bySha.remove(bySha.keySet().iterator().next());
    while (current != null) {
      if (window.contains(current.committedAt())) {
        chain.add(current.commit());
      }
      // Removing what we visit also ends the walk on a cycle in bad data.
      current = current.firstParent() == null ? null : bySha.remove(current.firstParent());
    }
    return chain;
  }
}
