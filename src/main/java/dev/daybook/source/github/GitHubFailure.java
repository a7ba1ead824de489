package dev.daybook.source.github;

import java.io.IOException;

/**
 * A failure our own connector layers diagnosed, carrying the final one-line message for the user.
 * It is an {@link IOException} so that it travels through hub4j, which wraps it; we find it again in
 * the cause chain.
 */
final class GitHubFailure extends IOException {

  private static final long serialVersionUID = 1L;

  GitHubFailure(String message) {
    super(message);
  }

  GitHubFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
