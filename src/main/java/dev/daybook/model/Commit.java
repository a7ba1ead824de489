package dev.daybook.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A commit as a source delivers it: identity, people, message, and the files it touched.
 *
 * @param authorName the git author name ({@code commit.author.name}), shown in reports
 * @param committedAt the committer date, which decides the day a commit belongs to
 * @param parents parent SHAs, first parent first
 * @param additions lines added over all files (GitHub's {@code stats})
 * @param deletions lines deleted over all files
 */
public record Commit(
    RepoId repo,
    String sha,
    String url,
    String authorName,
    Instant committedAt,
    String message,
    List<String> parents,
    int additions,
    int deletions,
    List<FileChange> files) {

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

  public Commit {
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(sha, "sha");
    if (!SHA.matcher(sha).matches()) {
      throw new IllegalArgumentException("not a full commit SHA: '" + sha + "'");
    }
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(authorName, "authorName");
    Objects.requireNonNull(committedAt, "committedAt");
    Objects.requireNonNull(message, "message");
    parents = List.copyOf(parents);
    files = List.copyOf(files);
  }

  public String shortSha() {
    return sha.substring(0, 7);
  }

  /** The first line of the message. */
  public String title() {
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  /** The message after its first line, without leading and trailing blank lines. */
  public String body() {
    int newline = message.indexOf('\n');
    return newline < 0 ? "" : message.substring(newline + 1).strip();
  }

  public boolean isMerge() {
    return parents.size() > 1;
  }
}
