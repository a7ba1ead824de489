package dev.daybook.site;

import dev.daybook.model.DailyReport;
import dev.daybook.model.RepoId;
import dev.daybook.model.ReportedCommit;
import dev.daybook.report.ReportHtml;
import dev.daybook.text.FilePaths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a digest needs from the whole archive, found once for all of them: the day each author
 * first appears in each repository's reports, the commits by title (to find the one a revert
 * names), and the areas of each commit (read from its report's impact list on first use).
 */
final class RollupHistory {

  /** {@code Revert "title"}, with or without the pull request the revert came in. */
  private static final Pattern REVERT_TITLE =
      Pattern.compile("Revert\\s+\"(.+)\"(?:\\s*\\(#\\d+\\))?\\s*");
  /** {@code This reverts commit SHA.}, as git writes a revert's message. */
  private static final Pattern REVERTS_SHA =
      Pattern.compile("reverts commit\\s+`?([0-9a-f]{7,40})", Pattern.CASE_INSENSITIVE);
  /** A title's trailing pull request number, which a revert's quote may or may not hold. */

  private final Map<RepoId, Map<String, LocalDate>> firstSeen = new HashMap<>();
  /** The first day with a report, of the archive (key null) and of each repository. */
  private final Map<RepoId, LocalDate> firstDay = new HashMap<>();
  /** Per repository, commits by title without its pull request number, oldest first. */
  private final Map<RepoId, Map<String, List<SiteModel.Entry>>> byTitle = new HashMap<>();
  private final Map<RepoId, List<SiteModel.Entry>> byRepo;
  /** Keyed by the commit's place on the site, which is unique. */
  private final Map<String, Set<String>> areas = new ConcurrentHashMap<>();

  RollupHistory(SiteModel model) {
    this.byRepo = model.byRepo();
    for (DailyReport day : model.days()) { // oldest first
      firstDay.putIfAbsent(null, day.date());
      for (RepoId repo : day.repos()) {
        firstDay.putIfAbsent(repo, day.date());
      }
    }
    List<SiteModel.Entry> all = model.all();
    for (int i = all.size() - 1; i >= 0; i--) { // oldest first
      SiteModel.Entry e = all.get(i);
      firstSeen.computeIfAbsent(e.repo(), r -> new HashMap<>())
          .putIfAbsent(e.commit().author(), e.date());
      byTitle.computeIfAbsent(e.repo(), r -> new HashMap<>())
          .computeIfAbsent(withoutPull(e.commit().title()), t -> new ArrayList<>()).add(e);
    }
  }

  /**
   * The first day of the archive's reports of a repository (of any, for null): in the period that
   * holds it, everyone is seen for the first time.
   */
  LocalDate firstDay(RepoId scope) {
    return firstDay.get(scope);
  }

  /** The first day an author has a commit in a repository's reports (null: never). */
  LocalDate firstSeen(RepoId repo, String author) {
    return firstSeen.getOrDefault(repo, Map.of()).get(author);
  }

  /**
   * The commit a revert reverts, when the archive holds it: the one whose SHA the revert's
   * summary gives ({@code This reverts commit …}), else the newest commit of the repository
   * before the revert with the title the revert quotes. Null when it is not a revert or the
   * reverted commit is not in the archive.
   */
  SiteModel.Entry reverted(SiteModel.Entry revert) {
    ReportedCommit c = revert.commit();
    Matcher sha = REVERTS_SHA.matcher(c.analysis().summary());
    if (sha.find()) {
      String prefix = sha.group(1).toLowerCase(Locale.ROOT);
      for (SiteModel.Entry e : byRepo.getOrDefault(revert.repo(), List.of())) {
        if (e.commit().sha().startsWith(prefix) && isOlder(e, revert)) {
          return e;
        }
      }
    }
    Matcher title = REVERT_TITLE.matcher(c.title().strip());
    if (!title.matches()) {
      return null;
    }
    List<SiteModel.Entry> same = byTitle.getOrDefault(revert.repo(), Map.of())
        .getOrDefault(withoutPull(title.group(1)), List.of());
    SiteModel.Entry found = null;
    for (SiteModel.Entry e : same) {
      if (isOlder(e, revert)) {
        found = e; // oldest first: the last one kept is the newest before the revert
      }
    }
    return found;
  }

  /**
   * Only an older commit can be reverted; and a digest is made from the days up to its own, so
   * it must not look at newer ones.
   */
  private static boolean isOlder(SiteModel.Entry e, SiteModel.Entry than) {
    return SiteModel.NEWEST_FIRST.compare(e, than) > 0;
  }

  /** The areas a commit touched: the folders of the files its report names, cut. */
  Set<String> areas(SiteModel.Entry e) {
    return areas.computeIfAbsent(e.path(), p -> areasOf(e.commit().analysis().impact()));
  }

  static Set<String> areasOf(String impactMarkdown) {
    Set<String> found = new TreeSet<>();
    for (String path : FilePaths.in(ReportHtml.parse(impactMarkdown))) {
      found.add(FilePaths.area(path));
    }
    return found;
  }

  /**
   * A title without its pull request's number at the end ({@code Fix x (#123)} → {@code Fix x}).
   * By hand, not a regular expression: it runs on every commit of the archive at each build.
   */
  static String withoutPull(String title) {
    String t = title.strip();
    int open = t.lastIndexOf("(#");
    if (!t.endsWith(")") || open < 0 || open + 3 > t.length() - 1) {
      return t;
    }
    for (int i = open + 2; i < t.length() - 1; i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return t;
      }
    }
    int end = open;
    while (end > 0 && " \t\n\u000B\f\r".indexOf(t.charAt(end - 1)) >= 0) {
      end--;
    }
    return t.substring(0, end);
  }
}
