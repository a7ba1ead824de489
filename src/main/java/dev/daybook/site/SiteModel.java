package dev.daybook.site;

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the site shows, derived once from the parsed reports: the days in order with their
 * neighbours, and every commit indexed by repository and by severity, newest first.
 */
final class SiteModel {

  /** One commit where it stands: its day's report and its repository. */
  record Entry(LocalDate date, ZoneId zone, RepoId repo, ReportedCommit commit, String anchor) {
    String path() {
      return SitePaths.report(date) + "#" + anchor;
    }
  }

  /**
   * The newest day first, then the newest commit. The day comes first so that a report added
   * for a new day only adds commits at the newest end of every list, even when a report's times
   * were edited: the archive pages of the lists are cut from the oldest end and must not shift.
   */
  static final Comparator<Entry> NEWEST_FIRST = Comparator
      .comparing(Entry::date, Comparator.reverseOrder())
      .thenComparing((Entry e) -> e.commit().time(), Comparator.reverseOrder())
      .thenComparing(e -> e.repo().toString())
      .thenComparing(e -> e.commit().sha());

  private final List<DailyReport> days;
  private final Map<RepoId, List<Entry>> byRepo = new TreeMap<>();
  private final Map<Severity, List<Entry>> bySeverity = new EnumMap<>(Severity.class);
  private final List<Entry> all = new ArrayList<>();

  /** @param reports one per day */
  SiteModel(List<DailyReport> reports) {
    this.days = reports.stream().sorted(Comparator.comparing(DailyReport::date)).toList();
    for (Severity s : Severity.values()) {
      bySeverity.put(s, new ArrayList<>());
    }
    // The order is by day first: each day's commits are sorted among themselves, and the days
    // are walked newest first. A list by repository or severity keeps the order of the whole.
    for (int d = days.size() - 1; d >= 0; d--) {
      DailyReport day = days.get(d);
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
      for (Entry e : ofDay) {
        all.add(e);
        byRepo.get(e.repo()).add(e);
        bySeverity.get(e.commit().severity()).add(e);
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

  List<Entry> all() {
    return all;
  }
}
