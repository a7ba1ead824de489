package dev.daybook.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The commits of one repository in one daily report, newest first.
 *
 * @param summary the overview that opens the section, written from the commits' analyses (by the
 *     rules or a model, which it says): CommonMark that is safe to place in a report; empty when
 *     the section has none
 */
public record RepoSection(RepoId repo, List<ReportedCommit> commits, String summary) {

  /** Newest first; equal times keep a stable order by SHA. */
  public static final Comparator<ReportedCommit> NEWEST_FIRST =
      Comparator.comparing(ReportedCommit::time).reversed().thenComparing(ReportedCommit::sha);

  public RepoSection {
    Objects.requireNonNull(repo, "repo");
    commits = commits.stream().sorted(NEWEST_FIRST).toList();
    summary = Objects.requireNonNullElse(summary, "").strip();
  }

  /** A section without a summary. */
  public RepoSection(RepoId repo, List<ReportedCommit> commits) {
    this(repo, commits, "");
  }

  public long count(Severity severity) {
    return commits.stream().filter(c -> c.severity() == severity).count();
  }

  /** The commits of one severity, newest first. */
  public List<ReportedCommit> commits(Severity severity) {
    return commits.stream().filter(c -> c.severity() == severity).toList();
  }
}
