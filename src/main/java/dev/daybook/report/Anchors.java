package dev.daybook.report;

import dev.daybook.model.DailyReport;
import dev.daybook.model.RepoId;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import java.util.HashMap;
import java.util.Map;

/**
 * The anchor of each commit in a daily report: its 7-character SHA, which links stay stable on.
 * When two followed repositories share a commit (a fork that syncs its upstream), that SHA is
 * prefixed with each repository's slug so both sections keep their own anchor.
 */
public final class Anchors {

  private final Map<String, Integer> sections = new HashMap<>();

  private Anchors(DailyReport report) {
    for (RepoSection section : report.sections()) {
      section.commits().stream().map(ReportedCommit::shortSha).distinct()
          .forEach(sha -> sections.merge(sha, 1, Integer::sum));
    }
  }

  public static Anchors of(DailyReport report) {
    return new Anchors(report);
  }

  public String of(RepoId repo, ReportedCommit commit) {
    String sha = commit.shortSha();
    return sections.getOrDefault(sha, 0) > 1 ? repo.slug() + "-" + sha : sha;
  }
}
