package dev.daybook.source.github;

import dev.daybook.concurrent.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * The one budget of GitHub requests that every worker of a run draws from. GitHub announces it on
 * each answer ({@code X-RateLimit-Limit}, {@code -Remaining}, {@code -Reset}): a request goes out
 * only while the remaining count is above the requests still on their way; when it is used up,
 * every worker waits for the reset. Until an answer has announced the budget (at the start, and
 * again after each reset) one request at a time goes out to learn it. A server that announces no
 * budget (a GitHub Enterprise without rate limits) is not held back.
 *
 * <p>A refusal for a rate limit ({@link RateLimitGate}) pauses every worker, not only the one
 * refused: the others would only be refused too, and GitHub may block a client that keeps asking.
 *
 * <p>Waits go through the {@link Sleeper}. A pause slept through proves its end has come: the
 * budget takes it as now when the clock says less, so a test's sleeper that returns at once
 * still sees the time pass.
 */
public final class RequestBudget {

  /** GitHub's primary limits reset every hour; a server with shorter windows shows it. */
  private static final Duration GITHUB_WINDOW = Duration.ofHours(1);

  /** Where the budget stands, for a progress line. */
  public record Snapshot(long sent, long limit, long remaining, Instant resetsAt, Duration window) {

    /** Whether the server announced a budget: without it, the other figures but sent are 0. */
    public boolean limited() {
      return limit > 0;
    }
  }

  private final RateLimitPolicy policy;
  private final Duration maxWait;
  private final boolean anonymous;
  private final Consumer<String> notices;
  private final Sleeper sleeper;
  private final Clock clock;

  // All guarded by this.
  private long sent;
  private int inFlight;
  /** Whether an answer announced the budget of the current window. */
  private boolean announced;
  /** Whether the server answered without announcing any budget. */
  private boolean unlimited;
  private long limit;
  private long remaining;
  /** The window's reset as the server wrote it, and when that is on our clock. */
  private Instant serverReset;
  private Instant resetAt;
  private Duration window = GITHUB_WINDOW;
  /** Until when every worker waits; null when none does. */
  private Instant pausedUntil;
  /** The end of the latest pause a worker slept through. */
  private Instant sleptThrough = Instant.MIN;

