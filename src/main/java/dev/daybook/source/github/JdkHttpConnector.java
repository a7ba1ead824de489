package dev.daybook.source.github;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Sends hub4j's requests with the JDK's {@link HttpClient}. hub4j's own {@code
 * HttpClientGitHubConnector} sets no per-request timeout, so a server that never answers would
 * hang the run; this one bounds the wait for an answer with {@code readTimeout}. A header value
 * the JDK refuses fails the request without being quoted: it may be the token.
 */
final class JdkHttpConnector implements GitHubConnector {

  private final HttpClient client;
  private final Duration readTimeout;

  JdkHttpConnector(Duration connectTimeout, Duration readTimeout) {
    // hub4j follows redirects itself, dropping Authorization when the host changes.
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.readTimeout = readTimeout;
  }

  @Override
  public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(toUri(request)).timeout(readTimeout);
    for (Map.Entry<String, List<String>> header : request.allHeaders().entrySet()) {
      if (header.getValue() != null) {
        try {
          builder.header(header.getKey(), String.join(", ", header.getValue()));
        } catch (IllegalArgumentException e) {
          // The JDK's message quotes the value, which may be the token: neither it nor the
          // exception goes further.
          throw new GitHubFailure("the " + header.getKey() + " header of the request to "
              + request.url() + " holds a character no HTTP header may carry (not shown)");
        }
      }
    }
    builder.method(request.method(), body(request));
    try {
      HttpResponse<byte[]> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(request, response);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw (IOException) new InterruptedIOException("interrupted: " + request.url()).initCause(e);
    }
  }

  private static URI toUri(GitHubConnectorRequest request) throws IOException {
    try {
      return request.url().toURI();
    } catch (URISyntaxException e) {
      throw new IOException("not a valid URL: " + request.url(), e);
    }
  }

  private static HttpRequest.BodyPublisher body(GitHubConnectorRequest request)
      throws IOException {
    if (!request.hasBody()) {
      return HttpRequest.BodyPublishers.noBody();
    }
    try (InputStream in = request.body()) {
      return HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes());
    }
  }

  /** The body is already in memory; the base class decompresses gzip when the server sent it. */
  private static final class Response extends GitHubConnectorResponse.ByteArrayResponse {

    private final byte[] body;

    Response(GitHubConnectorRequest request, HttpResponse<byte[]> response) {
      super(request, response.statusCode(), response.headers().map());
      this.body = response.body();
    }

    @Override
    protected InputStream rawBodyStream() {
      return new ByteArrayInputStream(body);
    }
  }
}
