package dev.daybook.model;

import java.util.Objects;

/**
 * One file touched by a commit.
 *
 * @param previousPath the old path of a rename or copy, else {@code null}
 * @param patch the unified-diff hunks as GitHub returns them, {@code null} for binary files, pure
 *     renames and patches GitHub did not send
 */
public record FileChange(
    String path, String previousPath, Status status, int additions, int deletions, String patch) {

  /** The file statuses GitHub reports. */
  public enum Status {
    ADDED,
    MODIFIED,
    REMOVED,
    RENAMED,
    COPIED,
    CHANGED,
    UNCHANGED;

    /** Maps GitHub's {@code status} string; unknown values become {@link #CHANGED}. */
    public static Status fromGitHub(String status) {
      if (status == null) {
        return CHANGED;
      }
      for (Status s : values()) {
        if (s.name().equalsIgnoreCase(status)) {
          return s;
        }
      }
      return CHANGED;
    }
  }

  public FileChange {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(status, "status");
    if (additions < 0 || deletions < 0) {
      throw new IllegalArgumentException(
          "negative line counts for " + path + ": +" + additions + " -" + deletions);
    }
  }

  public int changes() {
    return additions + deletions;
  }
}
