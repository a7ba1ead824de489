package dev.daybook.source.github;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.daybook.concurrent.Sleeper;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.function.Consumer;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Retries GET requests that met a 5xx answer, a 200 answer whose body is not JSON (empty, HTML, cut
 * off: a proxy or a dropped connection, as a retry may fix) or a network failure, with exponential
 * backoff; each retry is announced through the notices. hub4j 1.330 does not retry 5xx answers
 * itself, and it would report a broken body as a parse error quoting the body. When the attempts
 * are used up it throws a {@link GitHubFailure} naming the URL and what was wrong, so hub4j does
 * not retry network failures a second time.
 */
final class RetryingConnector implements GitHubConnector {

  private static final JsonFactory JSON = new JsonFactory();

  private final GitHubConnector delegate;
  private final int maxAttempts;
  private final Duration firstBackoff;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Sleeper sleeper;
  private final Consumer<String> notices;

  RetryingConnector(
      GitHubConnector delegate,
      int maxAttempts,
      Duration firstBackoff,
      Duration connectTimeout,
      Duration readTimeout,
      Sleeper sleeper,
      Consumer<String> notices) {
    this.delegate = delegate;
    this.maxAttempts = maxAttempts;
    this.firstBackoff = firstBackoff;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.sleeper = sleeper;
    this.notices = notices;
  }

  @Override
  public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
    if (!"GET".equals(request.method())) {
      return delegate.send(request); // only reads are safe to repeat
    }
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt == maxAttempts;
      String problem;
      GitHubConnectorResponse response;
      try {
        response = delegate.send(request);
      } catch (GitHubFailure e) {
        throw e; // diagnosed below us: repeating would not change it
      } catch (IOException e) {
        if (isInterruption(e)) {
          throw e;
        }
        if (last) {
          throw new GitHubFailure(describe(e, request) + " (" + attempts() + ")", e);
        }
        pause(attempt, request, describe(e, request));
        continue;
      }
      int status = response.statusCode();
      if (status >= 500) {
        problem = "GitHub answered " + status + " for " + request.url();
        if (last) {
          response.close();
          throw new GitHubFailure(problem + " after " + attempts());
        }
      } else {
        String broken = status == 200 && expectsJson(request) ? brokenBody(response) : null;
        if (broken == null) {
          return response;
        }
        problem = "GitHub sent " + broken + " for " + request.url();
        if (last) {
          response.close();
          throw new GitHubFailure(problem + " (" + attempts() + ")");
        }
      }
      response.close(); // a discarded answer must not hold its connection
      pause(attempt, request, problem);
    }
  }

  private String attempts() {
    return maxAttempts == 1 ? "1 attempt" : maxAttempts + " attempts";
  }

  private void pause(int attempt, GitHubConnectorRequest request, String problem)
      throws IOException {
    Duration backoff = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    notices.accept(problem + "; trying again in " + Durations.describe(backoff) + " (attempt "
        + (attempt + 1) + " of " + maxAttempts + ")");
    try {
      sleeper.sleep(backoff);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw (IOException)
          new InterruptedIOException("interrupted while retrying " + request.url()).initCause(e);
    }
  }

  /** hub4j asks for JSON unless told otherwise; a diff or a raw file would not be checked. */
  private static boolean expectsJson(GitHubConnectorRequest request) {
    String accept = request.header("Accept");
    return accept == null || accept.contains("json");
  }

  /**
   * What is wrong with a 200 answer's body, or null when it is one whole JSON object or array:
   * {@code an empty body}, {@code HTML instead of JSON}, {@code truncated JSON}, ... The body is
   * read into memory (the response keeps it, so hub4j reads it again) and only scanned, not built.
   */
  static String brokenBody(GitHubConnectorResponse response) {
    byte[] body;
    try (InputStream in = response.bodyStream()) {
      body = in.readAllBytes();
    } catch (EOFException e) {
      return "a truncated compressed body";
    } catch (IOException e) {
      return "a body that cannot be read";
    } catch (RuntimeException e) { // hub4j refuses a Content-Encoding other than gzip this way
      return "a body in an encoding Daybook cannot read";
    }
    String start = new String(body, 0, Math.min(body.length, 512),
        StandardCharsets.UTF_8).stripLeading();
    if (start.isEmpty()) {
      return "an empty body";
    }
    try (JsonParser parser = JSON.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
        return "JSON that is neither an object nor an array";
      }
      parser.skipChildren();
      return trailing(parser) ? "JSON followed by something else" : null;
    } catch (JsonEOFException e) {
      return "truncated JSON";
    } catch (IOException e) {
      return start.startsWith("<") ? "HTML instead of JSON" : "something other than JSON";
    }
  }

  /** Whether anything but white space follows the document the parser has just read. */
  private static boolean trailing(JsonParser parser) {
    try {
      return parser.nextToken() != null;
    } catch (IOException e) {
      return true;
    }
  }

  private String describe(IOException e, GitHubConnectorRequest request) {
    if (e instanceof HttpConnectTimeoutException) {
      return "could not connect to " + request.url() + " within "
          + Durations.describe(connectTimeout);
    }
    if (e instanceof HttpTimeoutException || e instanceof SocketTimeoutException) {
      return "no answer from " + request.url() + " within " + Durations.describe(readTimeout);
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof EOFException || reason.startsWith("fixed content-length")
        || reason.startsWith("EOF reached")) {
      return "the answer from " + request.url() + " was cut off";
    }
    return "could not reach " + request.url() + ": " + reason.lines().findFirst().orElse("");
  }

  /** A thread interruption is a request to stop, not a network failure to retry. */
  private static boolean isInterruption(IOException e) {
    return e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException);
  }
}
