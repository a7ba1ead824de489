package dev.daybook.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** A GitHub repository named {@code owner/name}. */
public record RepoId(String owner, String name) implements Comparable<RepoId> {

  // GitHub allows letters, digits, '-', '_' and '.' in owner and repository names.
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  public RepoId {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(name, "name");
    if (!PART.matcher(owner).matches() || !PART.matcher(name).matches()
        || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException(
          "not a repository name: '" + owner + "/" + name + "' (expected owner/name)");
    }
  }

  /** Parses {@code owner/name}; the message of the exception names the bad value. */
  public static RepoId parse(String text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    if (slash <= 0 || slash != trimmed.lastIndexOf('/') || slash == trimmed.length() - 1) {
      throw new IllegalArgumentException(
          "not a repository name: '" + text + "' (expected owner/name)");
    }
    return new RepoId(trimmed.substring(0, slash), trimmed.substring(slash + 1));
  }

  /**
   * A string that is safe as an HTML id, e.g. {@code sgl-project--sglang}, and unique: GitHub
   * owners never contain "--", so the first "--" separates owner from name.
   */
  public String slug() {
    return (owner + "--" + name).toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public int compareTo(RepoId other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public String toString() {
    return owner + "/" + name;
  }
}
