package dev.daybook.site;

import dev.daybook.model.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Commits stacked by severity as the bars of an inline SVG chart, laid out at build time so the
 * page needs no script: a bar per day of a month, or per month of a year. Only counts and numbers
 * go in, so nothing a commit says can reach the SVG. Every coordinate is a whole number, so the
 * same counts give the same bytes.
 */
final class StackedBars {

  /** The chart's width in SVG units; the page scales it to its column. */
  static final int WIDTH = 640;
  /** How tall the busiest bar is. */
  static final int PLOT_HEIGHT = 120;
  /** Room left of the bars for the axis numbers. */
  static final int LEFT = 36;
  /** Room above the busiest bar, so its axis number is not cut. */
  static final int TOP = 8;
  /** Room under the bars for their labels. */
  static final int BOTTOM = 26;

  /** The bottom-up order of a bar's parts: the important commits sit on the axis. */
  static final List<Severity> STACK = List.of(Severity.HIGH, Severity.MEDIUM, Severity.LOW);

  /**
   * One bar's counts.
   *
   * @param number the day of the month or the month of the year, shown under the bar
   * @param key what the bar's tooltip names: a date {@code 2026-02-06}, or null for a slot
   *     without a report (no bar is drawn, but the slot keeps its place on the axis)
   * @param counts the commits of each severity
   */
  record Column(int number, String key, Map<Severity, Long> counts) {
    long total() {
      return counts.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private StackedBars() {}

  /**
   * The chart as template data: its size, the busiest bar's count, and per column its place, its
   * counts and the parts of its bar from the axis up ({@code severity}, {@code y},
   * {@code height}).
   */
  static Map<String, Object> layout(List<Column> columns) {
    long max = columns.stream().mapToLong(Column::total).max().orElse(0);
    int slot = (WIDTH - LEFT) / Math.max(1, columns.size());
    int barWidth = Math.max(1, slot * 7 / 10);
    int baseline = TOP + PLOT_HEIGHT;
    Map<Severity, Long> sums = new EnumMap<>(Severity.class);
    List<Map<String, Object>> bars = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      Map<String, Object> bar = new LinkedHashMap<>();
      bar.put("number", c.number());
      bar.put("x", LEFT + i * slot + (slot - barWidth) / 2);
      bar.put("labelX", LEFT + i * slot + slot / 2);
      if (c.key() != null) {
        bar.put("key", c.key());
        bar.put("commits", c.total());
        List<Map<String, Object>> parts = new ArrayList<>();
        long below = 0;
        for (Severity s : STACK) {
          long n = c.counts().getOrDefault(s, 0L);
          bar.put(s.key(), n);
          sums.merge(s, n, Long::sum);
          if (n == 0) {
            continue;
          }
          // Rounding the running total, not each part, keeps the bar's top at its total.
          int bottom = scaled(below, max);
          int top = scaled(below + n, max);
          below += n;
          parts.add(Map.of("severity", s.key(), "y", baseline - top, "height", top - bottom));
        }
        bar.put("parts", parts);
      }
      bars.add(bar);
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("width", WIDTH);
    chart.put("height", baseline + BOTTOM);
    chart.put("left", LEFT);
    chart.put("top", TOP);
    chart.put("baseline", baseline);
    chart.put("barWidth", barWidth);
    chart.put("max", max);
    for (Severity s : Severity.values()) {
      chart.put(s.key(), sums.getOrDefault(s, 0L));
    }
    chart.put("commits", sums.values().stream().mapToLong(Long::longValue).sum());
    // The busiest column, the first of equals, for the chart's summary sentence.
    columns.stream().filter(c -> c.key() != null && c.total() == max && max > 0).findFirst()
        .ifPresent(c -> chart.put("busiest", Map.of("key", c.key(), "number", c.number(),
            "commits", max)));
    chart.put("bars", bars);
    return chart;
  }

  /** A count's height on the plot, rounded half up; the busiest bar is the plot's height. */
  static int scaled(long count, long max) {
    if (max == 0) {
      return 0;
    }
    return (int) ((2 * count * PLOT_HEIGHT + max) / (2 * max));
  }
}
