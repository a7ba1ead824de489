package dev.daybook.model;

import java.time.Instant;
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
 * @param partialAsOf when the report was made before its day ended, the instant it covers commits
 *     up to; {@code null} for a report of a finished day
 */
public record DailyReport(
    LocalDate date, ZoneId zone, List<RepoSection> sections, Instant partialAsOf) {

  public DailyReport {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(zone, "zone");
    sections = sections.stream().sorted(Comparator.comparing(RepoSection::repo)).toList();
  }

  /** A report of a finished day. */
  public DailyReport(LocalDate date, ZoneId zone, List<RepoSection> sections) {
    this(date, zone, sections, null);
  }

  public boolean isPartial() {
    return partialAsOf != null;
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
