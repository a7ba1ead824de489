package dev.daybook.source.github;

import java.lang.reflect.Field;
import org.kohsuke.github.GHCommit;

/**
 * Reads the author's GitHub login from a commit. hub4j 1.330 parses {@code author.login} but
 * offers it only through {@code GHCommit.getAuthor()}, which fetches the user ({@code GET
 * /users/<login>}): one extra request per author. We read the parsed field instead. If a hub4j
 * upgrade renames it, logins become {@code null} (they are optional) and {@code
 * GitHubCommitSourceTest} fails on the fixture logins.
 */
final class AuthorLogins {

  private static final Field AUTHOR = accessible(GHCommit.class, "author");
  private static final Field LOGIN = AUTHOR == null ? null : accessible(AUTHOR.getType(), "login");

  private AuthorLogins() {}

  /** The login, or {@code null} when GitHub matched the author to no account. */
  static String of(GHCommit commit) {
    if (LOGIN == null) {
      return null;
    }
    try {
      Object author = AUTHOR.get(commit);
      return author == null ? null : (String) LOGIN.get(author);
    } catch (IllegalAccessException | ClassCastException e) {
      return null;
    }
  }

  private static Field accessible(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException | RuntimeException e) {
      return null;
    }
  }
}
