package dev.daybook.source.github;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Retries GET requests that met a 5xx answer or a network failure, with exponential backoff. hub4j
 * 1.330 does not retry 5xx answers itself. When the attempts are used up it throws a {@link
 * GitHubFailure} naming the URL, so hub4j does not retry network failures a second time.
 */
final class RetryingConnector implements GitHubConnector {

  private final GitHubConnector delegate;
  private final int maxAttempts;
  private final Duration firstBackoff;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Sleeper sleeper;

  RetryingConnector(
      GitHubConnector delegate,
      int maxAttempts,
      Duration firstBackoff,
      Duration connectTimeout,
      Duration readTimeout,
      Sleeper sleeper) {
    this.delegate = delegate;
    this.maxAttempts = maxAttempts;
    this.firstBackoff = firstBackoff;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.sleeper = sleeper;
  }

  @Override
  public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
    if (!"GET".equals(request.method())) {
      return delegate.send(request); // only reads are safe to repeat
    }
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt == maxAttempts;
      GitHubConnectorResponse response;
      try {
        response = delegate.send(request);
      } catch (IOException e) {
        if (isInterruption(e)) {
          throw e;
        }
        if (last) {
          throw new GitHubFailure(describe(e, request) + " (" + attempts() + ")", e);
        }
        pause(attempt, request);
        continue;
      }
      if (response.statusCode() < 500) {
        return response;
      }
      int status = response.statusCode();
      response.close(); // a discarded answer must not hold its connection
      if (last) {
        throw new GitHubFailure(
            "GitHub answered " + status + " for " + request.url() + " after " + attempts());
      }
      pause(attempt, request);
    }
  }

  private String attempts() {
    return maxAttempts == 1 ? "1 attempt" : maxAttempts + " attempts";
  }

  private void pause(int attempt, GitHubConnectorRequest request) throws IOException {
    Duration backoff = firstBackoff.multipliedBy(1L << (attempt - 1));
    try {
      sleeper.sleep(backoff);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw (IOException)
          new InterruptedIOException("interrupted while retrying " + request.url()).initCause(e);
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
    return "could not reach " + request.url() + ": " + reason.lines().findFirst().orElse("");
  }

  /** A thread interruption is a request to stop, not a network failure to retry. */
  private static boolean isInterruption(IOException e) {
    return e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException);
  }
}
