package dev.daybook.site;

import dev.daybook.model.ChangeType;
import dev.daybook.model.DailyReport;
import dev.daybook.model.RepoId;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.model.Severity;
import dev.daybook.report.Anchors;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the site shows, derived once from the parsed reports: the days in order with their
 * neighbours, and every commit indexed by day, by repository, by severity and by change type (a
 * commit of several types is in the list of each), and the breaking ones, newest first.
 */
final class SiteModel {

  /** One commit where it stands: its day's report and its repository. */
  record Entry(LocalDate date, ZoneId zone, RepoId repo, ReportedCommit commit, String anchor) {
    String path() {
      return SitePaths.report(date) + "#" + anchor;
    }
  }

  /**
   * The newest day first, then the newest commit. The day comes first so that a list's page,
   * which shows whole days, holds the commits of its days whatever the times a report says, and
   * is made from the reports up to its newest day.
   */
  static final Comparator<Entry> NEWEST_FIRST = Comparator
      .comparing(Entry::date, Comparator.reverseOrder())
      .thenComparing((Entry e) -> e.commit().time(), Comparator.reverseOrder())
      .thenComparing(e -> e.repo().toString())
      .thenComparing(e -> e.commit().sha());

  private final List<DailyReport> days;
  private final Map<RepoId, List<Entry>> byRepo = new TreeMap<>();
  private final Map<Severity, List<Entry>> bySeverity = new EnumMap<>(Severity.class);
  private final Map<ChangeType, List<Entry>> byType = new EnumMap<>(ChangeType.class);
  private final Map<LocalDate, List<Entry>> byDay = new HashMap<>();
  private final Map<LocalDate, DailyReport> byDate = new HashMap<>();
  private final List<Entry> all = new ArrayList<>();
  private final List<Entry> breaking = new ArrayList<>();

  /** @param reports one per day */
  SiteModel(List<DailyReport> reports) {
    this.days = reports.stream().sorted(Comparator.comparing(DailyReport::date)).toList();
    for (Severity s : Severity.values()) {
      bySeverity.put(s, new ArrayList<>());
    }
    for (ChangeType t : ChangeType.values()) {
      byType.put(t, new ArrayList<>());
    }
    // The order is by day first: each day's commits are sorted among themselves, and the days
    // are walked newest first. A list by repository or severity keeps the order of the whole.
    for (int d = days.size() - 1; d >= 0; d--) {
      DailyReport day = days.get(d);
      byDate.put(day.date(), day);
      Anchors anchors = Anchors.of(day);
      List<Entry> ofDay = new ArrayList<>();
      for (RepoSection section : day.sections()) {
        byRepo.computeIfAbsent(section.repo(), r -> new ArrayList<>());
        for (ReportedCommit c : section.commits()) {
          ofDay.add(new Entry(day.date(), day.zone(), section.repo(), c,
              anchors.of(section.repo(), c)));
        }
      }
      ofDay.sort(NEWEST_FIRST);
      byDay.put(day.date(), ofDay);
      for (Entry e : ofDay) {
        all.add(e);
        if (e.commit().analysis().isBreaking()) {
          breaking.add(e);
        }
        byRepo.get(e.repo()).add(e);
        bySeverity.get(e.commit().severity()).add(e);
        for (ChangeType t : e.commit().analysis().types()) {
          List<Entry> ofType = byType.get(t);
          if (ofType.isEmpty() || ofType.get(ofType.size() - 1) != e) { // a type named twice
            ofType.add(e);
          }
        }
      }
    }
  }

  /** The days with a report, oldest first. */
  List<DailyReport> days() {
    return days;
  }

  DailyReport previous(int index) {
    return index > 0 ? days.get(index - 1) : null;
  }

  DailyReport next(int index) {
    return index + 1 < days.size() ? days.get(index + 1) : null;
  }

  Map<RepoId, List<Entry>> byRepo() {
    return byRepo;
  }

  Map<Severity, List<Entry>> bySeverity() {
    return bySeverity;
  }

  /** Every change type, each with its commits (none for a type no commit has). */
  Map<ChangeType, List<Entry>> byType() {
    return byType;
  }

  /** The commits of a day with a report, newest first. */
  List<Entry> ofDay(LocalDate date) {
    return byDay.getOrDefault(date, List.of());
  }

  /** The report of a day, or null when it has none. */
  DailyReport report(LocalDate date) {
    return byDate.get(date);
  }

  List<Entry> all() {
    return all;
  }

  /** The commits marked breaking, newest first. */
  List<Entry> breaking() {
    return breaking;
  }
}