  RequestBudget(RateLimitPolicy policy, Duration maxWait, boolean anonymous,
      Consumer<String> notices, Sleeper sleeper, Clock clock) {
    this.policy = policy;
    this.maxWait = maxWait;
    this.anonymous = anonymous;
    this.notices = notices;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /** A connector that sends each request, retries included, within this budget. */
  GitHubConnector around(GitHubConnector delegate) {
    return request -> {
      acquire(request.url());
      GitHubConnectorResponse response = null;
      try {
        response = delegate.send(request);
        return response;
      } finally {
        answered(response); // null: it failed, and no longer counts as on its way
      }
    };
  }

  public synchronized Snapshot snapshot() {
    if (limit <= 0 || unlimited) {
      return new Snapshot(sent, 0, 0, null, window);
    }
    if (!announced || !now().isBefore(resetAt)) {
      // The window has reset and no answer of the new one has come yet: a whole limit ahead.
      return new Snapshot(sent, limit, limit, resetAt.plus(window), window);
    }
    return new Snapshot(sent, limit, remaining, resetAt, window);
  }

  /** Waits until a request may go out, and counts it. */
  void acquire(URL url) throws IOException {
    if (Thread.currentThread().isInterrupted()) {
      // The run is stopping: a request sent now would go out after it ended.
      throw new InterruptedIOException("interrupted before " + url);
    }
    while (true) {
      Duration sleep;
      Instant until;
      synchronized (this) {
        Instant now = now();
        if (announced && !now.isBefore(resetAt)) {
          announced = false; // a new window: learn its budget again
        }
        if (pausedUntil != null && now.isBefore(pausedUntil)) {
          sleep = Duration.between(now, pausedUntil);
          until = pausedUntil;
        } else if (announced && remaining <= 0) {
          pause("GitHub rate limit", url, resetAt, Duration.between(now, resetAt),
              "its " + limit + " requests are used up", null);
          continue;
        } else if ((announced && remaining - inFlight <= 0)
            || (!announced && !unlimited && inFlight > 0)) {
          awaitAnswer(url); // the answers on their way tell how much is left
          continue;
        } else {
          inFlight++;
          sent++;
          return;
        }
      }
      try {
        sleeper.sleep(sleep);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw (IOException) new InterruptedIOException(
            "interrupted while waiting for the GitHub rate limit").initCause(e);
      }
      synchronized (this) {
        sleptThrough = later(sleptThrough, until);
      }
    }
  }

  private Instant now() {
    return later(clock.instant(), sleptThrough);
  }

  /** Takes in what an answer says of the budget; {@code null} when the request failed. */
  synchronized void answered(GitHubConnectorResponse response) {
    inFlight--;
    notifyAll();
    if (response == null) {
      return;
    }
    Long left = RateLimitGate.number(response.header("X-RateLimit-Remaining"));
    Long max = RateLimitGate.number(response.header("X-RateLimit-Limit"));
    Long reset = RateLimitGate.number(response.header("X-RateLimit-Reset"));
    if (left == null || reset == null) {
      // An error page may come from a proxy; only a success tells that no budget is kept.
      unlimited |= !announced && response.statusCode() / 100 == 2;
      return;
    }
    unlimited = false;
    Instant at = Instant.ofEpochSecond(reset);
    Instant serverNow = RateLimitGate.serverTime(response, clock);
    if (!RateLimitGate.believable(at, serverNow)) {
      return; // the refusal's notice says so, when it is one
    }
    if (serverReset != null && at.isAfter(serverReset)) {
      window = min(window, Duration.between(serverReset, at));
    }
    if (!announced || at.isAfter(serverReset)) {
      announced = true;
      serverReset = at;
      resetAt = now().plus(max(Duration.between(serverNow, at), Duration.ZERO));
      remaining = left;
      limit = max == null ? Math.max(left, limit) : max;
    } else if (at.equals(serverReset)) {
      remaining = Math.min(remaining, left); // answers may arrive out of order
    }
  }

  /**
   * Makes every worker wait {@code wait} from now, or fails at once as the policy says. A pause
   * already longer covers this one: nothing more is said.
   *
   * @param kind {@code GitHub rate limit} or {@code GitHub secondary rate limit}
   * @param why what the limit's state is, for the notice and the error
   * @param note what was wrong with the headers, or null
   */
  synchronized void pause(String kind, URL url, Instant resetsAt, Duration wait, String why,
      String note) throws GitHubFailure {
    String when = Durations.utc(resetsAt) + " (in about " + Durations.describe(wait) + ")";
    String notes = note == null ? "" : " (" + note + ")";
    String state = why == null ? " reached" : " reached (" + why + ")";
    if (policy == RateLimitPolicy.FAIL) {
      throw new GitHubFailure(kind + state + " for " + url + "; it resets at " + when + notes
          + hint());
    }
    if (wait.compareTo(maxWait) > 0) {
      throw new GitHubFailure(kind + state + " for " + url + "; it resets at " + when
          + ", later than the " + Durations.describe(maxWait) + " this run may wait" + notes
          + hint());
    }
    Instant until = now().plus(wait);
    if (pausedUntil == null || until.isAfter(pausedUntil)) {
      pausedUntil = until;
      notices.accept(kind + state + "; waiting until " + Durations.utc(resetsAt) + " (about "
          + Durations.describe(wait) + ")" + notes);
    }
    notifyAll();
  }

  private void awaitAnswer(URL url) throws InterruptedIOException {
    try {
      wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw (InterruptedIOException) new InterruptedIOException("interrupted before " + url)
          .initCause(e);
    }
  }

  private String hint() {
    return anonymous ? "; set GITHUB_TOKEN to raise the limit" : "";
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
