package dev.daybook.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The report of one day: one section per followed repository, in repository order.
 *
 * @param date the day, in {@code zone}
 * @param zone the time zone that defines the day window and in which times are shown
 */
public record DailyReport(LocalDate date, ZoneId zone, List<RepoSection> sections) {

  public DailyReport {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(zone, "zone");
    sections = sections.stream().sorted(Comparator.comparing(RepoSection::repo)).toList();
  }

  public long commitCount() {
    return sections.stream().mapToLong(s -> s.commits().size()).sum();
  }

  public long count(Severity severity) {
    return sections.stream().mapToLong(s -> s.count(severity)).sum();
  }

  public List<RepoId> repos() {
    return sections.stream().map(RepoSection::repo).toList();
  }
}
