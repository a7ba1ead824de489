package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chart's bars against their counts, on a February made here: the busiest day has 12 commits,
 * so the plot's 120 units give 10 units a commit, and every height below is that count times ten.
 */
class StackedBarsTest {

  static StackedBars.Column day(int d, long high, long medium, long low) {
    return new StackedBars.Column(d, String.format("2026-02-%02d", d),
        Map.of(Severity.HIGH, high, Severity.MEDIUM, medium, Severity.LOW, low));
  }

  /** February 2026: reports on the 2nd, 5th, 9th and 10th (the 10th without a commit). */
  static List<StackedBars.Column> february() {
    List<StackedBars.Column> days = new ArrayList<>();
    for (int d = 1; d <= 28; d++) {
      days.add(switch (d) {
        case 2 -> day(2, 3, 3, 6);
        case 5 -> day(5, 1, 2, 3);
        case 9 -> day(9, 0, 0, 1);
        case 10 -> day(10, 0, 0, 0);
        default -> new StackedBars.Column(d, null, Map.of());
      });
    }
    return days;
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
    Map<String, Object> chart = StackedBars.layout(february());
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
    List<Map<String, Object>> bars = bars(StackedBars.layout(february()));

    // 604 units of plot for 28 days: 21 a day, bars 14 wide in its middle.
    assertThat(bars.get(0).get("x")).isEqualTo(39);
    assertThat(bars.get(1).get("x")).isEqualTo(60);
    assertThat(bars.get(27).get("x")).isEqualTo(39 + 27 * 21);
    assertThat(bars.get(27).get("number")).isEqualTo(28);
  }

  @Test
  void theChartCountsItsCommitsAndNamesTheBusiestDay() {
    Map<String, Object> chart = StackedBars.layout(february());

    assertThat(chart).containsEntry("high", 4L).containsEntry("medium", 5L)
        .containsEntry("low", 10L).containsEntry("commits", 19L);
    assertThat(chart.get("busiest"))
        .isEqualTo(Map.of("key", "2026-02-02", "number", 2, "commits", 12L));
  }

  @Test
  void roundingTheRunningTotalKeepsABarAsTallAsItsTotal() {
    // 1 + 1 + 1 of 7: each part alone is 17.1 units, the bar 51.4.
    Map<String, Object> chart = StackedBars.layout(List.of(day(1, 1, 1, 1), day(2, 0, 0, 7)));
    List<Map<String, Object>> parts = parts(bars(chart).get(0));

    assertThat(parts).extracting(p -> p.get("height")).containsExactly(17, 17, 17);
    assertThat(parts.get(2).get("y")).isEqualTo(128 - 51);
    assertThat(parts(bars(chart).get(1))).containsExactly(
        Map.of("severity", "low", "y", 8, "height", 120));
    assertThat(StackedBars.scaled(1, 16)).as("7.5 rounds up").isEqualTo(8);
  }

  @Test
  void aMonthWithoutACommitDrawsNoBarAndNamesNoBusiestDay() {
    Map<String, Object> chart = StackedBars.layout(List.of(day(1, 0, 0, 0)));

    assertThat(chart).containsEntry("max", 0L).doesNotContainKey("busiest");
    assertThat(parts(bars(chart).get(0))).isEmpty();
  }
}
