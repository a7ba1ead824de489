package dev.daybook.source.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daybook.source.SourceException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.kohsuke.github.HttpException;

/**
 * Turns what hub4j throws into a {@link SourceException} with one line a user can act on. hub4j
 * wraps failures (an {@link HttpException} around our {@link GitHubFailure}, a runtime {@code
 * GHException} around an {@link IOException} while paging), so we search the cause chain.
 */
final class GitHubErrors {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_GITHUB_MESSAGE = 200;
  /** What hub4j 1.330 says when a request met a rate limit or a redirect on each attempt. */
  private static final String RAN_OUT = "Ran out of retries for URL: ";
  /** hub4j's attempts at one request that meets a rate limit or a redirect each time. */
  private static final int HUB4J_ATTEMPTS = 3;
  /** How hub4j's page iterator wraps a failure. */
  private static final String PAGE_FAILED = "Failed to retrieve ";

  private GitHubErrors() {}

  static boolean isNotFound(Throwable failure) {
    return find(failure, FileNotFoundException.class).isPresent()
        || find(failure, HttpException.class).filter(e -> e.getResponseCode() == 404).isPresent();
  }

  static SourceException translate(Throwable failure, boolean anonymous) {
    Optional<GitHubFailure> ours = find(failure, GitHubFailure.class);
    if (ours.isPresent()) {
      return new SourceException(ours.get().getMessage(), failure);
    }
    if (find(failure, JsonProcessingException.class).isPresent()) {
      // A body our connector let through (whole JSON) that is not what hub4j expects there.
      return new SourceException("GitHub sent JSON of an unexpected shape" + forUrl(failure),
          failure);
    }
    Optional<String> ranOut = messages(failure)
        .filter(m -> m.startsWith(RAN_OUT)).findFirst();
    if (ranOut.isPresent()) {
      return new SourceException("gave up on " + firstLine(ranOut.get().substring(RAN_OUT.length()))
          + " after " + HUB4J_ATTEMPTS + " attempts that GitHub answered with a rate limit or a"
          + " redirect", failure);
    }
    Optional<HttpException> http =
        find(failure, HttpException.class).filter(e -> e.getResponseCode() > 0);
    if (http.isPresent()) {
      return new SourceException(describe(http.get(), anonymous), failure);
    }
    Optional<FileNotFoundException> notFound = find(failure, FileNotFoundException.class);
    if (notFound.isPresent()) {
      return new SourceException("GitHub answered 404 Not Found for " + url(notFound.get()), failure);
    }
    if (find(failure, InterruptedIOException.class).isPresent()) {
      return new SourceException("interrupted while reading from GitHub", failure);
    }
    return new SourceException("GitHub request failed: " + firstLine(failure.getMessage()), failure);
  }

  /** {@code " for URL"}: the URL hub4j names in the failure, or nothing. */
  private static String forUrl(Throwable failure) {
    Optional<HttpException> http = find(failure, HttpException.class);
    if (http.isPresent() && http.get().getUrl() != null) {
      return " for " + http.get().getUrl();
    }
    return messages(failure).filter(m -> m.startsWith(PAGE_FAILED)).findFirst()
        .map(m -> " for " + firstLine(m.substring(PAGE_FAILED.length()))).orElse("");
  }

  private static Stream<String> messages(Throwable failure) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null) {
        messages.add(t.getMessage());
      }
    }
    return messages.stream();
  }

  private static String describe(HttpException e, boolean anonymous) {
    String said = githubMessage(e).map(m -> ": " + m).orElse("");
    switch (e.getResponseCode()) {
      case 401:
        return anonymous
            ? "GitHub answered 401 Unauthorized" + said + " for " + e.getUrl()
                + "; set GITHUB_TOKEN to a token that may read it"
            : "GitHub rejected the token (401 Unauthorized" + said + ") for " + e.getUrl()
                + "; check GITHUB_TOKEN";
      case 403:
        return "GitHub refused access (403 Forbidden" + said + ") to " + e.getUrl();
      default:
        return "GitHub answered " + e.getResponseCode() + said + " for " + e.getUrl();
    }
  }

  /** The {@code message} field of GitHub's JSON error body, if there is one. */
  private static Optional<String> githubMessage(HttpException e) {
    try {
      JsonNode body = JSON.readTree(e.getMessage() == null ? "" : e.getMessage());
      if (body != null && body.path("message").isTextual()) {
        String message = firstLine(body.get("message").asText());
        return Optional.of(message.length() <= MAX_GITHUB_MESSAGE
            ? message
            : message.substring(0, MAX_GITHUB_MESSAGE - 3) + "...");
      }
    } catch (IOException notJson) {
      // Not every error body is JSON (proxies answer HTML); the status says enough.
    }
    return Optional.empty();
  }

  /** hub4j puts the URL first in the message of a 404, followed by the body. */
  private static String url(FileNotFoundException e) {
    String message = firstLine(e.getMessage());
    int space = message.indexOf(' ');
    return space < 0 ? message : message.substring(0, space);
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.strip().lines().findFirst().orElse("");
  }

  private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }
}
