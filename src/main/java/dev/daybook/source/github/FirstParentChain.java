package dev.daybook.source.github;

import dev.daybook.source.DayWindow;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Picks the day's commits, the default branch's first-parent chain in the day window, out of a
 * listing of the branch ({@code GET /repos/o/r/commits?sha=<branch>&since=..&until=..}: every
 * commit reachable from the branch with a committer date in a window widened by a slack on each
 * side, merged side-branch commits included).
 *
 * <p><b>Where the walk starts.</b> A <em>head</em> is a listed commit that no known commit names
 * as a parent, first or other. A side-branch commit merged inside the listing is never a head (its
 * merge names it), whatever its committer date, so the walk cannot start on it. A side-branch
 * commit merged only after {@code until} is a head, and so is the chain's own newest listed
 * commit: the listing alone cannot tell which of them the branch went on from (that needs the
 * merge). So the walk starts from the newest head and then checks itself: every in-window listed
 * commit must be <em>explained</em>, i.e. be on the walked chain or an ancestor (through listed or
 * fetched commits) of a commit on it. If one is not, the listing is widened past {@code until} (by
 * {@link #WIDENINGS}: at most 3 more listings, reaching at most 7 days further, never past now)
 * until the merge that names the stray head shows up, and the walk starts again from the newest
 * head. If the merge is later still, the last walk stands: the newest head may then be a side
 * branch's. A squash- or rebase-merge history, or a merge history whose merges all fall in the
 * listing, has a single head and costs nothing extra. We do not walk down from the branch's tip:
 * for a day months ago that would list months of commits.
 *
 * <p><b>Gaps.</b> Committer dates need not decrease along the chain (a fast-forwarded old commit,
 * dates rewritten by a rebase), so a commit's first parent may be missing from the listing while
 * older chain commits are in it. When the walk meets a missing first parent while some in-window
 * listed commit is still unexplained, it fetches the parent by SHA (one request) and goes on
 * through it; it stops at a commit older than {@code since} whose first parent is not known
 * either. At most {@link #MAX_EXTRA_FETCHES} commits are fetched per day, and once that bound is
 * reached the listing is not widened either: a pathological history costs at most 20 requests
 * more, and loses the commits beyond the bound. When every in-window commit is explained nothing
 * is fetched, so an ordinary day costs no extra request.
 */
final class FirstParentChain<T> {

  /** Most commits fetched by SHA to bridge gaps in one day. */
  static final int MAX_EXTRA_FETCHES = 20;

  /** How far each widening of the listing reaches past the previous {@code until}. */
  static final List<Duration> WIDENINGS =
      List.of(Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(4));

  /** A commit as the walk needs it. */
  record Listed<T>(String sha, List<String> parents, Instant committedAt, T commit) {
    Listed {
      Objects.requireNonNull(sha, "sha");
      Objects.requireNonNull(committedAt, "committedAt");
      parents = List.copyOf(parents);
    }

    String firstParent() {
      return parents.isEmpty() ? null : parents.get(0);
    }
  }

  /** The branch as the GitHub API shows it. */
  interface History<T> {
    /** The branch's commits with a committer date in {@code [since, until]}, newest first. */
    List<Listed<T>> list(Instant since, Instant until) throws IOException;

    /** One commit by SHA, with its details: one request. */
    Listed<T> commit(String sha) throws IOException;
  }

  /** A history that has nothing more than one listing: nothing is fetched or widened. */
  private static <T> History<T> listingOnly() {
    return new History<>() {
      @Override
      public List<Listed<T>> list(Instant since, Instant until) {
        return List.of();
      }

      @Override
      public Listed<T> commit(String sha) {
        throw new IllegalStateException("not fetched: " + sha);
      }
    };
  }

  private final History<T> history;
  private final DayWindow window;
  private final Instant since;
  private final boolean mayFetch;
  private final Map<String, Listed<T>> listed = new LinkedHashMap<>();
  private final Map<String, Listed<T>> fetched = new HashMap<>();
  private int fetches;

  private FirstParentChain(History<T> history, DayWindow window, Instant since, boolean mayFetch) {
    this.history = history;
    this.window = window;
    this.since = since;
    this.mayFetch = mayFetch;
  }

  /**
   * The day's commits, newest first along the chain: lists the window widened by {@code slack},
   * then fetches and widens only as the class comment says. Widening stops once {@code until}
   * passes {@code now}: nothing newer exists.
   */
  static <T> List<T> select(History<T> history, DayWindow window, Duration slack, Instant now)
      throws IOException {
    Instant since = window.start().minus(slack);
    Instant until = window.end().plus(slack);
    FirstParentChain<T> chain = new FirstParentChain<>(history, window, since, true);
    chain.add(history.list(since, until));
    Walk<T> walk = chain.walk();
    for (Duration widening : WIDENINGS) {
      if (walk.unexplained() == 0 || walk.boundReached() || !until.isBefore(now)) {
        break;
      }
      Instant from = until;
      until = until.plus(widening);
      chain.add(history.list(from, until));
      walk = chain.walk();
    }
    return walk.kept();
  }

  /** The walk over one listing alone, fetching and widening nothing. */
  static <T> List<T> inWindow(List<Listed<T>> newestFirst, DayWindow window) {
    FirstParentChain<T> chain =
        new FirstParentChain<>(listingOnly(), window, window.start(), false);
    chain.add(newestFirst);
    try {
      return chain.walk().kept();
    } catch (IOException e) {
      throw new IllegalStateException("a walk that may not fetch fetched", e);
    }
  }

  private record Walk<T>(List<T> kept, int unexplained, boolean boundReached) {}

  /** Paged listings can repeat an element when the branch moves between pages: keep the first. */
  private void add(List<Listed<T>> newestFirst) {
    for (Listed<T> commit : newestFirst) {
      listed.putIfAbsent(commit.sha(), commit);
    }
  }

  private Listed<T> known(String sha) {
    Listed<T> commit = listed.get(sha);
    return commit != null ? commit : fetched.get(sha);
  }

  private Walk<T> walk() throws IOException {
    List<T> kept = new ArrayList<>();
    Set<String> visited = new LinkedHashSet<>();
    boolean boundReached = false;
    Listed<T> current = start();
    // The visited set also ends the walk on a cycle in bad data.
    while (current != null && visited.add(current.sha())) {
      if (window.contains(current.committedAt())) {
        kept.add(current.commit());
      }
      String parent = current.firstParent();
      if (parent == null) {
        break;
      }
      Listed<T> next = known(parent);
      if (next == null) {
        if (!mayFetch || current.committedAt().isBefore(since) || unexplained(visited) == 0) {
          break;
        }
        if (fetches >= MAX_EXTRA_FETCHES) {
          boundReached = true;
          break;
        }
        fetches++;
        next = history.commit(parent);
        fetched.put(parent, next);
      }
      current = next;
    }
    return new Walk<>(kept, unexplained(visited), boundReached);
  }

  /** The newest head (ties: the earlier listed); the newest listed commit if there is no head. */
  private Listed<T> start() {
    Set<String> named = new HashSet<>();
    for (Map<String, Listed<T>> commits : List.of(listed, fetched)) {
      commits.values().forEach(c -> named.addAll(c.parents()));
    }
    Listed<T> newest = null;
    Listed<T> newestHead = null;
    for (Listed<T> commit : listed.values()) {
      if (newest == null || commit.committedAt().isAfter(newest.committedAt())) {
        newest = commit;
      }
      if (!named.contains(commit.sha())
          && (newestHead == null || commit.committedAt().isAfter(newestHead.committedAt()))) {
        newestHead = commit;
      }
    }
    return newestHead != null ? newestHead : newest;
  }

  /** How many in-window listed commits are neither visited nor ancestors of a visited commit. */
  private int unexplained(Set<String> visited) {
    Set<String> explained = new HashSet<>(visited);
    Deque<String> todo = new ArrayDeque<>(visited);
    while (!todo.isEmpty()) {
      Listed<T> commit = known(todo.pop());
      if (commit != null) {
        for (String parent : commit.parents()) {
          if (explained.add(parent)) {
            todo.push(parent);
          }
        }
      }
    }
    int count = 0;
    for (Listed<T> commit : listed.values()) {
      if (window.contains(commit.committedAt()) && !explained.contains(commit.sha())) {
        count++;
      }
    }
    return count;
  }
}
