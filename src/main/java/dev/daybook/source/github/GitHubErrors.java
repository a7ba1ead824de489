package dev.daybook.source.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daybook.source.SourceException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Optional;
import org.kohsuke.github.HttpException;

/**
 * Turns what hub4j throws into a {@link SourceException} with one line a user can act on. hub4j
 * wraps failures (an {@link HttpException} around our {@link GitHubFailure}, a runtime {@code
 * GHException} around an {@link IOException} while paging), so we search the cause chain.
 */
final class GitHubErrors {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_GITHUB_MESSAGE = 200;

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
