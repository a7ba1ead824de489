package dev.daybook.source.github;

import java.util.Objects;
import org.kohsuke.github.authorization.AuthorizationProvider;

/**
 * Sends the token as a bearer token. Used instead of {@code GitHubBuilder.withOAuthToken}, whose
 * provider makes hub4j look up the token's login ({@code GET /user}) while the client is built: a
 * request we do not need.
 */
final class TokenAuthorization implements AuthorizationProvider {

  private final String token;

  TokenAuthorization(String token) {
    this.token = Objects.requireNonNull(token, "token");
  }

  @Override
  public String getEncodedAuthorization() {
    return "Bearer " + token;
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return "TokenAuthorization[hidden]";
  }
}
