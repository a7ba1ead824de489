package dev.daybook.source.github;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Decides what happens when GitHub refuses a request for a rate limit: pause every worker of the
 * run in the {@link RequestBudget} and let hub4j repeat the request, or fail with a {@link
 * GitHubFailure} that says when the limit resets. hub4j calls it for the primary limit (403 with {@code X-RateLimit-Remaining: 0})
 * and for secondary limits (429, or 403 with {@code Retry-After}).
 *
 * <p>The wait comes from {@code Retry-After} (seconds or an HTTP date), else from {@code
 * X-RateLimit-Reset} (epoch seconds), else it is one minute, as GitHub asks of clients that get no
 * reset time. A header that cannot be read, or that names a time more than {@link
 * #BELIEVABLE_SPAN} away (GitHub's limits reset within an hour), tells nothing: it is passed over
 * as if absent, and the notice or the error says so.
 */
final class RateLimitGate {

  // GitHub asks clients that get no reset time to wait at least a minute.
  private static final Duration UNKNOWN_RESET_WAIT = Duration.ofMinutes(1);
  private static final Duration MINIMUM_WAIT = Duration.ofSeconds(1);
  /** How far from now a reset time may be and still be believed, either way. */
  static final Duration BELIEVABLE_SPAN = Duration.ofDays(1);

  private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
  private static final Pattern SHOWABLE = Pattern.compile("[\\x20-\\x7e]{1,40}");

  private final RequestBudget budget;
  private final Clock clock;

  RateLimitGate(RequestBudget budget, Clock clock) {
    this.budget = budget;
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

  /** When the limit resets, and what was wrong with the headers that could not say. */
  private record Reset(Instant at, String note) {}

  /**
   * Pauses every worker of the run until the limit resets and returns (hub4j then repeats the
   * request, which waits in the {@link RequestBudget}), or throws as the policy says.
   */
  void limitReached(GitHubConnectorResponse response) throws IOException {
    Instant now = serverTime(response, clock);
    Reset reset = resetTime(response, now);
    Duration wait = Duration.between(now, reset.at());
    if (wait.compareTo(MINIMUM_WAIT) < 0) {
      wait = MINIMUM_WAIT;
    }
    budget.pause(kind(response), response.request().url(), reset.at(), wait, null, reset.note());
  }

  private static String kind(GitHubConnectorResponse response) {
    return "0".equals(response.header("X-RateLimit-Remaining"))
        ? "GitHub rate limit"
        : "GitHub secondary rate limit";
  }

  /**
   * The server's clock when it sent the answer: the reset time is on that clock. A {@code Date}
   * header that is unreadable or far from our clock is not believed.
   */
  static Instant serverTime(GitHubConnectorResponse response, Clock clock) {
    Instant local = clock.instant();
    Instant parsed = httpDate(response.header("Date"));
    return parsed != null && believable(parsed, local) ? parsed : local;
  }

  private static Reset resetTime(GitHubConnectorResponse response, Instant now) {
    List<String> unbelievable = new ArrayList<>();
    String retryAfter = response.header("Retry-After");
    if (retryAfter != null) {
      String value = retryAfter.strip();
      Instant at;
      if (DIGITS.matcher(value).matches()) {
        long seconds = Long.parseLong(value);
        at = seconds <= BELIEVABLE_SPAN.toSeconds() ? now.plusSeconds(seconds) : null;
      } else {
        at = httpDate(value);
      }
      if (at != null && believable(at, now)) {
        return new Reset(at, null);
      }
      unbelievable.add("Retry-After " + shown(value));
    }
    String reset = response.header("X-RateLimit-Reset");
    if (reset != null) {
      String value = reset.strip();
      if (DIGITS.matcher(value).matches()
          && Math.abs(Long.parseLong(value) - now.getEpochSecond())
              <= BELIEVABLE_SPAN.toSeconds()) {
        return new Reset(Instant.ofEpochSecond(Long.parseLong(value)), note(unbelievable));
      }
      unbelievable.add("X-RateLimit-Reset " + shown(value));
    }
    return new Reset(now.plus(UNKNOWN_RESET_WAIT), note(unbelievable));
  }

  /** Says which headers were passed over: {@code Retry-After '-1' is not believable, ...}. */
  private static String note(List<String> unbelievable) {
    if (unbelievable.isEmpty()) {
      return null;
    }
    return String.join(" and ", unbelievable) + (unbelievable.size() == 1 ? " is" : " are")
        + " not believable, so taken as absent";
  }

  static boolean believable(Instant at, Instant now) {
    return Duration.between(now, at).abs().compareTo(BELIEVABLE_SPAN) <= 0;
  }

  /** A header value quoted in a message when it is short plain text. */
  private static String shown(String value) {
    return SHOWABLE.matcher(value).matches() ? "'" + value + "'" : "(not shown: not short text)";
  }

  /** A header's whole number, or null when absent or not one (a value to pass over). */
  static Long number(String value) {
    if (value == null || !DIGITS.matcher(value.strip()).matches()) {
      return null;
    }
    return Long.parseLong(value.strip());
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
