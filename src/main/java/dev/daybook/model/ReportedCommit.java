package dev.daybook.model;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One commit as a daily report records it: what the commit table and the commit's section show.
 *
 * @param sha the full SHA when known (generated reports, or taken from the commit link), else the
 *     abbreviated SHA a report shows (at least 7 hex digits)
 * @param url the commit's web page, or {@code null} when the report has no link
 * @param time the committer date
 * @param author the git author name
 * @param title the first line of the commit message, as plain text
 */
public record ReportedCommit(
    String sha, String url, Instant time, String author, String title, Analysis analysis) {

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,40}");

  public ReportedCommit {
    Objects.requireNonNull(sha, "sha");
    if (!SHA.matcher(sha).matches()) {
      throw new IllegalArgumentException("not a commit SHA: '" + sha + "'");
    }
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(analysis, "analysis");
  }

  public static ReportedCommit of(Commit commit, Analysis analysis) {
    return new ReportedCommit(commit.sha(), commit.url(), commit.committedAt(),
        commit.authorName(), commit.title(), analysis);
  }

  /** The 7-character SHA used as the commit's anchor. */
  public String shortSha() {
    return sha.substring(0, 7);
  }

  public Severity severity() {
    return analysis.severity();
  }
}
