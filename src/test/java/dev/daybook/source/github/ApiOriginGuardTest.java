package dev.daybook.source.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * The guard on its own, for what hub4j does not let a test reach through the API: a request that
 * is already headed elsewhere (the last line of defence), and what counts as the same origin.
 */
class ApiOriginGuardTest {

  private static final String AUTHORIZATION = "Bearer ghp_" + "NeverShowThisToken";

  private final List<URL> sent = new ArrayList<>();

  /** Answers 200 with {@code headers} and an empty JSON object, recording what it was sent. */
  private GitHubConnector answering(Map<String, List<String>> headers) {
    return request -> {
      sent.add(request.url());
      return new GitHubConnectorResponse.ByteArrayResponse(request, 200, headers) {
        @Override
        protected InputStream rawBodyStream() {
          return new ByteArrayInputStream("{}".getBytes());
        }
      };
    };
  }

  /** A GET of {@code url} as hub4j hands it to a connector. */
  static GitHubConnectorRequest get(String url) throws Exception {
    URL parsed = URI.create(url).toURL();
    return new GitHubConnectorRequest() {
      @Override
      public String method() {
        return "GET";
      }

      @Override
      public Map<String, List<String>> allHeaders() {
        return Map.of("Authorization", List.of(AUTHORIZATION));
      }

      @Override
      public String header(String name) {
        return name.equalsIgnoreCase("Authorization") ? AUTHORIZATION : null;
      }

      @Override
      public String contentType() {
        return null;
      }

      @Override
      public InputStream body() {
        return null;
      }

      @Override
      public URL url() {
        return parsed;
      }

      @Override
      public boolean hasBody() {
        return false;
      }
    };
  }

  @Test
  void aRequestToAnotherOriginIsNeverSent() throws Exception {
    ApiOriginGuard guard = new ApiOriginGuard(answering(Map.of()),
        URI.create("https://api.github.com"), true);

    for (String elsewhere : List.of("https://evil.example/repos/a/b",
        "http://api.github.com/repos/a/b", "https://api.github.com:8443/repos/a/b",
        "https://api.github.com.evil.example/repos/a/b")) {
      assertThatThrownBy(() -> guard.send(get(elsewhere)))
          .isInstanceOf(GitHubFailure.class)
          .hasMessageStartingWith("refused a request to ")
          .hasMessageContaining("it is not the configured API https://api.github.com;")
          .hasMessageNotContaining("NeverShow");
    }
    assertThat(sent).isEmpty();
  }

  @Test
  void theSameOriginIsTheSameWhateverTheCaseOrADefaultPort() throws Exception {
    ApiOriginGuard guard = new ApiOriginGuard(answering(Map.of()),
        URI.create("https://GHE.example.com/api/v3"), true);

    guard.send(get("https://ghe.example.com/api/v3/repos/a/b"));
    guard.send(get("https://ghe.example.com:443/api/v3/repos/a/b/commits"));
    guard.send(get("HTTPS://GHE.EXAMPLE.COM/repositories/1/commits?page=2"));

    assertThat(sent).hasSize(3);
  }

  @Test
  void relativeLinksStayOnTheApiAndPass() throws Exception {
    ApiOriginGuard guard = new ApiOriginGuard(
        answering(Map.of("Link", List.of("</repositories/1/commits?page=2>; rel=\"next\""))),
        URI.create("https://api.github.com"), false);

    assertThat(guard.send(get("https://api.github.com/repos/a/b/commits")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void anUnreadableLinkIsRefused() {
    ApiOriginGuard guard = new ApiOriginGuard(
        answering(Map.of("Link", List.of("<http://exa mple/^page=2>; rel=\"next\""))),
        URI.create("https://api.github.com"), false);

    assertThatThrownBy(() -> guard.send(get("https://api.github.com/repos/a/b/commits")))
        .isInstanceOf(GitHubFailure.class)
        .hasMessage("GitHub's Link header for https://api.github.com/repos/a/b/commits names an"
            + " unreadable URL; not followed: Daybook reads from the API's scheme, host and port"
            + " only");
  }
}
