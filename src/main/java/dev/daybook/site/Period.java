package dev.daybook.site;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * The span of a digest: an ISO week (Monday to Sunday, numbered in its week-based year, so the
 * days around New Year belong to the week that holds their Thursday) or a calendar month.
 *
 * @param kind a week or a month
 * @param first its first day
 * @param last its last day
 */
record Period(Kind kind, LocalDate first, LocalDate last) implements Comparable<Period> {

  /** Weekly or monthly; the key is the word of the period's site paths. */
  enum Kind {
    WEEK("weekly"),
    MONTH("monthly");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    String key() {
      return key;
    }
  }

  Period {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
  }

  /** The period of this kind that holds a day. */
  static Period of(Kind kind, LocalDate day) {
    if (kind == Kind.WEEK) {
      LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      return new Period(kind, monday, monday.plusDays(6));
    }
    YearMonth month = YearMonth.from(day);
    return new Period(kind, month.atDay(1), month.atEndOfMonth());
  }

  /** The period just before this one. */
  Period previous() {
    return of(kind, first.minusDays(1));
  }

  boolean contains(LocalDate day) {
    return !day.isBefore(first) && !day.isAfter(last);
  }

  /**
   * Its name in URLs and feeds: {@code 2026-W06} (the ISO week-based year and week, two digits),
   * {@code 2026-02}.
   */
  String id() {
    if (kind == Kind.WEEK) {
      int week = first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      return first.get(IsoFields.WEEK_BASED_YEAR) + "-W" + (week < 10 ? "0" : "") + week;
    }
    return YearMonth.from(first).toString();
  }

  /** The ISO week-based year of a week, or the year of a month. */
  int year() {
    return kind == Kind.WEEK ? first.get(IsoFields.WEEK_BASED_YEAR) : first.getYear();
  }

  /** The number of the week in its week-based year, or of the month in its year. */
  int number() {
    return kind == Kind.WEEK ? first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
        : first.getMonthValue();
  }

  int length() {
    return (int) (last.toEpochDay() - first.toEpochDay()) + 1;
  }

  @Override
  public int compareTo(Period o) {
    return first.compareTo(o.first);
  }
}
