package dev.daybook.source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The half-open window {@code [date 00:00, date+1 00:00)} in a time zone: the commits whose
 * committer date falls in it make up the day's report.
 */
public record DayWindow(LocalDate date, ZoneId zone) {

  public DayWindow {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(zone, "zone");
  }

  public Instant start() {
    return date.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the window. */
  public Instant end() {
    return date.plusDays(1).atStartOfDay(zone).toInstant();
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(start()) && instant.isBefore(end());
  }

  /** True when the window lies wholly before {@code now}: its commits can no longer change. */
  public boolean isOverAt(Instant now) {
    return !now.isBefore(end());
  }
}
