package dev.daybook.source.github;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Decides what happens when GitHub refuses a request for a rate limit: wait through the {@link
 * Sleeper} and let hub4j repeat the request, or fail with a {@link GitHubFailure} that says when
 * the limit resets. hub4j calls it for the primary limit (403 with {@code X-RateLimit-Remaining: 0})
 * and for secondary limits (429, or 403 with {@code Retry-After}).
 */
final class RateLimitGate {

  // GitHub asks clients that get no reset time to wait at least a minute.
  private static final Duration UNKNOWN_RESET_WAIT = Duration.ofMinutes(1);
  private static final Duration MINIMUM_WAIT = Duration.ofSeconds(1);

  private final RateLimitPolicy policy;
  private final Duration maxWait;
  private final boolean anonymous;
  private final Consumer<String> notices;
  private final Sleeper sleeper;
  private final Clock clock;

  RateLimitGate(
      RateLimitPolicy policy,
      Duration maxWait,
      boolean anonymous,
      Consumer<String> notices,
      Sleeper sleeper,
      Clock clock) {
    this.policy = policy;
    this.maxWait = maxWait;
    this.anonymous = anonymous;
    this.notices = notices;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  GitHubRateLimitHandler primaryLimitHandler() {
    return new GitHubRateLimitHandler() {
      @Override
      public void onError(GitHubConnectorResponse response) throws IOException {
        limitReached(response);
      }
    };
  }

  GitHubAbuseLimitHandler secondaryLimitHandler() {
    return new GitHubAbuseLimitHandler() {
      @Override
      public void onError(GitHubConnectorResponse response) throws IOException {
        limitReached(response);
      }
    };
  }

  /** Returns after waiting (hub4j then repeats the request) or throws. */
  void limitReached(GitHubConnectorResponse response) throws IOException {
    Instant now = serverTime(response);
    Instant resetAt = resetTime(response, now);
    Duration wait = Duration.between(now, resetAt);
    if (wait.compareTo(MINIMUM_WAIT) < 0) {
      wait = MINIMUM_WAIT;
    }
    String limit = kind(response);
    String when = Durations.utc(resetAt) + " (in about " + Durations.describe(wait) + ")";
    if (policy == RateLimitPolicy.FAIL) {
      throw new GitHubFailure(
          limit + " reached for " + response.request().url() + "; it resets at " + when + hint());
    }
    if (wait.compareTo(maxWait) > 0) {
      throw new GitHubFailure(
          limit + " reached for " + response.request().url() + "; it resets at " + when
              + ", later than the " + Durations.describe(maxWait) + " this run may wait" + hint());
    }
    notices.accept(
        limit + " reached; waiting until " + Durations.utc(resetAt)
            + " (about " + Durations.describe(wait) + ")");
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw (IOException)
          new InterruptedIOException("interrupted while waiting for the GitHub rate limit")
              .initCause(e);
    }
  }

  private String hint() {
    return anonymous ? "; set GITHUB_TOKEN to raise the limit" : "";
  }

  private static String kind(GitHubConnectorResponse response) {
    return "0".equals(response.header("X-RateLimit-Remaining"))
        ? "GitHub rate limit"
        : "GitHub secondary rate limit";
  }

  /** The server's clock when it sent the answer: the reset time is on that clock. */
  private Instant serverTime(GitHubConnectorResponse response) {
    Instant parsed = httpDate(response.header("Date"));
    return parsed != null ? parsed : clock.instant();
  }

  private static Instant resetTime(GitHubConnectorResponse response, Instant now) {
    String retryAfter = response.header("Retry-After");
    if (retryAfter != null) {
      if (retryAfter.strip().matches("\\d+")) {
        return now.plusSeconds(Long.parseLong(retryAfter.strip()));
      }
      Instant date = httpDate(retryAfter);
      if (date != null) {
        return date;
      }
    }
    String reset = response.header("X-RateLimit-Reset");
    if (reset != null && reset.strip().matches("\\d+")) {
      return Instant.ofEpochSecond(Long.parseLong(reset.strip()));
    }
    return now.plus(UNKNOWN_RESET_WAIT);
  }

  private static Instant httpDate(String value) {
    if (value == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
