package dev.daybook.site;

import dev.daybook.model.ChangeType;
import dev.daybook.model.DailyReport;
import dev.daybook.model.RepoId;
import dev.daybook.model.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A digest of a week or a month, for the whole archive or one repository, computed from the
 * parsed reports alone: its commits by severity and type beside the period before, its commits
 * of high importance, the areas touched by the most commits, its reverts and breaking changes, who committed how much
 * (bots apart) and who appears for the first time in the archive's history of a repository.
 *
 * @param scope the repository, or null for every repository of the archive
 * @param days every day of the period, in order, with or without a report
 * @param counts the period's commits
 * @param before the period before's commits; null when the archive has no report of it to
 *     compare with
 * @param high the commits of high importance, newest first
 * @param areas the areas touched by the most commits, at most {@link #MAX_AREAS}, most first
 * @param reverts the reverts, newest first
 * @param breaking the commits marked breaking, newest first
 * @param people who committed, most commits first, then by name; bots are not among them
 * @param bots the bots that committed, the same way
 * @param newcomers the authors first seen in a repository's reports in this period, by the
 *     day of their first commit, then by name; bots are not among them
 * @param opensArchive whether the archive's reports (of the repository) begin in this period,
 *     so that every author is seen for the first time
 */
record Rollup(Period period, RepoId scope, List<Day> days, Counts counts, Counts before,
    List<SiteModel.Entry> high, List<Area> areas, List<Revert> reverts,
    List<SiteModel.Entry> breaking, List<Contributor> people,
    List<Contributor> bots, List<Newcomer> newcomers, boolean opensArchive) {

  static final int MAX_AREAS = 10;

  /** A day of the period: its report (null: none, or none that covers the repository). */
  record Day(LocalDate date, DailyReport report, Counts counts) {}

  /** Commits counted by severity and by type (a commit of two types counts for each). */
  record Counts(int days, long commits, Map<Severity, Long> severities,
      Map<ChangeType, Long> types) {

    long of(Severity s) {
      return severities.getOrDefault(s, 0L);
    }

    long of(ChangeType t) {
      return types.getOrDefault(t, 0L);
    }

    static Counts of(int days, List<SiteModel.Entry> entries) {
      Map<Severity, Long> severities = new EnumMap<>(Severity.class);
      Map<ChangeType, Long> types = new EnumMap<>(ChangeType.class);
      for (SiteModel.Entry e : entries) {
        severities.merge(e.commit().severity(), 1L, Long::sum);
        for (ChangeType t : e.commit().analysis().types().stream().distinct().toList()) {
          types.merge(t, 1L, Long::sum);
        }
      }
      return new Counts(days, entries.size(), Collections.unmodifiableMap(severities),
          Collections.unmodifiableMap(types));
    }
  }

  /** An area and the number of the period's commits that touched it. */
  record Area(String name, long commits) {}

  /** A revert and the commit it reverts, when the archive holds it (else null). */
  record Revert(SiteModel.Entry revert, SiteModel.Entry reverted) {}

  /**
   * An author's commits in the period.
   *
   * @param firstSeen whether the author first appears in the archive (in some repository) in
   *     this period
   */
  record Contributor(String name, long commits, long high, boolean firstSeen) {}

  /** An author's first commit in a repository's reports. */
  record Newcomer(String name, RepoId repo, SiteModel.Entry first) {}

  private static final Comparator<Contributor> MOST_FIRST = Comparator
      .comparingLong(Contributor::commits).reversed().thenComparing(Contributor::name);

  /** The digest of a period for a repository ({@code scope}) or the whole archive (null). */
  static Rollup of(Period period, RepoId scope, SiteModel model, RollupHistory history,
      Bots bots) {
    List<Day> days = new ArrayList<>();
    for (LocalDate d = period.first(); !d.isAfter(period.last()); d = d.plusDays(1)) {
      DailyReport report = covering(model, d, scope);
      days.add(new Day(d, report,
          report == null ? null : Counts.of(1, inScope(model.ofDay(d), scope))));
    }
    List<SiteModel.Entry> entries = entries(period, scope, model);
    int reported = (int) days.stream().filter(d -> d.report() != null).count();
    Counts counts = Counts.of(reported, entries);
    Counts before = counts(period.previous(), scope, model);

    List<SiteModel.Entry> high = new ArrayList<>();
    Map<String, Long> areaCounts = new HashMap<>();
    List<Revert> reverts = new ArrayList<>();
    List<SiteModel.Entry> breaking = new ArrayList<>();
    Map<String, long[]> authored = new TreeMap<>();
    List<Newcomer> newcomers = new ArrayList<>();
    for (SiteModel.Entry e : entries) {
      if (e.commit().severity() == Severity.HIGH) {
        high.add(e);
      }
      for (String area : history.areas(e)) {
        areaCounts.merge(area, 1L, Long::sum);
      }
      if (e.commit().analysis().types().contains(ChangeType.REVERT)) {
        reverts.add(new Revert(e, history.reverted(e)));
      }
      if (e.commit().analysis().isBreaking()) {
        breaking.add(e);
      }
      long[] c = authored.computeIfAbsent(e.commit().author(), a -> new long[2]);
      c[0]++;
      if (e.commit().severity() == Severity.HIGH) {
        c[1]++;
      }
    }
    // Newest first, so the last entry seen of an author in a repository is their first commit.
    Map<String, SiteModel.Entry> firstInPeriod = new TreeMap<>();
    for (SiteModel.Entry e : entries) {
      firstInPeriod.put(e.repo() + "\n" + e.commit().author(), e);
    }
    for (SiteModel.Entry e : firstInPeriod.values()) {
      String author = e.commit().author();
      if (!bots.isBot(author) && e.date().equals(history.firstSeen(e.repo(), author))) {
        newcomers.add(new Newcomer(author, e.repo(), e));
      }
    }
    newcomers.sort(Comparator.comparing((Newcomer n) -> n.first().date())
        .thenComparing(Newcomer::name).thenComparing(n -> n.repo().toString()));

    List<Area> areas = new ArrayList<>();
    areaCounts.forEach((name, n) -> areas.add(new Area(name, n)));
    areas.sort(Comparator.comparingLong(Area::commits).reversed().thenComparing(Area::name));

    List<Contributor> people = new ArrayList<>();
    List<Contributor> botList = new ArrayList<>();
    authored.forEach((name, c) -> {
      boolean isNew = newcomers.stream().anyMatch(n -> n.name().equals(name));
      (bots.isBot(name) ? botList : people).add(new Contributor(name, c[0], c[1], isNew));
    });
    people.sort(MOST_FIRST);
    botList.sort(MOST_FIRST);
    return new Rollup(period, scope, List.copyOf(days), counts, before, List.copyOf(high),
        List.copyOf(areas.subList(0, Math.min(MAX_AREAS, areas.size()))), List.copyOf(reverts),
        List.copyOf(breaking),
        List.copyOf(people), List.copyOf(botList), List.copyOf(newcomers),
        period.contains(history.firstDay(scope)));
  }

  /**
   * The commits of a period, newest first, and the number of its days with a report; null when
   * no report of the period covers the scope.
   */
  static Counts counts(Period period, RepoId scope, SiteModel model) {
    int reported = 0;
    for (LocalDate d = period.first(); !d.isAfter(period.last()); d = d.plusDays(1)) {
      if (covering(model, d, scope) != null) {
        reported++;
      }
    }
    return reported == 0 ? null : Counts.of(reported, entries(period, scope, model));
  }

  /** The commits of a period in the scope, newest first. */
  static List<SiteModel.Entry> entries(Period period, RepoId scope, SiteModel model) {
    List<SiteModel.Entry> entries = new ArrayList<>();
    for (LocalDate d = period.last(); !d.isBefore(period.first()); d = d.minusDays(1)) {
      if (covering(model, d, scope) != null) {
        entries.addAll(inScope(model.ofDay(d), scope));
      }
    }
    return entries;
  }

  /** The report of a day, if it covers the repository (any report, for the whole archive). */
  static DailyReport covering(SiteModel model, LocalDate day, RepoId scope) {
    DailyReport report = model.report(day);
    return report == null || scope == null || report.repos().contains(scope) ? report : null;
  }

  private static List<SiteModel.Entry> inScope(List<SiteModel.Entry> entries, RepoId scope) {
    return scope == null ? entries
        : entries.stream().filter(e -> e.repo().equals(scope)).toList();
  }
}
