package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.daybook.site.StackedBars.Unit.DAY;
import static dev.daybook.site.StackedBars.Unit.MONTH;
import static dev.daybook.site.StackedBars.Unit.WEEK;

import dev.daybook.model.Severity;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chart's bars against their counts, on a February made here: the busiest day has 12 commits,
 * so the plot's 120 units give 10 units a commit, and every height below is that count times ten.
 */
class StackedBarsTest {

  static Map<Severity, Long> counts(long high, long medium, long low) {
    return Map.of(Severity.HIGH, high, Severity.MEDIUM, medium, Severity.LOW, low);
  }

  static StackedBars.Column day(int d, long high, long medium, long low) {
    return new StackedBars.Column(d, String.format("2026-02-%02d", d), counts(high, medium, low),
        Integer.toString(d));
  }

  /** February 2026: reports on the 2nd, 5th, 9th and 10th (the 10th without a commit). */
  static List<StackedBars.Column> february() {
    Map<LocalDate, Map<Severity, Long>> reports = new HashMap<>();
    reports.put(LocalDate.of(2026, 2, 2), counts(3, 3, 6));
    reports.put(LocalDate.of(2026, 2, 5), counts(1, 2, 3));
    reports.put(LocalDate.of(2026, 2, 9), counts(0, 0, 1));
    reports.put(LocalDate.of(2026, 2, 10), Map.of());
    return StackedBars.columns(DAY, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28),
        reports::get);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> bars(Map<String, Object> chart) {
    return (List<Map<String, Object>>) chart.get("bars");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> parts(Map<String, Object> bar) {
    return (List<Map<String, Object>>) bar.get("parts");
  }

  @Test
  void eachPartIsAsTallAsItsCountAndStacksFromTheAxisUpHighFirst() {
    Map<String, Object> chart = StackedBars.layout(DAY, february());
    List<Map<String, Object>> bars = bars(chart);

    assertThat(chart.get("max")).isEqualTo(12L);
    assertThat(chart.get("baseline")).isEqualTo(128);
    assertThat(bars).hasSize(28);
    // The 2nd: 3 high, 3 medium, 6 low.
    assertThat(parts(bars.get(1))).containsExactly(
        Map.of("severity", "high", "y", 98, "height", 30),
        Map.of("severity", "medium", "y", 68, "height", 30),
        Map.of("severity", "low", "y", 8, "height", 60));
    // The 5th: 1 high, 2 medium, 3 low.
    assertThat(parts(bars.get(4))).containsExactly(
        Map.of("severity", "high", "y", 118, "height", 10),
        Map.of("severity", "medium", "y", 98, "height", 20),
        Map.of("severity", "low", "y", 68, "height", 30));
    // The 9th: one low commit, and no part for the severities without one.
    assertThat(parts(bars.get(8))).containsExactly(
        Map.of("severity", "low", "y", 118, "height", 10));
    // The 10th has a report without a commit: a tooltip, no part.
    assertThat(bars.get(9)).containsEntry("key", "2026-02-10").containsEntry("commits", 0L);
    assertThat(parts(bars.get(9))).isEmpty();
    // A day without a report keeps its place on the axis but has no bar.
    assertThat(bars.get(0)).doesNotContainKeys("key", "parts").containsEntry("number", 1);
  }

  @Test
  void barsKeepTheirDayOrderAtEvenSpacing() {
    List<Map<String, Object>> bars = bars(StackedBars.layout(DAY, february()));

    // 604 units of plot for 28 days: 21 a day, bars 14 wide in its middle.
    assertThat(bars.get(0).get("x")).isEqualTo(39);
    assertThat(bars.get(1).get("x")).isEqualTo(60);
    assertThat(bars.get(27).get("x")).isEqualTo(39 + 27 * 21);
    assertThat(bars.get(27).get("number")).isEqualTo(28);
  }

  @Test
  void theChartCountsItsCommitsAndNamesTheBusiestDay() {
    Map<String, Object> chart = StackedBars.layout(DAY, february());

    assertThat(chart).containsEntry("high", 4L).containsEntry("medium", 5L)
        .containsEntry("low", 10L).containsEntry("commits", 19L);
    assertThat(chart.get("busiest"))
        .isEqualTo(Map.of("key", "2026-02-02", "number", 2, "commits", 12L));
  }

  @Test
  void roundingTheRunningTotalKeepsABarAsTallAsItsTotal() {
    // 1 + 1 + 1 of 7: each part alone is 17.1 units, the bar 51.4.
    Map<String, Object> chart = StackedBars.layout(DAY, List.of(day(1, 1, 1, 1), day(2, 0, 0, 7)));
    List<Map<String, Object>> parts = parts(bars(chart).get(0));

    assertThat(parts).extracting(p -> p.get("height")).containsExactly(17, 17, 17);
    assertThat(parts.get(2).get("y")).isEqualTo(128 - 51);
    assertThat(parts(bars(chart).get(1))).containsExactly(
        Map.of("severity", "low", "y", 8, "height", 120));
    assertThat(StackedBars.scaled(1, 16)).as("7.5 rounds up").isEqualTo(8);
  }

  @Test
  void aMonthWithoutACommitDrawsNoBarAndNamesNoBusiestDay() {
    Map<String, Object> chart = StackedBars.layout(DAY, List.of(day(1, 0, 0, 0)));

    assertThat(chart).containsEntry("max", 0L).doesNotContainKey("busiest");
    assertThat(parts(bars(chart).get(0))).isEmpty();
  }

  // ---- columns: days, weeks and months ------------------------------------------------------

  @Test
  void aMonthHasADayPerColumnAndADayWithoutAReportHasNoKey() {
    List<StackedBars.Column> days = february();

    assertThat(days).hasSize(28);
    assertThat(days.get(1)).isEqualTo(new StackedBars.Column(2, "2026-02-02", counts(3, 3, 6),
        null));
    assertThat(days.get(9).key()).isEqualTo("2026-02-10");
    assertThat(days.get(9).total()).isZero();
    assertThat(days.get(0).key()).isNull();
    // 28 bars: the first of the month and every fifth day are written under their bars.
    assertThat(days).filteredOn(c -> c.label() != null).extracting(StackedBars.Column::label)
        .containsExactly("1", "5", "10", "15", "20", "25");
  }

  @Test
  void aWeekOrAMonthIsTheSumOfItsDaysWithinTheStretchOnly() {
    // Reports every day from Wednesday 2026-01-28 to Tuesday 2026-02-10, one commit of each
    // severity a day; the days outside the stretch would add 100 if they were counted.
    LocalDate first = LocalDate.of(2026, 1, 28);
    LocalDate last = LocalDate.of(2026, 2, 10);
    Map<LocalDate, Map<Severity, Long>> reports = new HashMap<>();
    for (LocalDate d = first.minusDays(10); !d.isAfter(last.plusDays(10)); d = d.plusDays(1)) {
      boolean inside = !d.isBefore(first) && !d.isAfter(last);
      reports.put(d, inside ? counts(1, 1, 1) : counts(100, 0, 0));
    }

    List<StackedBars.Column> weeks = StackedBars.columns(WEEK, first, last, reports::get);
    // ISO weeks 5 (Mon 01-26: Wed..Sun inside, 5 days), 6 (7 days) and 7 (Mon, Tue: 2 days).
    assertThat(weeks).extracting(StackedBars.Column::key)
        .containsExactly("2026-W05", "2026-W06", "2026-W07");
    assertThat(weeks).extracting(StackedBars.Column::total).containsExactly(15L, 21L, 6L);
    assertThat(weeks.get(0).counts()).isEqualTo(counts(5, 5, 5));
    assertThat(weeks).extracting(StackedBars.Column::label).containsExactly("5", "6", "7");

    List<StackedBars.Column> months = StackedBars.columns(MONTH, first, last, reports::get);
    assertThat(months).extracting(StackedBars.Column::key).containsExactly("2026-01", "2026-02");
    assertThat(months).extracting(StackedBars.Column::total).containsExactly(12L, 30L);
  }

  @Test
  void aStretchWithoutAReportHasAColumnWithoutAKey() {
    Map<LocalDate, Map<Severity, Long>> reports = Map.of(LocalDate.of(2026, 1, 5),
        counts(0, 1, 0), LocalDate.of(2026, 3, 2), counts(0, 0, 2));

    List<StackedBars.Column> months = StackedBars.columns(MONTH, LocalDate.of(2026, 1, 5),
        LocalDate.of(2026, 3, 2), reports::get);

    assertThat(months).extracting(StackedBars.Column::key)
        .containsExactly("2026-01", null, "2026-03");
    assertThat(months.get(1).number()).isEqualTo(2);
  }

  @Test
  void theUnitFitsTheStretchDaysUpToAMonthWeeksUpToHalfAYearThenMonths() {
    LocalDate first = LocalDate.of(2026, 1, 1);
    assertThat(StackedBars.Unit.fitting(first, first)).isEqualTo(DAY);
    assertThat(StackedBars.Unit.fitting(first, first.plusDays(30))).isEqualTo(DAY);
    assertThat(StackedBars.Unit.fitting(first, first.plusDays(31))).isEqualTo(WEEK);
    assertThat(StackedBars.Unit.fitting(first, first.plusDays(181))).isEqualTo(WEEK);
    assertThat(StackedBars.Unit.fitting(first, first.plusDays(182))).isEqualTo(MONTH);
    assertThat(StackedBars.Unit.fitting(first, first.plusYears(5))).isEqualTo(MONTH);
  }

  @Test
  void monthsOverSeveralYearsWriteEachJanuaryAsItsYear() {
    Map<Severity, Long> one = counts(0, 0, 1);
    // November 2025 to April 2026: six bars, each labelled, January as 2026.
    List<StackedBars.Column> six = StackedBars.columns(MONTH, LocalDate.of(2025, 11, 3),
        LocalDate.of(2026, 4, 30), d -> one);
    assertThat(six).extracting(StackedBars.Column::label)
        .containsExactly("11", "12", "2026", "2", "3", "4");
    // 24 months: every third month and the years.
    List<StackedBars.Column> two = StackedBars.columns(MONTH, LocalDate.of(2025, 1, 1),
        LocalDate.of(2026, 12, 31), d -> one);
    assertThat(two).filteredOn(c -> c.label() != null).extracting(StackedBars.Column::label)
        .containsExactly("2025", "4", "7", "10", "2026", "4", "7", "10");
    // Five years: only the years, so they do not crowd.
    List<StackedBars.Column> five = StackedBars.columns(MONTH, LocalDate.of(2022, 1, 1),
        LocalDate.of(2026, 12, 31), d -> one);
    assertThat(five).hasSize(60).filteredOn(c -> c.label() != null)
        .extracting(StackedBars.Column::label)
        .containsExactly("2022", "2023", "2024", "2025", "2026");
    // One calendar year (the year page): each month its number.
    List<StackedBars.Column> year = StackedBars.columns(MONTH, LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 12, 31), d -> one);
    assertThat(year).extracting(StackedBars.Column::label)
        .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
  }

  @Test
  void theLayoutSaysItsUnitAndWritesOnlyTheLabelsItIsGiven() {
    Map<String, Object> chart = StackedBars.layout(WEEK, List.of(
        new StackedBars.Column(6, "2026-W06", counts(1, 0, 0), "6"),
        new StackedBars.Column(7, "2026-W07", counts(0, 1, 0), null)));

    assertThat(chart).containsEntry("unit", "week");
    assertThat(bars(chart).get(0)).containsEntry("label", "6");
    assertThat(bars(chart).get(1)).doesNotContainKey("label");
  }
}
