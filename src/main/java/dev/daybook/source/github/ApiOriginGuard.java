package dev.daybook.source.github;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Keeps every request, and so the token, on the configured API's scheme, host and port. hub4j
 * goes wherever GitHub's answers point: the next page a {@code Link} header names, a redirect's
 * {@code Location} (hub4j drops the {@code Authorization} header only when the host or port
 * changes, not the scheme), a listed commit's {@code url}; and it adds the token to each request.
 * This connector, the first hub4j calls, refuses:
 *
 * <ul>
 *   <li>an answer whose {@code Link} header names another origin, before hub4j follows it;
 *   <li>a redirect to another origin, before hub4j follows it;
 *   <li>any request to another origin, whatever sent it there.
 * </ul>
 *
 * <p>Each refusal is a {@link GitHubFailure} naming the URL asked, the foreign origin and the
 * configured one. Relative links and redirects stay on the API's origin and pass. Nothing foreign
 * is followed, even without a token: the data would not come from the API the user chose.
 */
final class ApiOriginGuard implements GitHubConnector {

  private static final Pattern LINK_TARGET = Pattern.compile("<([^>]*)>");

  private final GitHubConnector delegate;
  private final Origin api;
  private final boolean withToken;

  ApiOriginGuard(GitHubConnector delegate, URI apiUrl, boolean withToken) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.api = Origin.of(apiUrl);
    this.withToken = withToken;
  }

  /** Scheme, host and port, the port made explicit; what a browser calls an origin. */
  record Origin(String scheme, String host, int port) {

    static Origin of(URI uri) {
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      if (port < 0) {
        port = scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
      }
      return new Origin(scheme, host, port);
    }

    @Override
    public String toString() {
      boolean usual = scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
      return scheme + "://" + host + (usual || port < 0 ? "" : ":" + port);
    }
  }

  @Override
  public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
    Origin target = origin(request.url());
    if (!api.equals(target)) {
      throw new GitHubFailure("refused a request to " + target + ", which an answer of GitHub"
          + " pointed to: it is not the configured API " + api + because());
    }
    GitHubConnectorResponse response = delegate.send(request);
    String refusal = refusal(request, response);
    if (refusal != null) {
      response.close();
      throw new GitHubFailure(refusal + because());
    }
    return response;
  }

  private String because() {
    return withToken
        ? "; not followed, so that the token goes to the API's scheme, host and port only"
        : "; not followed: Daybook reads from the API's scheme, host and port only";
  }

  /** Why this answer must not be followed, or null. */
  private String refusal(GitHubConnectorRequest request, GitHubConnectorResponse response) {
    int status = response.statusCode();
    if (status >= 300 && status < 400 && response.header("Location") != null) {
      URI location = resolve(request.url(), response.header("Location"));
      if (location == null) {
        return "GitHub redirected " + request.url() + " to an unreadable Location";
      }
      Origin target = Origin.of(location);
      if (!api.equals(target)) {
        return "GitHub redirected " + request.url() + " to " + target
            + ", which is not the configured API " + api;
      }
    }
    String link = response.header("Link");
    if (link != null) {
      Matcher m = LINK_TARGET.matcher(link);
      while (m.find()) {
        URI target = resolve(request.url(), m.group(1).strip());
        if (target == null) {
          return "GitHub's Link header for " + request.url() + " names an unreadable URL";
        }
        if (!api.equals(Origin.of(target))) {
          return "GitHub's Link header for " + request.url() + " points to " + Origin.of(target)
              + ", which is not the configured API " + api;
        }
      }
    }
    return null;
  }

  private static Origin origin(URL url) throws IOException {
    try {
      return Origin.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new GitHubFailure("refused a request to a URL that is not valid: " + url);
    }
  }

  /** {@code reference} read against the URL asked, as browsers do; null when unreadable. */
  private static URI resolve(URL base, String reference) {
    try {
      return base.toURI().resolve(new URI(reference));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
