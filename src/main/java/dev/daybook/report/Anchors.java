package dev.daybook.report;

import dev.daybook.model.DailyReport;
import dev.daybook.model.RepoId;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The anchor of each commit in a daily report: the first 7 characters of its SHA, which links
 * stay stable on. Two different commits of one day whose SHAs begin alike (rare, but a busy archive
 * of years meets it) each get the shortest longer beginning that tells them apart, 8 characters or
 * more, and show it as their SHA. When two followed repositories share a commit (a fork that syncs
 * its upstream), its anchor is prefixed with each repository's slug so both sections keep their
 * own.
 */
public final class Anchors {

  private static final int SHORT = 7;

  /** How many of the day's sections hold each commit. */
  private final Map<String, Integer> sections = new HashMap<>();
  /** The beginning each commit is shown and anchored by. */
  private final Map<String, String> shown = new HashMap<>();

  private Anchors(DailyReport report) {
    Set<String> shas = new TreeSet<>();
    for (RepoSection section : report.sections()) {
      section.commits().stream().map(ReportedCommit::sha).distinct().forEach(sha -> {
        sections.merge(sha, 1, Integer::sum);
        shas.add(sha);
      });
    }
    // Sorted, a SHA shares its longest beginning with a neighbour: that decides its length.
    String[] sorted = shas.toArray(String[]::new);
    for (int i = 0; i < sorted.length; i++) {
      int shared = 0;
      if (i > 0) {
        shared = Math.max(shared, common(sorted[i - 1], sorted[i]));
      }
      if (i + 1 < sorted.length) {
        shared = Math.max(shared, common(sorted[i], sorted[i + 1]));
      }
      int length = Math.min(sorted[i].length(), Math.max(SHORT, shared + 1));
      shown.put(sorted[i], sorted[i].substring(0, length));
    }
  }

  public static Anchors of(DailyReport report) {
    return new Anchors(report);
  }

  /** The beginning of a commit's SHA that the report shows: 7 characters but on a clash. */
  public String sha(ReportedCommit commit) {
    return shown.getOrDefault(commit.sha(), commit.shortSha());
  }

  public String of(RepoId repo, ReportedCommit commit) {
    String sha = sha(commit);
    return sections.getOrDefault(commit.sha(), 0) > 1 ? repo.slug() + "-" + sha : sha;
  }

  private static int common(String a, String b) {
    int n = 0;
    while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
      n++;
    }
    return n;
  }
}
